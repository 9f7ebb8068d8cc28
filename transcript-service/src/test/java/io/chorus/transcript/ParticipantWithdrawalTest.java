package io.chorus.transcript;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chorus.common.testing.EventSchemas;
import io.chorus.common.testing.MongoTestResource;
import io.chorus.common.testing.TestTokens;
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
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(MongoTestResource.class)
class ParticipantWithdrawalTest {

    static final String PARTNER = TestTokens.token("partner-ds", List.of("partner-system"), List.of("DS"));
    static final String LEAD = TestTokens.token("lead-ds", List.of("site-lead"), List.of("DS"));
    static final String RESEARCHER = TestTokens.token("researcher-ds", List.of("site-researcher"), List.of("DS"));
    static final String TRANSLATOR = TestTokens.token("translator-ds", List.of("translator"), List.of("DS"));
    static final String PARTNER_BU = TestTokens.token("partner-bu", List.of("partner-system"), List.of("BU"));
    static final String SECRET = "Nilikuwa nikilia kila siku kabla ya kukutana na mfanyakazi rika";

    @Inject
    @Any
    InMemoryConnector connector;

    @Test
    void participantsAreRegisteredIdempotentlyAndValidated() {
        String number = "P" + (100 + new java.util.Random().nextInt(800));
        String body = "{\"gender\":\"female\",\"age\":34,\"role\":\"mental health worker\",\"yearsOfExperience\":6,\"previousPeerSupportExperience\":false}";
        given().auth().oauth2(PARTNER).contentType(ContentType.JSON).body(body).put("/api/sites/DS/participants/{n}", number)
                .then().statusCode(201).body("consent", equalTo("GIVEN")).body("version", equalTo(1));
        given().auth().oauth2(PARTNER).contentType(ContentType.JSON).body(body).put("/api/sites/DS/participants/{n}", number)
                .then().statusCode(200).body("version", equalTo(1));
        given().auth().oauth2(PARTNER).contentType(ContentType.JSON).body(body.replace("34", "35"))
                .put("/api/sites/DS/participants/{n}", number).then().statusCode(200).body("version", equalTo(2)).body("age", equalTo(35));
        given().auth().oauth2(PARTNER).contentType(ContentType.JSON).body("{\"gender\":\"f\",\"age\":3}")
                .put("/api/sites/DS/participants/{n}", number).then().statusCode(422).contentType("application/problem+json")
                .body("errors.pointer", org.hamcrest.Matchers.contains("/age", "/gender"));
        given().auth().oauth2(PARTNER).contentType(ContentType.JSON).body("{\"consent\":\"withdrawn\"}")
                .put("/api/sites/DS/participants/{n}", number).then().statusCode(400).body("errors[0].pointer", equalTo("/consent"));
        given().auth().oauth2(PARTNER_BU).contentType(ContentType.JSON).body(body).put("/api/sites/DS/participants/{n}", number)
                .then().statusCode(403);
        given().auth().oauth2(PARTNER_BU).get("/api/sites/DS/participants/{n}", number).then().statusCode(404);
    }

    @Inject
    io.chorus.transcript.transcript.repository.TranscriptRepository repository;

    @Inject
    io.chorus.common.http.IdempotencyExpiry expiry;

    /**
     * Issue 30: answers kept for Idempotency-Keys (POSTs) that showed a withdrawn participant's words are not kept. The
     * questionnaire is written with PUT, whose answers are never kept.
     */
    @Test
    void withdrawalLeavesNoKeptAnswerShowingTheParticipantsWordsAndRetriesAreAnswered410() {
        String number = "P" + (100 + new java.util.Random().nextInt(800));
        String canary = "Mwangazamwezi" + UUID.randomUUID().toString().substring(0, 8);
        given().auth().oauth2(PARTNER).contentType(ContentType.JSON).body("{\"gender\":\"female\",\"age\":29}")
                .put("/api/sites/DS/participants/{n}", number).then().statusCode(201);
        String pushKey = UUID.randomUUID().toString();
        String push = """
                {"externalId":"wd-keys-%s","language":"sw","paragraphs":[{"speaker":"M","text":"Karibuni."},{"speaker":"%s","text":"%s ni rafiki"}]}"""
                .formatted(UUID.randomUUID(), number, canary);
        given().auth().oauth2(PARTNER).header("Idempotency-Key", pushKey).contentType(ContentType.JSON).body(push)
                .post("/api/sites/DS/transcripts").then().statusCode(201);
        assertEquals(1, keptAnswersShowing(canary));

        given().auth().oauth2(RESEARCHER).post("/api/sites/DS/participants/{n}/withdrawal", number).then().statusCode(200);
        assertEquals(0, keptAnswersShowing(canary));
        given().auth().oauth2(PARTNER).header("Idempotency-Key", pushKey).contentType(ContentType.JSON).body(push)
                .post("/api/sites/DS/transcripts").then().statusCode(410).contentType("application/problem+json");
    }

