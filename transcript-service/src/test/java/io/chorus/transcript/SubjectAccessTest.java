package io.chorus.transcript;

import static io.chorus.transcript.TranscriptWorkflowTest.LEAD;
import static io.chorus.transcript.TranscriptWorkflowTest.PARTNER;
import static io.chorus.transcript.TranscriptWorkflowTest.RESEARCHER;
import static io.chorus.transcript.TranscriptWorkflowTest.TRANSLATOR;
import static io.chorus.transcript.TranscriptWorkflowTest.step;
import static io.chorus.transcript.TranscriptWorkflowTest.translate;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.chorus.common.crypto.DataKey;
import io.chorus.common.crypto.FieldCipher;
import io.chorus.common.testing.EventSchemas;
import io.chorus.common.testing.MongoTestResource;
import io.chorus.common.testing.TestEvents;
import io.chorus.common.testing.TestTokens;
import io.chorus.transcript.erasure.DataKeyStore;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.zip.ZipInputStream;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.junit.jupiter.api.Test;

/** Issue 30: a site lead gets everything Chorus holds on one participant of their site, in one archive, audited. */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(MongoTestResource.class)
class SubjectAccessTest {

    static final String LEAD_BU = TestTokens.token("lead-bu", List.of("site-lead"), List.of("BU"));

    @Inject
    @Any
    InMemoryConnector connector;

    @Inject
    DataKeyStore keys;

    final ObjectMapper json = new ObjectMapper();

    @Test
    void theLeadGetsQuestionnaireConsentParagraphsCodingsMemosAndQuotesInOneAuditedArchive() throws Exception {
        String number = "S" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        given().auth().oauth2(PARTNER).contentType(ContentType.JSON).body("{\"gender\":\"diverse\",\"age\":44,\"role\":\"nurse\"}")
                .put("/api/sites/ULM/participants/{n}", number).then().statusCode(201);
        String id = given().auth().oauth2(PARTNER).contentType(ContentType.JSON).body("""
                {"externalId":"sar-%s","language":"de","paragraphs":[{"speaker":"M","text":"Und Sie?"},{"speaker":"%s","text":"Ich <b>hoffe</b>."}]}"""
                .formatted(UUID.randomUUID(), number)).post("/api/sites/ULM/transcripts").then().statusCode(201).extract().path("id");
        step(RESEARCHER, "/back-check", id, null).statusCode(200);
        translate(TRANSLATOR, id, "{\"paragraphs\":[{\"n\":1,\"english\":\"And you?\"},{\"n\":2,\"english\":\"I <b>hope</b>.\"}]}").statusCode(200);

        given().auth().oauth2(RESEARCHER).post("/api/sites/ULM/participants/{n}/data-requests", number).then().statusCode(403);
        given().auth().oauth2(LEAD_BU).post("/api/sites/ULM/participants/{n}/data-requests", number).then().statusCode(404);
        String request = given().auth().oauth2(LEAD).post("/api/sites/ULM/participants/{n}/data-requests", number).then().statusCode(202)
                .body("status", equalTo("gathering")).body("requestedBy", equalTo("lead-ulm")).extract().path("id");
        given().auth().oauth2(LEAD).get("/api/sites/ULM/participants/{n}/data-requests/{r}/archive", number, request).then().statusCode(409)
                .contentType("application/problem+json");

        Message<String> asked = Awaitility.await().until(() -> connector.<String>sink("transcript-events").received().stream()
                .filter(m -> m.getMetadata(OutgoingCloudEventMetadata.class).orElseThrow().getType().endsWith(".subject-access-requested.v1")
                        && m.getPayload().contains(request)).findFirst(), java.util.Optional::isPresent).orElseThrow();
        assertEquals(Set.of(), EventSchemas.load("transcript-service/src/main/resources/META-INF/resources/events/"
                + "subject-access-requested.schema.json").violations(asked.getPayload()));
        JsonNode refs = json.readTree(asked.getPayload()).path("paragraphs");
        assertEquals(1, refs.size(), "the participant's paragraphs only");
        String keyId = DataKeyStore.speakerKeyId(id, number, false);
        assertEquals(keyId, refs.get(0).path("keyId").asText());

        DataKey key = keys.key(keyId, id, "ULM", number).orElseThrow();
        String answer = """
                {"requestId":"%s","site":"ULM","participant":"%s","at":"2026-12-07T10:00:00Z",
                 "codings":[{"codingId":"%s","transcriptId":"%s","firstParagraph":2,"lastParagraph":2,"codeId":"%s","code":"Hope",
                   "codebookId":"%s","coder":"analyst","valence":"facilitator","consensus":false,"createdAt":"2026-11-01T09:00:00Z"}],
                 "memos":[{"memoId":"%s","transcriptId":"%s","firstParagraph":2,"lastParagraph":2,"title":"%s","text":"%s",
                   "author":"analyst","createdAt":"2026-11-01T09:05:00Z"}]}""".formatted(request, number, UUID.randomUUID(), id,
                UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), id, FieldCipher.seal("Hopeful", key),
                FieldCipher.seal("She <i>hopes</i>.", key));
        assertEquals(Set.of(), EventSchemas.load("coding-service/src/main/resources/META-INF/resources/events/subject-access-answered.schema.json")
                .violations(answer), "the answer as coding-service's schema promises it");
        var event = TestEvents.envelope("io.chorus.coding.subject-access-answered.v1", "subject-access", request, answer);
        connector.source("coding-events").send(TestEvents.incoming(event));
        connector.source("coding-events").send(TestEvents.incoming(event)); // redelivered: nothing changes
        Awaitility.await().untilAsserted(() -> given().auth().oauth2(LEAD).get("/api/sites/ULM/participants/{n}/data-requests/{r}", number, request)
                .then().body("status", equalTo("ready")));

