package io.chorus.transcript;

import static io.chorus.transcript.TranscriptWorkflowTest.LEAD;
import static io.chorus.transcript.TranscriptWorkflowTest.PARTNER;
import static io.chorus.transcript.TranscriptWorkflowTest.RESEARCHER;
import static io.chorus.transcript.TranscriptWorkflowTest.REVIEWER_1;
import static io.chorus.transcript.TranscriptWorkflowTest.REVIEWER_2;
import static io.chorus.transcript.TranscriptWorkflowTest.TRANSLATOR;
import static io.chorus.transcript.TranscriptWorkflowTest.step;
import static io.chorus.transcript.TranscriptWorkflowTest.translate;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.model.Filters;
import io.chorus.common.crypto.EventMasterKey;
import io.chorus.common.crypto.FieldCipher;
import io.chorus.common.testing.EventSchemas;
import io.chorus.common.testing.MongoTestResource;
import io.chorus.common.testing.SealedText;
import io.chorus.transcript.erasure.DataKeyStore;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.bson.Document;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.junit.jupiter.api.Test;

/**
 * Issue 30: transcript text travels sealed with its speaker's data key in the transcript, the keys go to the key topic
 * before the events, and a withdrawal destroys them, so that the events kept in Kafka read as withdrawn from then on.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(MongoTestResource.class)
class SealedEventTextTest {

    @Inject
    @Any
    InMemoryConnector connector;

    @Inject
    EventMasterKey master;

    @Inject
    io.chorus.transcript.transcript.repository.TranscriptRepository repository;

    @Test
    void aParticipantsWithdrawalMakesTheirTurnsInTheKeptReleasedEventUnreadableAndLeavesTheRest() {
        String participant = "P" + (100 + new java.util.Random().nextInt(800));
        String canary = "Wolkenkuckuck" + UUID.randomUUID().toString().substring(0, 8);
        String english = "cloudcuckoo" + UUID.randomUUID().toString().substring(0, 8);
        given().auth().oauth2(PARTNER).contentType(ContentType.JSON).body("{\"gender\":\"female\",\"age\":31}")
                .put("/api/sites/ULM/participants/{n}", participant).then().statusCode(201);
        String id = released(participant, canary, english, "Gruppe am " + canary);

        Message<String> event = releasedEvent(id);
        assertFalse(event.getPayload().contains(canary) || event.getPayload().contains(english), "no text in clear");
        assertEquals(java.util.Set.of(), EventSchemas.load(
                "transcript-service/src/main/resources/META-INF/resources/events/transcript-released.schema.json").violations(event.getPayload()));
        JsonNode opened = keysSoFar().opened(event.getPayload());
        assertEquals("Ich bin " + canary + ".", opened.at("/paragraphs/1/text").asText());
        assertEquals("I am " + english + ".", opened.at("/paragraphs/1/english").asText());
        assertEquals("Gruppe am " + canary, opened.at("/title").asText());
        assertEquals(DataKeyStore.speakerKeyId(id, participant, true), FieldCipher.keyIdOf(
                io.restassured.path.json.JsonPath.from(event.getPayload()).getString("paragraphs[1].text")));

        given().auth().oauth2(RESEARCHER).post("/api/sites/ULM/participants/{n}/withdrawal", participant).then().statusCode(200);
        Document key = repository.database().getCollection("data_keys").find(Filters.eq("_id", DataKeyStore.speakerKeyId(id, participant, true))).first();
        assertNull(key.get("wrapped"), "the key's material is gone from transcript-service");
        Awaitility.await().until(() -> connector.<String>sink("data-keys").received().stream()
                .anyMatch(m -> m.getPayload().contains(DataKeyStore.speakerKeyId(id, participant, true)) && m.getPayload().contains("destroyed")));
        JsonNode replayed = keysSoFar().opened(event.getPayload());
        assertEquals("[withdrawn]", replayed.at("/paragraphs/1/text").asText(), "a replay reads the turn as withdrawn");
        assertEquals("[withdrawn]", replayed.at("/paragraphs/1/english").asText());
        assertEquals("Willkommen.", replayed.at("/paragraphs/0/text").asText(), "the moderator's turn has its own key");
        assertEquals("Gruppe am " + canary, replayed.at("/title").asText());
    }

    @Test
    void aTranscriptsWithdrawalDestroysEveryKeyOfTheTranscriptAndAKeyIsNeverMadeAgain() {
        String canary = "Pusteblume" + UUID.randomUUID().toString().substring(0, 8);
        String id = released("P1", canary, canary, null);
        Message<String> event = releasedEvent(id);
        step(LEAD, "/withdrawal", id, "{\"reason\":\"the group withdrew\"}").statusCode(200);
        assertEquals(0, repository.database().getCollection("data_keys")
                .countDocuments(Filters.and(Filters.eq("transcriptId", id), Filters.ne("wrapped", null))));
        Awaitility.await().until(() -> !keysSoFar().opened(event.getPayload()).toString().contains(canary));
        JsonNode replayed = keysSoFar().opened(event.getPayload());
        assertEquals("[withdrawn]", replayed.at("/paragraphs/0/text").asText());
        assertEquals("[withdrawn]", replayed.at("/paragraphs/1/english").asText());
        assertTrue(new DataKeyStoreProbe(repository).destroyedKeyStaysDestroyed(id));
    }

    @Test
    void aMasterKeyRotationWrapsTheKeysOfTheEarlierKeyAgainAndPublishesThem() {
        String id = "rotation-" + UUID.randomUUID();
        io.chorus.common.crypto.DataKey key = io.chorus.common.crypto.DataKey.generate(DataKeyStore.transcriptKeyId(id));
        String earlier = io.chorus.common.crypto.MasterKey.parse("sfBHaSMBOq0lPFsxXqW4SharPEfwLFJMljNp2s0QaU8=").wrap(key);
        repository.database().getCollection("data_keys").insertOne(new Document("_id", key.id()).append("transcriptId", id)
                .append("site", "ULM").append("wrapped", earlier).append("createdAt", new java.util.Date()).append("published", true));
        DataKeyStore store = io.quarkus.arc.Arc.container().instance(DataKeyStore.class).get();
        assertTrue(store.rewrapWithCurrentMasterKey() >= 1);
        Document rewrapped = repository.database().getCollection("data_keys").find(Filters.eq("_id", key.id())).first();
        assertTrue(master.get().wrappedWithCurrent(key.id(), rewrapped.getString("wrapped")));
        assertEquals(key, master.get().unwrap(key.id(), rewrapped.getString("wrapped")), "the same key, wrapped anew");
        assertEquals(false, rewrapped.getBoolean("published"), "to be published again, so compaction drops the old record");
        assertEquals(0, store.rewrapWithCurrentMasterKey(), "once is enough");
    }

    /** A withdrawn subject's key asked for again (a late event) is not made anew: its id stays destroyed. */
    record DataKeyStoreProbe(io.chorus.transcript.transcript.repository.TranscriptRepository repository) {
        boolean destroyedKeyStaysDestroyed(String transcriptId) {
            DataKeyStore store = io.quarkus.arc.Arc.container().instance(DataKeyStore.class).get();
            return store.key(DataKeyStore.speakerKeyId(transcriptId, "P1", false), transcriptId, "ULM", "P1").isEmpty();
        }
    }

    private String released(String participant, String canary, String english, String title) {
        String id = given().auth().oauth2(PARTNER).contentType(ContentType.JSON).body("""
                {"externalId":"sealed-%s","language":"de",%s"paragraphs":[{"speaker":"M","text":"Willkommen."},
                  {"speaker":"%s","text":"Ich bin %s."}]}"""
                .formatted(UUID.randomUUID(), title == null ? "" : "\"title\":\"" + title + "\",", participant, canary))
                .post("/api/sites/ULM/transcripts").then().statusCode(201).extract().path("id");
        step(RESEARCHER, "/back-check", id, null).statusCode(200);
        translate(TRANSLATOR, id, """
                {"paragraphs":[{"n":1,"english":"Welcome."},{"n":2,"english":"I am %s."}]}""".formatted(english)).statusCode(200);
        step(REVIEWER_1, "/reviews", id, null).statusCode(200);
        step(REVIEWER_2, "/reviews", id, null).statusCode(200);
        step(LEAD, "/release", id, null).statusCode(200);
        return id;
    }

    private Message<String> releasedEvent(String id) {
        return Awaitility.await().until(() -> connector.<String>sink("transcript-events").received().stream()
                .filter(m -> m.getMetadata(OutgoingCloudEventMetadata.class).orElseThrow().getType().endsWith(".released.v1")
                        && m.getPayload().contains(id)).findFirst(), java.util.Optional::isPresent).orElseThrow();
    }

    private SealedText keysSoFar() {
        return new SealedText(master.get()).keys(connector.<String>sink("data-keys").received().stream().map(Message::getPayload).toList());
    }
}