    /** Issue 30: a withdrawn transcript's words leave the kept answers too. */
    @Test
    void aWithdrawnTranscriptLeavesNoKeptAnswerShowingItsWords() {
        String canary = "Kipepeo" + UUID.randomUUID().toString().substring(0, 8);
        String key = UUID.randomUUID().toString();
        String push = """
                {"externalId":"wd-transcript-%s","language":"sw","paragraphs":[{"speaker":"M","text":"%s ni rafiki"}]}"""
                .formatted(UUID.randomUUID(), canary);
        String id = given().auth().oauth2(PARTNER).header("Idempotency-Key", key).contentType(ContentType.JSON).body(push)
                .post("/api/sites/DS/transcripts").then().statusCode(201).extract().path("id");
        assertEquals(1, keptAnswersShowing(canary));
        given().auth().oauth2(LEAD).contentType(ContentType.JSON).body("{\"reason\":\"consent of the whole group withdrawn\"}")
                .post("/api/sites/DS/transcripts/{id}/withdrawal", id).then().statusCode(200);
        assertEquals(0, keptAnswersShowing(canary));
        given().auth().oauth2(PARTNER).header("Idempotency-Key", key).contentType(ContentType.JSON).body(push)
                .post("/api/sites/DS/transcripts").then().statusCode(410);
    }

    /** Issue 30: transcript-service's kept answers expire too (24 h unless configured). */
    @Test
    void keptAnswersExpireAfterTheRetention() {
        String key = UUID.randomUUID().toString();
        given().auth().oauth2(PARTNER).header("Idempotency-Key", key).contentType(ContentType.JSON).body("""
                {"externalId":"expiring-%s","language":"sw","paragraphs":[{"speaker":"M","text":"Karibuni."}]}""".formatted(UUID.randomUUID()))
                .post("/api/sites/DS/transcripts").then().statusCode(201);
        var keys = repository.database().getCollection("idempotency_keys");
        var mine = com.mongodb.client.model.Filters.regex("_id", java.util.regex.Pattern.quote(key) + "$");
        keys.updateMany(mine, com.mongodb.client.model.Updates.set("createdAt",
                java.util.Date.from(java.time.Instant.now().minus(java.time.Duration.ofHours(23)))));
        expiry.expire();
        assertEquals(1, keys.countDocuments(mine), "younger than a day: kept");
        keys.updateMany(mine, com.mongodb.client.model.Updates.set("createdAt",
                java.util.Date.from(java.time.Instant.now().minus(java.time.Duration.ofHours(25)))));
        assertTrue(expiry.expire() >= 1);
        assertEquals(0, keys.countDocuments(mine));
    }

    private long keptAnswersShowing(String text) {
        return repository.database().getCollection("idempotency_keys")
                .countDocuments(com.mongodb.client.model.Filters.regex("body", java.util.regex.Pattern.quote(text)));
    }

