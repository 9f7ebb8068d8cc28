package io.chorus.transcript;

import static io.chorus.transcript.TranscriptWorkflowTest.step;
import static io.chorus.transcript.TranscriptWorkflowTest.translate;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.chorus.common.testing.EventSchemas;
import io.chorus.common.testing.MongoTestResource;
import io.chorus.common.testing.TestTokens;
import io.chorus.transcript.transcript.repository.TranscriptRepository;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import io.smallrye.reactive.messaging.memory.InMemorySink;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.bson.RawBsonDocument;
import org.bson.codecs.DocumentCodec;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.junit.jupiter.api.Test;

/** The largest transcript Chorus keeps: 5,000 paragraphs, 12 MiB of text and translation, still one MongoDB document. */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(MongoTestResource.class)
class LargeTranscriptTest {

    static final String PARTNER = TestTokens.token("partner-ulm", List.of("partner-system"), List.of("ULM"));
    static final int PARAGRAPHS = 5000;
    static final int MONGODB_MAX_DOCUMENT = 16 * 1024 * 1024;

    @Inject
    @Any
    InMemoryConnector connector;

    @Inject
    io.chorus.common.crypto.EventMasterKey master;

    @Inject
    TranscriptRepository repository;

    @Inject
    ObjectMapper json;

    static String text(int n, int bytes) {
        return io.chorus.common.testing.SpeechLikeText.paragraph(n, bytes);
    }

    static String body(String field, int bytes, String externalId) throws Exception {
        StringBuilder body = new StringBuilder(externalId == null ? "{" : "{\"externalId\":\"" + externalId + "\",\"language\":\"de\",");
        body.append("\"paragraphs\":[");
        for (int n = 1; n <= PARAGRAPHS; n++) {
            body.append(n > 1 ? "," : "").append(externalId == null ? "{\"n\":" + n + "," : "{\"speaker\":\"P" + (n % 7) + "\",")
                    .append('"').append(field).append("\":\"").append(text(n, bytes)).append("\"}");
        }
        return body.append("]}").toString();
    }

    @Test
    void aTranscriptAtTheLimitIsStoredAndReleasedWithEveryParagraphAndOneByteMoreIsRefusedChangingNothing() throws Exception {
        InMemorySink<String> sink = connector.sink("transcript-events");
        sink.clear();
        String id = given().auth().oauth2(PARTNER).contentType(ContentType.JSON).body(body("text", 1250, "big-" + UUID.randomUUID()))
                .post("/api/sites/ULM/transcripts").then().statusCode(201).extract().path("id");
        step(TranscriptWorkflowTest.RESEARCHER, "/back-check", id, null).statusCode(200);

        translate(TranscriptWorkflowTest.TRANSLATOR, id, body("english", 1400, null)).statusCode(413)
                .contentType("application/problem+json").body("errors[0].pointer", equalTo("/paragraphs"));
        var unchanged = repository.findById(id).orElseThrow();
        assertEquals(2, unchanged.version(), "a refused translation changes nothing");
        assertEquals(null, unchanged.paragraphs().get(0).english());

        translate(TranscriptWorkflowTest.TRANSLATOR, id, body("english", 1258, null)).statusCode(200).body("status", equalTo("translated"));
        var stored = repository.collection().find(com.mongodb.client.model.Filters.eq("_id", id)).first();
        int documentBytes = new RawBsonDocument(stored, new DocumentCodec()).getByteBuffer().remaining();
        assertTrue(documentBytes > 12_500_000 && documentBytes < MONGODB_MAX_DOCUMENT,
                "the transcript fits one real MongoDB document, outbox included: " + documentBytes + " bytes");

        step(TranscriptWorkflowTest.REVIEWER_1, "/reviews", id, null).statusCode(200);
        step(TranscriptWorkflowTest.REVIEWER_2, "/reviews", id, null).statusCode(200);
        step(TranscriptWorkflowTest.LEAD, "/release", id, null).statusCode(200);
        Message<String> released = Awaitility.await().until(() -> sink.received().stream()
                .filter(m -> m.getMetadata(OutgoingCloudEventMetadata.class).orElseThrow().getType().endsWith(".released.v1")
                        && m.getPayload().contains(id)).findFirst(), java.util.Optional::isPresent).orElseThrow();
        assertFalse(released.getPayload().contains(text(4999, 1250)), "the text travels sealed");
        JsonNode payload = new io.chorus.common.testing.SealedText(master.get()).keys(connector.<String>sink("data-keys").received()
                .stream().map(Message::getPayload).toList()).opened(released.getPayload());
        assertEquals(PARAGRAPHS, payload.path("paragraphs").size());
        assertEquals(text(4999, 1250), payload.path("paragraphs").get(4998).path("text").asText());
        assertEquals(text(4999, 1258), payload.path("paragraphs").get(4998).path("english").asText());
        assertEquals("ULM 4999", payload.path("paragraphs").get(4998).path("label").asText());
        EventSchemas.load("transcript-service/src/main/resources/META-INF/resources/events/transcript-released.schema.json")
                .violations(released.getPayload()).forEach(violation -> org.junit.jupiter.api.Assertions.fail(violation));
    }
}
