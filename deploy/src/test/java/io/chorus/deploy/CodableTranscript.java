package io.chorus.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.chorus.client.coding.api.CodebooksApi;
import io.chorus.client.coding.api.ReleasedTranscriptsApi;
import io.chorus.client.coding.model.CodeView;
import io.chorus.client.coding.model.CodebookView;
import io.chorus.client.coding.model.PhaseAssignment;
import io.chorus.client.transcript.model.ParagraphPush;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.awaitility.Awaitility;

/**
 * A released BU transcript (two paragraphs unless given) in a study of its own, whose phase has a published codebook: what a browser test codes.
 *
 * @param codable the codes a coding may take, in the codebook's order: what Studio pins to the number keys
 */
record CodableTranscript(OwnStudy study, CodebookView codebook, String id, String externalId, List<CodeView> codable) {

    static CodableTranscript release(ChorusClient client, String title) throws Exception {
        return release(client, title, WalkingSkeletonIT.transcript("unused").getParagraphs());
    }

    static CodableTranscript release(ChorusClient client, String title, List<ParagraphPush> paragraphs) throws Exception {
        String analyst = client.userToken("analyst");
        OwnStudy study = OwnStudy.register(client, title);
        CodebooksApi codebooks = Api.coding(CodebooksApi::new, analyst);
        CodebookView codebook = codebooks.importCodebookTemplate("implementation-influences", null);
        String etag = codebooks.getCodebookWithHttpInfo(codebook.getId()).getHeaders().get("etag").get(0);
        codebooks.publishCodebook(codebook.getId(), etag, null);
        codebooks.assignPhaseCodebook(study.code(), study.phase(), new PhaseAssignment().codebookId(codebook.getId()));
        String session = study.session(client, "BU");
        String externalId = "studio-" + UUID.randomUUID();
        String id = WalkingSkeletonIT.released(client, "BU", WalkingSkeletonIT.transcript(externalId).paragraphs(paragraphs)
                .session(session)).getId();
        Awaitility.await().atMost(Duration.ofSeconds(60)).ignoreExceptions().untilAsserted(() -> assertEquals(codebook.getId(),
                Api.coding(ReleasedTranscriptsApi::new, analyst).getReleasedTranscript(id).getCodebookId()));
        return new CodableTranscript(study, codebook, id, externalId, codable(codebook.getCodes()).toList());
    }

    static Stream<CodeView> codable(List<CodeView> codes) {
        return codes.stream().flatMap(code -> Stream.concat(
                Boolean.TRUE.equals(code.getCodable()) && code.getRetiredIn() == null ? Stream.of(code) : Stream.empty(),
                codable(code.getChildren() == null ? List.of() : code.getChildren())));
    }
}