    @Test
    void withdrawalRedactsEveryTurnInOriginalAndEnglishAndLaterPushes() {
        InMemorySink<String> sink = connector.sink("transcript-events");
        sink.clear();
        given().auth().oauth2(PARTNER).contentType(ContentType.JSON).body("{\"gender\":\"male\",\"age\":41}")
                .put("/api/sites/DS/participants/P9").then().statusCode(org.hamcrest.Matchers.oneOf(200, 201));
        String id = given().auth().oauth2(PARTNER).contentType(ContentType.JSON).body("""
                {"externalId":"wd-%s","language":"sw","paragraphs":[
                  {"speaker":"M","text":"Karibuni."},{"speaker":"P9","text":"%s"},{"speaker":"P2","text":"Ndiyo."}]}"""
                .formatted(UUID.randomUUID(), SECRET)).post("/api/sites/DS/transcripts").then().statusCode(201).extract().path("id");
        given().auth().oauth2(RESEARCHER).post("/api/sites/DS/transcripts/{id}/back-check", id).then().statusCode(200);
        given().auth().oauth2(TRANSLATOR).contentType(ContentType.JSON).body("""
                {"paragraphs":[{"n":1,"english":"Welcome."},{"n":2,"english":"I used to cry every day before I met a peer worker"},
                               {"n":3,"english":"Yes."}]}""").put("/api/sites/DS/transcripts/{id}/translation", id).then().statusCode(200);

        given().auth().oauth2(PARTNER).post("/api/sites/DS/participants/P9/withdrawal").then().statusCode(403);
        given().auth().oauth2(RESEARCHER).post("/api/sites/DS/participants/P9/withdrawal").then().statusCode(200)
                .body("participant.consent", equalTo("WITHDRAWN")).body("participant.age", nullValue())
                .body("transcriptsRedacted", equalTo(1)).body("paragraphsRedacted", equalTo(1));
        String stored = given().auth().oauth2(RESEARCHER).get("/api/sites/DS/transcripts/{id}", id).then().statusCode(200)
                .body("paragraphs[1].text", equalTo("[withdrawn]")).body("paragraphs[1].english", equalTo("[withdrawn]"))
                .body("paragraphs[2].text", equalTo("Ndiyo.")).body("status", equalTo("translated"))
                .extract().asString();
        assertFalse(stored.contains("Nilikuwa") || stored.contains("cry every day"));
        given().auth().oauth2(RESEARCHER).post("/api/sites/DS/participants/P9/withdrawal").then().statusCode(200)
                .body("paragraphsRedacted", equalTo(0));
        given().auth().oauth2(PARTNER).contentType(ContentType.JSON).body("{\"age\":42}").put("/api/sites/DS/participants/P9")
                .then().statusCode(409);
        given().auth().oauth2(PARTNER).contentType(ContentType.JSON).body("""
                {"externalId":"wd-later-%s","language":"sw","paragraphs":[{"speaker":"P9","text":"%s"}]}"""
                .formatted(UUID.randomUUID(), SECRET)).post("/api/sites/DS/transcripts").then().statusCode(201)
                .body("paragraphs[0].text", equalTo("[withdrawn]"));

        Map<String, EventSchemas> schemas = Map.of(
                "io.chorus.transcript.participant-registered.v1", EventSchemas.load("transcript-service/src/main/resources/META-INF/resources/events/participant.schema.json"),
                "io.chorus.transcript.participant-withdrawn.v1", EventSchemas.load("transcript-service/src/main/resources/META-INF/resources/events/participant-withdrawn.schema.json"),
                "io.chorus.transcript.paragraphs-withdrawn.v1", EventSchemas.load("transcript-service/src/main/resources/META-INF/resources/events/transcript-paragraphs-withdrawn.schema.json"));
        Awaitility.await().until(() -> sink.received().stream().anyMatch(m -> type(m).equals("io.chorus.transcript.participant-withdrawn.v1")));
        Set<String> seen = new java.util.HashSet<>();
        for (Message<String> message : sink.received()) {
            EventSchemas schema = schemas.get(type(message));
            if (schema != null) {
                assertEquals(Set.of(), schema.violations(message.getPayload()), type(message));
                seen.add(type(message));
            }
            assertFalse(message.getPayload().contains("Nilikuwa"), "no event carries the withdrawn words");
        }
        assertTrue(seen.containsAll(List.of("io.chorus.transcript.participant-withdrawn.v1", "io.chorus.transcript.paragraphs-withdrawn.v1")));
    }

