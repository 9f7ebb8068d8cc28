package io.chorus.deploy;

import static io.chorus.deploy.Api.assertRefused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chorus.client.coding.api.CodebooksApi;
import io.chorus.client.coding.api.CodingApi;
import io.chorus.client.coding.api.DoubleCodingApi;
import io.chorus.client.coding.api.ReleasedTranscriptsApi;
import io.chorus.client.coding.model.Assignment;
import io.chorus.client.coding.model.CodebookView;
import io.chorus.client.coding.model.Coefficients;
import io.chorus.client.coding.model.ConsensusDecision;
import io.chorus.client.coding.model.ConsensusSet;
import io.chorus.client.coding.model.NewCoding;
import io.chorus.client.coding.model.NewRound;
import io.chorus.client.coding.model.SiteValidation;
import io.chorus.client.reporting.api.ReportsApi;
import io.chorus.client.transcript.model.ParagraphPush;
import io.chorus.client.transcript.model.TranscriptPush;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 4 end to end on real Keycloak tokens and Kafka, through the generated clients: a released transcript
 * reaches coding-service, two analysts code it blind, see their agreement, decide the consensus (which reaches
 * Kafka as a CloudEvent naming its schema), and the site lead validates it.
 */
@ExtendWith(EmbeddedPlatform.class)
class DoubleCodingIT {

    final ChorusClient client = EmbeddedPlatform.client();

