package io.chorus.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chorus.client.coding.api.AssistantApi;
import io.chorus.client.coding.api.AuditApi;
import io.chorus.client.coding.api.CodebooksApi;
import io.chorus.client.coding.api.CodingApi;
import io.chorus.client.coding.api.DoubleCodingApi;
import io.chorus.client.coding.api.ReleasedTranscriptsApi;
import io.chorus.client.coding.api.SearchApi;
import io.chorus.client.coding.model.Assignment;
import io.chorus.client.coding.model.AssistantModel;
import io.chorus.client.coding.model.AssistantPassRequest;
import io.chorus.client.coding.model.BatchCodingItem;
import io.chorus.client.coding.model.BulkOperation;
import io.chorus.client.coding.model.CodeAllHits;
import io.chorus.client.coding.model.CodeSuggestions;
import io.chorus.client.coding.model.CodebookView;
import io.chorus.client.coding.model.CodingBatch;
import io.chorus.client.coding.model.CodingBatchResult;
import io.chorus.client.coding.model.HitSearch;
import io.chorus.client.coding.model.NewCoding;
import io.chorus.client.coding.model.NewRound;
import io.chorus.client.coding.model.PageSearchHit;
import io.chorus.client.coding.model.PageUncertainParagraph;
import io.chorus.client.coding.model.SearchHit;
import io.chorus.client.coding.model.SearchedText;
import io.chorus.client.transcript.api.TranscriptWorkflowApi;
import io.chorus.client.transcript.api.TranscriptsApi;
import io.chorus.client.transcript.model.ParagraphPush;
import io.chorus.client.transcript.model.TranscriptPush;
import io.chorus.client.transcript.model.WorkflowBatch;
import io.chorus.client.transcript.model.WorkflowBatchResult;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 16 end to end on the real platform, through the generated clients: a batch of transcripts released in one
 * workflow call, full-text search within the caller's sites (originals audited), code-all-hits and its undo, a batch of
 * codings with an Idempotency-Key, suggestions and similar passages from the in-process model, and an assistant pass
 * compared with a human in a blind round.
 */
@ExtendWith(EmbeddedPlatform.class)
class SearchAndAssistantIT {

    final ChorusClient client = EmbeddedPlatform.client();

    static String indexStatus(AssistantApi assistant) {
        try {
            return "the embedding index: " + assistant.getEmbeddingIndexStatus();
        } catch (Exception e) {
            return "the embedding index could not be read: " + e;
        }
    }

    @Test
    void searchBulkWorkAndTheAssistantWorkOnTheRealPlatformWithinTheCallersSites() throws Exception {
        String word = "zk" + UUID.randomUUID().toString().substring(0, 6);
        String analyst = client.userToken("analyst");
        String lead = client.userToken("lead-bu");
        // its own study: the similar passages and the searches below read only what this test pushed
        OwnStudy study = OwnStudy.register(client, "Search and assistant " + word);
        String session = study.session(client, "BU");
        var pushes = Api.transcripts(TranscriptsApi::new, client.partnerToken("BU"));
        String first = pushes.pushTranscript("BU", new TranscriptPush().externalId("bu-search-" + word).language("en").session(session).paragraphs(List.of(
                new ParagraphPush().speaker("P1").text("The " + word + " nurses refused to work with the peer workers. They did not accept them."),
                new ParagraphPush().speaker("P2").text("There is no money to pay the peer workers a salary."))), null).getId();
        String second = pushes.pushTranscript("BU", new TranscriptPush().externalId("bu-search-2-" + word).language("en").session(session).paragraphs(List.of(
                new ParagraphPush().speaker("P3").text("Some " + word + " doctors welcomed the peer workers."))), null).getId();

        // one workflow call per step for both transcripts
        for (String[] step : new String[][] {{"back-check", "lead-bu"}, {"review", "translator-a"}, {"review", "translator-b"},
            {"release", "lead-bu"}}) {
            WorkflowBatchResult result = Api.transcripts(TranscriptWorkflowApi::new, client.userToken(step[1]))
                    .runWorkflowBatch("BU", new WorkflowBatch().step(WorkflowBatch.StepEnum.fromValue(step[0])).transcripts(List.of(first, second)), null);
            assertEquals(2, result.getDone(), step[0] + ": " + result);
        }
        Awaitility.await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() ->
                Api.coding(ReleasedTranscriptsApi::new, analyst).getReleasedTranscript(second) != null);

        // search: the analyst finds both, ULM's lead neither; BU's lead searches BU's originals, and that is audited
        var search = Api.coding(SearchApi::new, analyst);
        PageSearchHit hits = search.searchTranscripts(null, null, null, null, null, word, null, null, null, null, null);
        assertEquals(2L, hits.getTotal());
        SearchHit hit = hits.getItems().stream().filter(h -> h.getTranscriptId().equals(first)).findFirst().orElseThrow();
        assertEquals("BU 1", hit.getLabel());
        assertEquals(word, hit.getMatch());
        assertEquals(0L, Api.coding(SearchApi::new, client.userToken("lead-ulm"))
                .searchTranscripts(null, null, null, null, null, word, null, null, null, null, null).getTotal());
        assertEquals(2L, Api.coding(SearchApi::new, lead)
                .searchTranscripts(null, null, null, null, null, word, null, null, null, null, SearchedText.ORIGINAL).getTotal());
        assertEquals(word, Api.coding(AuditApi::new, client.userToken("admin")).listOriginalSearches(null, "BU", 1, "lead-bu")
                .getItems().get(0).getQuery());

