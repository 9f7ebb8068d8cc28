package io.chorus.transcript;

import static io.chorus.transcript.TranscriptWorkflowTest.ADMIN;
import static io.chorus.transcript.TranscriptWorkflowTest.LEAD;
import static io.chorus.transcript.TranscriptWorkflowTest.PARTNER;
import static io.chorus.transcript.TranscriptWorkflowTest.RESEARCHER;
import static io.chorus.transcript.TranscriptWorkflowTest.REVIEWER_1;
import static io.chorus.transcript.TranscriptWorkflowTest.REVIEWER_2;
import static io.chorus.transcript.TranscriptWorkflowTest.TRANSLATOR;
import static io.chorus.transcript.TranscriptWorkflowTest.step;
import static io.chorus.transcript.TranscriptWorkflowTest.translate;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import io.chorus.common.crypto.EventMasterKey;
import io.chorus.common.testing.EventSchemas;
import io.chorus.common.testing.MongoTestResource;
import io.chorus.common.testing.SealedText;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import java.util.Set;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.junit.jupiter.api.Test;

/** Issue 30: a study's retention end erases its non-English originals through the withdrawal's path, with a report. */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(MongoTestResource.class)
class OriginalsRetentionTest {

    @Inject
    @Any
    InMemoryConnector connector;

    @Inject
    EventMasterKey master;

    @Test
    void afterItsEndDateAStudysOriginalsAreErasedEverywhereTheEnglishStaysAndTheStudyReportsIt() {
        String study = "RET-" + UUID.randomUUID().toString().substring(0, 8);
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body("{\"title\":\"Ended\",\"phases\":[\"baseline\"],\"originalsKeptUntil\":\"2020-12-31\"}")
                .put("/api/studies/{code}", study).then().statusCode(201).body("originalsKeptUntil", equalTo("2020-12-31"));
        String german = released(study, "de", "Ich habe Vertrauen gefasst.", "I came to trust them.");
        String english = released(study, "en", "We trust them now.", null);
        Message<String> releasedEvent = event(".released.v1", german);

        given().auth().oauth2(LEAD).post("/api/studies/{code}/originals-erasure", study).then().statusCode(403);
        given().auth().oauth2(ADMIN).post("/api/studies/{code}/originals-erasure", study).then().statusCode(200)
                .body("originalsErased.transcripts", equalTo(1)).body("originalsErased.paragraphs", equalTo(2))
                .body("originalsErased.englishOriginalsKept", equalTo(1)).body("originalsErased.keysDestroyed", equalTo(2));

        given().auth().oauth2(RESEARCHER).get("/api/sites/ULM/transcripts/{id}", german).then().statusCode(200)
                .body("paragraphs[1].text", equalTo("[original erased]")).body("paragraphs[1].english", equalTo("I came to trust them."));
        given().auth().oauth2(RESEARCHER).get("/api/sites/ULM/transcripts/{id}", english).then()
                .body("paragraphs[1].text", equalTo("We trust them now."));
        Message<String> erasedEvent = event(".originals-erased.v1", german);
        assertEquals(Set.of(), EventSchemas.load("transcript-service/src/main/resources/META-INF/resources/events/"
                + "transcript-originals-erased.schema.json").violations(erasedEvent.getPayload()));
        JsonNode replayed = new SealedText(master.get()).keys(connector.<String>sink("data-keys").received().stream()
                .map(Message::getPayload).toList()).opened(releasedEvent.getPayload());
        assertEquals("[withdrawn]", replayed.at("/paragraphs/1/text").asText(), "the kept event's original is unreadable");
        assertEquals("I came to trust them.", replayed.at("/paragraphs/1/english").asText(), "its English is not");
        assertFalse(given().auth().oauth2(RESEARCHER).get("/api/sites/ULM/transcripts/{id}/versions", german).asString()
                .contains("Vertrauen"), "kept versions lose the original too");

        given().auth().oauth2(ADMIN).post("/api/studies/{code}/originals-erasure", study).then().statusCode(200)
                .body("originalsErased.paragraphs", equalTo(2));
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body("{\"title\":\"Ended, renamed\",\"phases\":[\"baseline\"],\"originalsKeptUntil\":\"2020-12-31\"}")
                .put("/api/studies/{code}", study).then().statusCode(200).body("originalsErased.transcripts", equalTo(1));
    }

    @Test
    void aStudyBeforeItsEndOrWithoutOneKeepsItsOriginalsAndABadDateIsRefusedAtItsField() {
        String study = "KEEP-" + UUID.randomUUID().toString().substring(0, 8);
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body("{\"title\":\"Running\",\"phases\":[\"baseline\"],\"originalsKeptUntil\":\"2999-01-01\"}")
                .put("/api/studies/{code}", study).then().statusCode(201);
        given().auth().oauth2(ADMIN).post("/api/studies/{code}/originals-erasure", study).then().statusCode(409)
                .contentType("application/problem+json");
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body("{\"title\":\"Running\",\"phases\":[\"baseline\"],\"originalsKeptUntil\":\"2020-13-45\"}")
                .put("/api/studies/{code}", study).then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].pointer", equalTo("/originalsKeptUntil"));
        given().auth().oauth2(ADMIN).get("/api/studies/{code}", study).then().body("originalsKeptUntil", equalTo("2999-01-01"))
                .body("version", greaterThanOrEqualTo(1));
    }

    private String released(String study, String language, String text, String english) {
        String session = "ret-" + UUID.randomUUID();
        given().auth().oauth2(PARTNER).contentType(ContentType.JSON).body("""
                {"study":"%s","phase":"baseline","kind":"focus-group","date":"2020-03-04","language":"%s"}""".formatted(study, language))
                .put("/api/sites/ULM/sessions/{s}", session).then().statusCode(201);
        String id = given().auth().oauth2(PARTNER).contentType(ContentType.JSON).body("""
                {"externalId":"ret-%s","language":"%s","session":"%s","paragraphs":[{"speaker":"M","text":"Hallo."},
                  {"speaker":"P4","text":"%s"}]}""".formatted(UUID.randomUUID(), language, session, text))
                .post("/api/sites/ULM/transcripts").then().statusCode(201).extract().path("id");
        step(RESEARCHER, "/back-check", id, null).statusCode(200);
        if (english != null) {
            translate(TRANSLATOR, id, """
                    {"paragraphs":[{"n":1,"english":"Hello."},{"n":2,"english":"%s"}]}""".formatted(english)).statusCode(200);
        }
        step(REVIEWER_1, "/reviews", id, null).statusCode(200);
        step(REVIEWER_2, "/reviews", id, null).statusCode(200);
        step(LEAD, "/release", id, null).statusCode(200);
        event(".released.v1", id);
        return id;
    }

    private Message<String> event(String type, String id) {
        return Awaitility.await().until(() -> connector.<String>sink("transcript-events").received().stream()
                .filter(m -> m.getMetadata(OutgoingCloudEventMetadata.class).orElseThrow().getType().endsWith(type)
                        && m.getPayload().contains(id)).findFirst(), java.util.Optional::isPresent).orElseThrow();
    }
}