    @Test
    void twoAnalystsCodeBlindAgreeAndTheSiteLeadValidates() throws Exception {
        String id = WalkingSkeletonIT.released(client, "BU", new TranscriptPush().externalId("bu-coding-" + UUID.randomUUID())
                .language("en").paragraphs(List.of(
                        new ParagraphPush().speaker("M").text("What would peer support workers bring to your ward?"),
                        new ParagraphPush().speaker("P9").text("They have been there; patients believe them."),
                        new ParagraphPush().speaker("P4").text("But there is no policy for paying them.")))).getId();
        String analyst = client.userToken("analyst");
        String analystB = client.userToken("analyst-b");
        String lead = client.userToken("lead-bu");
        Awaitility.await().atMost(Duration.ofSeconds(60)).ignoreExceptions()
                .until(() -> Api.coding(ReleasedTranscriptsApi::new, analyst).getReleasedTranscript(id) != null);

        CodebookView codebook = Api.coding(CodebooksApi::new, analyst).importCodebookTemplate("implementation-influences", null);
        UUID policy = codebook.getCodes().get(0).getChildren().get(1).getId();
        UUID trust = codebook.getCodes().get(1).getChildren().get(0).getId();
        var rounds = Api.coding(DoubleCodingApi::new, analyst);
        // who may code BU comes from identity's person-roles-changed events: ULM's lead and BU's translator may not
        for (String refused : List.of("lead-ulm", "translator-bu")) {
            Api.Refusal wrong = Api.refused(() -> rounds.createRound(new NewRound().name("wrong coder").codebookId(codebook.getId())
                    .assignments(List.of(new Assignment().transcriptId(id).coders(List.of("analyst", refused)))), null));
            assertEquals(422, wrong.status(), String.valueOf(wrong.problem()));
            assertEquals("/assignments/0/coders/1", wrong.problem().path("errors").path(0).path("pointer").asText());
        }
        UUID roundId = rounds.createRound(new NewRound().name("BU first transcript").codebookId(codebook.getId())
                .assignments(List.of(new Assignment().transcriptId(id).coders(List.of("analyst", "analyst-b")))), null).getId();
        UUID mine = code(analyst, id, policy, 3, roundId);
        code(analyst, id, trust, 2, roundId);
        UUID theirs = code(analystB, id, policy, 3, roundId);
        code(analystB, id, policy, 2, roundId);

        assertRefused(404, () -> Api.coding(CodingApi::new, analystB).getCoding(mine));
        assertRefused(409, () -> rounds.getRoundAgreement(roundId, null, null));
        String etag = rounds.getRoundWithHttpInfo(roundId).getHeaders().get("etag").get(0);
        rounds.closeRound(roundId, etag, null);

        // units: paragraphs 2 and 3 x codes policy and trust. policy: (0,1) (1,1); trust: (1,0) (0,0).
        // 2 of 4 agree; both coders said yes twice, so chance is .5 and Cohen's kappa 0
        Coefficients overall = rounds.getRoundAgreement(roundId, null, null).getPooledPresence();
        assertEquals(4, overall.getUnits());
        assertEquals(0.5, overall.getPercentAgreement(), 1e-9);
        assertEquals(0.0, overall.getCohenKappa(), 1e-9);
        assertNotNull(overall.getKrippendorffAlpha());

        UUID decided = rounds.decideConsensus(roundId, id, new ConsensusSet().codings(List.of(new ConsensusDecision()
                .codeId(policy).firstParagraph(3).lastParagraph(3).valence(ConsensusDecision.ValenceEnum.BARRIER)
                .basedOn(List.of(mine, theirs)))), null).getCodings().get(0).getId();
        var validated = Api.coding(CodingApi::new, lead).validateCodingWithHttpInfo(decided, new SiteValidation()
                .status(SiteValidation.StatusEnum.CONFIRMED).comment("Matches what we heard in Kampala"), null);
        assertEquals(201, validated.getStatusCode(), "the first validation needs no If-Match");
        assertEquals("confirmed", String.valueOf(Api.coding(CodingApi::new, analystB).getCoding(decided).getSiteValidation().getStatus()));
        assertRefused(428, () -> Api.coding(CodingApi::new, lead).validateCoding(decided,
                new SiteValidation().status(SiteValidation.StatusEnum.CONTESTED), null));
        assertRefused(404, () -> Api.coding(CodingApi::new, client.userToken("lead-ulm")).validateCoding(decided,
                new SiteValidation().status(SiteValidation.StatusEnum.CONFIRMED), null));

        List<ConsumerRecord<String, String>> events = codingEventsAbout(id, "io.chorus.coding.consensus-reached.v1");
        List<String> types = events.stream().map(r -> header(r, "ce_type")).toList();
        assertTrue(types.contains("io.chorus.coding.passage-coded.v1"), types.toString());
        assertTrue(types.contains("io.chorus.coding.consensus-reached.v1"), types.toString());
        for (ConsumerRecord<String, String> event : events) {
            String schema = header(event, "ce_dataschema");
            assertNotNull(schema, "every event names its schema");
            assertEquals(200, client.get("coding-service", java.net.URI.create(schema).getPath(), null).status(), schema + " is served");
            assertEquals(null, header(event, "ce_datacontenttype"), "no redundant ce_datacontenttype");
        }
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
            for (Map<String, ?> row : Api.reporting(ReportsApi::new, analyst).getProgressReport(null, null, null).getRows()) {
                if ("BU".equals(Api.cell(row, "site"))) {
                    return ((Number) Api.cell(row, "doubleCoded")).intValue() >= 1;
                }
            }
            return false;
        });
    }

    private static UUID code(String token, String transcriptId, UUID codeId, int paragraph, UUID roundId) throws Exception {
        return Api.coding(CodingApi::new, token).createCoding(transcriptId, new NewCoding().codeId(codeId).firstParagraph(paragraph)
                .lastParagraph(paragraph).roundId(roundId), null).getId();
    }

    private static List<ConsumerRecord<String, String>> codingEventsAbout(String transcriptId, String until) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedPlatform.settings().kafkaBootstrap());
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, "double-coding-it-" + UUID.randomUUID());
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ConsumerRecord<String, String>> events = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(properties, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of("chorus.coding"));
            long deadline = System.currentTimeMillis() + 30_000;
            while (events.stream().noneMatch(e -> until.equals(header(e, "ce_type"))) && System.currentTimeMillis() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(record -> {
                    if (record.value().contains(transcriptId) && header(record, "ce_type") != null) {
                        events.add(record);
                    }
                });
            }
        }
        return events;
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