    @Test
    void aStudyCanHaveWithdrawnTurnsRemovedWhileOtherParagraphsKeepTheirNumbers() {
        String admin = TestTokens.token("admin", List.of("consortium-admin"), List.of());
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body("{\"title\":\"Strict consent\",\"phases\":[\"baseline\"],\"withdrawal\":\"remove\"}")
                .put("/api/studies/STRICT").then().statusCode(org.hamcrest.Matchers.oneOf(200, 201)).body("withdrawal", equalTo("remove"));
        String session = "s-" + UUID.randomUUID();
        given().auth().oauth2(PARTNER).contentType(ContentType.JSON).body("""
                {"study":"STRICT","phase":"baseline","kind":"interview","date":"2021-10-04","language":"sw"}""")
                .put("/api/sites/DS/sessions/{s}", session).then().statusCode(201);
        given().auth().oauth2(PARTNER).contentType(ContentType.JSON).body("{\"age\":50}").put("/api/sites/DS/participants/P7")
                .then().statusCode(org.hamcrest.Matchers.oneOf(200, 201));
        InMemorySink<String> sink = connector.sink("transcript-events");
        sink.clear();
        String id = given().auth().oauth2(PARTNER).contentType(ContentType.JSON).body("""
                {"externalId":"strict-%s","language":"sw","session":"%s","paragraphs":[
                  {"speaker":"M","text":"Karibu."},{"speaker":"P7","text":"%s"},{"speaker":"M","text":"Asante."}]}"""
                .formatted(UUID.randomUUID(), session, SECRET)).post("/api/sites/DS/transcripts").then().statusCode(201).extract().path("id");
        given().auth().oauth2(RESEARCHER).post("/api/sites/DS/participants/P7/withdrawal").then().statusCode(200)
                .body("paragraphsRedacted", equalTo(1));
        given().auth().oauth2(RESEARCHER).get("/api/sites/DS/transcripts/{id}", id).then().statusCode(200)
                .body("paragraphs.n", org.hamcrest.Matchers.contains(1, 3)).body("paragraphs[1].label", equalTo("DS 3"));
        given().auth().oauth2(RESEARCHER).get("/api/sites/DS/transcripts/{id}/quote?from=1&to=3", id).then().statusCode(200)
                .body("label", equalTo("DS 1-3")).body("original", equalTo("Karibu.\nAsante."));
        given().auth().oauth2(RESEARCHER).get("/api/sites/DS/transcripts/{id}/quote?from=2", id).then().statusCode(422);
        given().auth().oauth2(RESEARCHER).post("/api/sites/DS/transcripts/{id}/back-check", id).then().statusCode(200);
        given().auth().oauth2(TRANSLATOR).contentType(ContentType.JSON)
                .body("{\"paragraphs\":[{\"n\":1,\"english\":\"Welcome.\"},{\"n\":2,\"english\":\"x\"},{\"n\":3,\"english\":\"Thanks.\"}]}")
                .put("/api/sites/DS/transcripts/{id}/translation", id).then().statusCode(422).body("errors[0].pointer", equalTo("/paragraphs/1/n"));
        given().auth().oauth2(TRANSLATOR).contentType(ContentType.JSON)
                .body("{\"paragraphs\":[{\"n\":1,\"english\":\"Welcome.\"},{\"n\":3,\"english\":\"Thanks.\"}]}")
                .put("/api/sites/DS/transcripts/{id}/translation", id).then().statusCode(200).body("paragraphs[1].english", equalTo("Thanks."));
        EventSchemas schema = EventSchemas.load("transcript-service/src/main/resources/META-INF/resources/events/transcript-paragraphs-withdrawn.schema.json");
        Awaitility.await().until(() -> sink.received().stream().anyMatch(m -> type(m).equals("io.chorus.transcript.paragraphs-withdrawn.v1")));
        Message<String> withdrawn = sink.received().stream().filter(m -> type(m).equals("io.chorus.transcript.paragraphs-withdrawn.v1"))
                .findFirst().orElseThrow();
        assertEquals(Set.of(), schema.violations(withdrawn.getPayload()));
        assertTrue(withdrawn.getPayload().contains("\"mode\":\"removed\""));
    }

    static String type(Message<String> message) {
        return message.getMetadata(OutgoingCloudEventMetadata.class).orElseThrow().getType();
    }
}