        byte[] zip = given().auth().oauth2(LEAD).get("/api/sites/ULM/participants/{n}/data-requests/{r}/archive", number, request).then()
                .statusCode(200).contentType("application/zip").header("Cache-Control", org.hamcrest.Matchers.containsString("no-store"))
                .extract().asByteArray();
        Map<String, String> files = unzip(zip);
        JsonNode archive = json.readTree(files.get("participant.json"));
        assertEquals(44, archive.at("/questionnaire/age").asInt());
        assertEquals("given", archive.at("/consent/status").asText());
        assertEquals(1, archive.path("paragraphs").size());
        assertEquals("Ich <b>hoffe</b>.", archive.at("/paragraphs/0/original").asText());
        assertEquals("I <b>hope</b>.", archive.at("/paragraphs/0/english").asText());
        assertEquals("ULM 2", archive.at("/paragraphs/0/label").asText());
        assertEquals("Hope", archive.at("/codings/0/code").asText());
        assertEquals("She <i>hopes</i>.", archive.at("/memos/0/text").asText(), "the memo opened with the participant's key");
        assertEquals("Hope", archive.at("/quotes/0/code").asText());
        assertEquals("I <b>hope</b>.", archive.at("/quotes/0/english").asText());
        String html = files.get("summary.html");
        assertTrue(html.contains("I &lt;b&gt;hope&lt;/b&gt;.") && html.contains("She &lt;i&gt;hopes&lt;/i&gt;.") && !html.contains("<b>hope"),
                "the summary shows every word, escaped");
        given().auth().oauth2(LEAD).get("/api/sites/ULM/participants/{n}/data-requests/{r}", number, request).then()
                .body("deliveries", hasSize(1)).body("deliveries[0].by", equalTo("lead-ulm"));

        given().auth().oauth2(LEAD).post("/api/sites/ULM/participants/{n}/withdrawal", number).then().statusCode(200);
        given().auth().oauth2(LEAD).get("/api/sites/ULM/participants/{n}/data-requests/{r}", number, request).then().statusCode(404);
        String admin = TestTokens.token("admin", List.of("consortium-admin"), List.of());
        given().auth().oauth2(admin).queryParam("site", "ULM").queryParam("size", 500).get("/api/audit/data-requests").then().statusCode(200)
                .body("items.findAll { it.requestId == '" + request + "' }.action", org.hamcrest.Matchers.contains("delivered", "requested"))
                .body("items.findAll { it.requestId == '" + request + "' }.username", org.hamcrest.Matchers.everyItem(equalTo("lead-ulm")));
        given().auth().oauth2(LEAD).get("/api/audit/data-requests").then().statusCode(403);
        given().auth().oauth2(admin).queryParam("username", "lead-ulm").queryParam("size", 500).get("/api/audit/original-reads").then()
                .body("items.transcriptId", org.hamcrest.Matchers.hasItem(id)); // the archive showed the German original
    }

    @Inject
    io.chorus.transcript.subjectaccess.SubjectAccess subjectAccess;

    @Test
    void aRequestIsDeletedAWeekAfterItWasMade() {
        String number = "X" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        given().auth().oauth2(PARTNER).contentType(ContentType.JSON).body("{\"age\":30}").put("/api/sites/ULM/participants/{n}", number)
                .then().statusCode(201);
        String request = given().auth().oauth2(LEAD).post("/api/sites/ULM/participants/{n}/data-requests", number).then().statusCode(202)
                .extract().path("id");
        subjectAccess.expire(java.time.Instant.now().plus(java.time.Duration.ofDays(6)));
        given().auth().oauth2(LEAD).get("/api/sites/ULM/participants/{n}/data-requests/{r}", number, request).then().statusCode(200);
        assertTrue(subjectAccess.expire(java.time.Instant.now().plus(java.time.Duration.ofDays(8))) >= 1);
        given().auth().oauth2(LEAD).get("/api/sites/ULM/participants/{n}/data-requests/{r}", number, request).then().statusCode(404);
    }

    private static Map<String, String> unzip(byte[] zip) throws Exception {
        Map<String, String> files = new HashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (var entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                files.put(entry.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return files;
    }
}
