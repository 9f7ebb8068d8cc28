package io.chorus.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 4 end to end on real Keycloak tokens and Kafka: a released transcript reaches coding-service,
 * two analysts code it blind, see their agreement, decide the consensus (which reaches Kafka), and
 * the site lead validates it.
 */
@ExtendWith(EmbeddedPlatform.class)
class DoubleCodingIT {

    static final String CODING = "coding-service";

    final ChorusClient client = EmbeddedPlatform.client();

    @Test
    void twoAnalystsCodeBlindAgreeAndTheSiteLeadValidates() throws Exception {
        String partner = client.partnerToken("BU");
        String push = """
                {"externalId":"%s","language":"en","paragraphs":[
                  {"speaker":"M","text":"What would peer support workers bring to your ward?"},
                  {"speaker":"P9","text":"They have been there; patients believe them."},
                  {"speaker":"P4","text":"But there is no policy for paying them."}]}""".formatted("bu-coding-" + UUID.randomUUID());
        String id = client.post("transcript-service", "/api/sites/BU/transcripts", partner, push).body().path("id").asText();
        String base = "/api/sites/BU/transcripts/" + id;
        String lead = client.userToken("lead-bu");
        assertEquals(200, client.post("transcript-service", base + "/back-check", lead, "").status());
        assertEquals(200, client.post("transcript-service", base + "/reviews", client.userToken("translator-a"), "").status());
        assertEquals(200, client.post("transcript-service", base + "/reviews", client.userToken("translator-b"), "").status());
        assertEquals(200, client.post("transcript-service", base + "/release", lead, "").status());

        String analyst = client.userToken("analyst");
        String analystB = client.userToken("analyst-b");
        Awaitility.await().atMost(Duration.ofSeconds(60))
                .until(() -> client.get(CODING, "/api/transcripts/" + id, analyst).status() == 200);

        JsonNode codebook = client.post(CODING, "/api/codebooks/templates/implementation-influences", analyst, "").body();
        String policy = codebook.path("codes").path(0).path("children").path(1).path("id").asText();
        String trust = codebook.path("codes").path(1).path("children").path(0).path("id").asText();
        // who may code BU comes from identity's person-roles-changed events: ULM's lead and BU's translator may not
        for (String refused : List.of("lead-ulm", "translator-bu")) {
            ChorusClient.Reply wrong = client.post(CODING, "/api/rounds", analyst, """
                    {"name":"wrong coder","codebookId":"%s","assignments":[{"transcriptId":"%s","coders":["analyst","%s"]}]}"""
                    .formatted(codebook.path("id").asText(), id, refused));
            assertEquals(422, wrong.status(), wrong.body().toString());
            assertEquals("/assignments/0/coders/1", wrong.body().path("errors").path(0).path("pointer").asText());
        }
        ChorusClient.Reply round = client.post(CODING, "/api/rounds", analyst, """
                {"name":"BU first transcript","codebookId":"%s","assignments":[{"transcriptId":"%s","coders":["analyst","analyst-b"]}]}"""
                .formatted(codebook.path("id").asText(), id));
        assertEquals(201, round.status(), round.body().toString());
        String roundId = round.body().path("id").asText();
        String coding = "{\"codeId\":\"%s\",\"firstParagraph\":%d,\"lastParagraph\":%d,\"roundId\":\"" + roundId + "\"}";
        String mine = code(analyst, id, coding.formatted(policy, 3, 3));
        code(analyst, id, coding.formatted(trust, 2, 2));
        String theirs = code(analystB, id, coding.formatted(policy, 3, 3));
        code(analystB, id, coding.formatted(policy, 2, 2));

        assertEquals(404, client.get(CODING, "/api/codings/" + mine, analystB).status(), "blind while the round is open");
        assertEquals(409, client.get(CODING, "/api/rounds/" + roundId + "/agreement", analyst).status());
        String etag = client.get(CODING, "/api/rounds/" + roundId, analyst).etag();
        assertEquals(200, client.post(CODING, "/api/rounds/" + roundId + "/closure", analyst, "", etag).status());

        // units: paragraphs 2 and 3 x codes policy and trust. policy: (0,1) (1,1); trust: (1,0) (0,0).
        // 2 of 4 agree; both coders said yes twice, so chance is .5 and Cohen's kappa 0
        JsonNode agreement = client.get(CODING, "/api/rounds/" + roundId + "/agreement", analyst).body();
        assertEquals(4, agreement.path("overall").path("units").asInt(), agreement.toString());
        assertEquals(0.5, agreement.path("overall").path("percentAgreement").asDouble(), 1e-9);
        assertEquals(0.0, agreement.path("overall").path("cohenKappa").asDouble(), 1e-9);
        assertTrue(agreement.path("overall").has("krippendorffAlpha"));

        ChorusClient.Reply consensus = client.put(CODING, "/api/rounds/" + roundId + "/transcripts/" + id + "/consensus", analyst, """
                {"codings":[{"codeId":"%s","firstParagraph":3,"lastParagraph":3,"valence":"barrier","basedOn":["%s","%s"]}]}"""
                .formatted(policy, mine, theirs));
        assertEquals(200, consensus.status(), consensus.body().toString());
        String decided = consensus.body().path("codings").path(0).path("id").asText();
        assertEquals(201, client.put(CODING, "/api/codings/" + decided + "/site-validation", lead,
                "{\"status\":\"confirmed\",\"comment\":\"Matches what we heard in Kampala\"}").status());
        assertEquals("confirmed", client.get(CODING, "/api/codings/" + decided, analystB).body()
                .path("siteValidation").path("status").asText());
        assertEquals(404, client.put(CODING, "/api/codings/" + decided + "/site-validation", client.userToken("lead-ulm"),
                "{\"status\":\"confirmed\"}").status(), "another site's lead does not see it");

        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedPlatform.settings().kafkaBootstrap());
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, "double-coding-it-" + UUID.randomUUID());
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<String> types = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(properties, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of("chorus.coding"));
            long deadline = System.currentTimeMillis() + 30_000;
            while (!types.contains("io.chorus.coding.consensus-reached.v1") && System.currentTimeMillis() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(record -> {
                    Header type = record.headers().lastHeader("ce_type");
                    if (record.value().contains(id) && type != null) {
                        types.add(new String(type.value()));
                    }
                });
            }
        }
        assertTrue(types.contains("io.chorus.coding.passage-coded.v1"), types.toString());
        assertTrue(types.contains("io.chorus.coding.consensus-reached.v1"), types.toString());
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
            for (JsonNode row : client.get("reporting-service", "/api/reports/progress", analyst).body().path("rows")) {
                if (row.path("site").asText().equals("BU")) {
                    return row.path("doubleCoded").asInt() >= 1;
                }
            }
            return false;
        });
    }

    private String code(String token, String transcriptId, String body) {
        ChorusClient.Reply reply = client.post(CODING, "/api/transcripts/" + transcriptId + "/codings", token, body);
        assertEquals(201, reply.status(), reply.body().toString());
        return reply.body().path("id").asText();
    }
}
