package io.chorus.coding.transcript;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.chorus.coding.CodingFixtures;
import io.chorus.common.crypto.DataKey;
import io.chorus.common.crypto.EventMasterKey;
import io.chorus.common.crypto.FieldCipher;
import io.chorus.common.crypto.KeyRecord;
import io.chorus.common.testing.PostgresTestResource;
import io.chorus.common.testing.TestEvents;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Issue 30, the consumer's side of sealed event text: a key from the key topic opens it, an event whose key has not
 * arrived waits for it, and text whose key was destroyed is withdrawn text, never an error.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
class SealedTranscriptTextTest {

    @Inject
    @Any
    InMemoryConnector connector;

    @Inject
    EventMasterKey master;

    final ObjectMapper json = new ObjectMapper();

    @Test
    void sealedTextIsOpenedWithItsKeyEvenWhenTheKeyArrivesAfterTheEvent() throws Exception {
        String id = UUID.randomUUID().toString();
        DataKey moderator = DataKey.generate("t-" + id + "-s-TQ");
        DataKey title = DataKey.generate("t-" + id);
        release(id, FieldCipher.seal("Abakozi original", moderator), FieldCipher.seal("What would peer workers bring?", moderator),
                FieldCipher.seal("FGD Mbarara", title));
        Thread.sleep(300); // the event is tried and waits: its keys are not known yet
        given().auth().oauth2(CodingFixtures.ANALYST_A).get("/api/transcripts/{id}", id).then().statusCode(404);
        lateKey(KeyRecord.of(moderator.id(), master.get().wrap(moderator)));
        lateKey(KeyRecord.of(title.id(), master.get().wrap(title)));
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(CodingFixtures.ANALYST_A).get("/api/transcripts/{id}", id).then().statusCode(200)
                        .body("paragraphs[0].english", equalTo("What would peer workers bring?")));
        org.junit.jupiter.api.Assertions.assertEquals("FGD Mbarara", io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() ->
                io.chorus.coding.transcript.repository.ReleasedTranscript.<io.chorus.coding.transcript.repository.ReleasedTranscript>findById(id).title));
    }

    @Test
    void textWhoseKeyWasDestroyedReadsAsWithdrawnAndTheEventIsApplied() throws Exception {
        String id = UUID.randomUUID().toString();
        DataKey participant = DataKey.generate("t-" + id + "-s-UDk");
        key(KeyRecord.of(participant.id(), master.get().wrap(participant)));
        key(KeyRecord.destroyedKey(participant.id()));
        key(KeyRecord.of(participant.id(), master.get().wrap(participant))); // a stale copy replayed after it changes nothing
        key(KeyRecord.roll(java.time.Instant.now()));
        String probe = FieldCipher.seal("probe", participant);
        Awaitility.await().until(() -> keys.open(probe).equals("[withdrawn]")); // the key channel runs on a thread of its own
        release(id, FieldCipher.seal("Baayita mu kino", participant), FieldCipher.seal("They have been there", participant), null);
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(CodingFixtures.ANALYST_A).get("/api/transcripts/{id}", id).then().statusCode(200)
                        .body("paragraphs[0].english", equalTo("[withdrawn]")));
    }

    @Inject
    io.chorus.common.crypto.EventKeys keys;

    /**
     * A key that comes while an event waits for it. On Kafka the key topic has a consumer thread of its own; the test's
     * in-memory channels share one, which the waiting event holds, so the record is handed over as the channel would.
     */
    private void lateKey(KeyRecord record) throws Exception {
        keys.received(json.writeValueAsString(record));
    }

    private void key(KeyRecord record) throws Exception {
        connector.source("data-keys").send(json.writeValueAsString(record));
    }

    private void release(String id, String text, String english, String title) throws Exception {
        var payload = json.createObjectNode().put("transcriptId", id).put("site", "BU").put("externalId", "sealed-" + id)
                .put("language", "lg").put("version", 1).put("releasedAt", "2020-01-15T10:00:00Z").put("releasedBy", "lead")
                .put("title", title);
        payload.putArray("paragraphs").addObject().put("n", 1).put("label", "BU 1").put("speaker", "P9").put("text", text)
                .put("english", english);
        connector.source("transcript-events").send(TestEvents.incoming(TestEvents.envelope("io.chorus.transcript.released.v1",
                "transcript", id, json.writeValueAsString(payload))));
    }
}