        // code all hits by sentence, then undo the operation
        CodebookView codebook = Api.coding(CodebooksApi::new, analyst).importCodebookTemplate("implementation-influences", null);
        UUID staffAttitudes = codebook.getCodes().get(1).getChildren().stream().filter(c -> c.getName().equals("Staff attitudes"))
                .findFirst().orElseThrow().getId();
        CodeAllHits codeAll = new CodeAllHits().search(new HitSearch().q(word)).codeId(staffAttitudes).unit(CodeAllHits.UnitEnum.SENTENCE);
        assertEquals(2, search.previewCodeAllHits(codeAll, null).getCodings());
        BulkOperation operation = search.codeAllHits(codeAll, null);
        assertEquals(2, operation.getCoded());
        var codings = Api.coding(CodingApi::new, analyst);
        assertEquals(operation.getId(), codings.listTranscriptCodings(first, null, null).getItems().get(0).getBulkOperation());
        assertEquals(0, (int) codings.listTranscriptCodings(first, null, null).getItems().get(0).getStartOffset());
        assertEquals(2, search.undoBulkOperation(operation.getId(), null).getUndone());
        assertEquals(0L, codings.listTranscriptCodings(first, null, null).getTotal());

        // a batch of codings under an Idempotency-Key is stored once however often it is sent
        String key = UUID.randomUUID().toString();
        CodingBatch batch = new CodingBatch().items(List.of(
                new BatchCodingItem().transcriptId(first).codeId(staffAttitudes).firstParagraph(1).lastParagraph(1),
                new BatchCodingItem().transcriptId(second).codeId(staffAttitudes).firstParagraph(1).lastParagraph(1)));
        CodingBatchResult stored = codings.createCodingBatch(batch, key);
        assertEquals(2, stored.getStored());
        assertEquals(stored.getResults(), codings.createCodingBatch(batch, key).getResults());
        assertEquals(1L, codings.listTranscriptCodings(second, null, null).getTotal());

        // suggestions and similar passages from the model inside coding-service
        var assistant = Api.coding(AssistantApi::new, analyst);
        CodeSuggestions suggestions = assistant.suggestCodes(first, 2, codebook.getId(), 3);
        assertEquals(3, suggestions.getSuggestions().size());
        assertTrue(suggestions.getModel().startsWith("all-minilm-l6-v2-q@"), suggestions.getModel());
        // the background job embeds released paragraphs oldest first: until it reaches this test's two transcripts, behind
        // whatever an earlier class released (a 5,000-paragraph transcript takes it minutes on two cores), the study has
        // nothing to compare; the message says how far the index is
        Awaitility.await().atMost(Duration.ofMinutes(6)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> assertEquals(second,
                assistant.findSimilarPassages(null, null, null, null, 1, null, null, null, null, 5, study.code(), first).getItems().stream()
                        .findFirst().map(h -> h.getTranscriptId()).orElse(null), () -> indexStatus(assistant)));

        // the assistant learns from the study's codings in the background (no one asks it to), and says how good it is
        Awaitility.await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
            AssistantModel model = assistant.getAssistantModel(codebook.getId());
            assertEquals(AssistantModel.StateEnum.TRAINED, model.getState(), model::toString);
            assertFalse(model.getStale(), model::toString);
        });
        AssistantModel learned = assistant.getAssistantModel(codebook.getId());
        int codingsLearned = learned.getEvaluation().getCodings();
        assertTrue(codingsLearned > 0, learned::toString);
        assertTrue(learned.getEvaluation().getCodes().stream().anyMatch(c -> c.getCodeId().equals(staffAttitudes)), learned::toString);
        // a new coding, and a retraining asked for: the next model has learned from it
        codings.createCoding(second, new NewCoding().codeId(staffAttitudes).firstParagraph(1).lastParagraph(1), null);
        assistant.retrainAssistant(codebook.getId(), null);
        Awaitility.await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            AssistantModel model = assistant.getAssistantModel(codebook.getId());
            assertFalse(model.getStale(), model::toString);
            assertEquals(codingsLearned + 1, model.getEvaluation().getCodings(), model::toString);
        });
        // active learning: the paragraphs not yet coded, least certain first
        PageUncertainParagraph uncertain = assistant.listUncertainParagraphs(first, codebook.getId(), 0, 20);
        assertEquals(uncertain.getTotal(), (long) uncertain.getItems().size());
        for (int i = 1; i < uncertain.getItems().size(); i++) {
            assertTrue(uncertain.getItems().get(i - 1).getMargin() <= uncertain.getItems().get(i).getMargin(), uncertain::toString);
        }

        // the assistant codes a blind round beside a human and the round's agreement compares the two
        var rounds = Api.coding(DoubleCodingApi::new, analyst);
        UUID roundId = rounds.createRound(new NewRound().name("assistant " + word).codebookId(codebook.getId())
                .assignments(List.of(new Assignment().transcriptId(first).coders(List.of("analyst")))), null).getId();
        codings.createCoding(first, new NewCoding().codeId(staffAttitudes).firstParagraph(1).lastParagraph(1).roundId(roundId), null);
        PageUncertainParagraph toCode = assistant.listUncertainRoundParagraphs(roundId, 0, 20);
        assertTrue(toCode.getItems().stream().allMatch(p -> p.getTranscriptId().equals(first) && p.getParagraph() != 1), toCode::toString);
        assertEquals(2, assistant.runAssistantPass(roundId, new AssistantPassRequest().threshold(-1.0), null).getCodings());
        String etag = rounds.getRoundWithHttpInfo(roundId).getHeaders().get("etag").get(0);
        rounds.closeRound(roundId, etag, null);
        List<String> coders = rounds.getRoundAgreement(roundId, null, null).getCoders();
        assertEquals(List.of("analyst", "assistant:all-minilm-l6-v2-q@1.19.0-beta29"), coders);
    }
}
