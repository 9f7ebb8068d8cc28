package io.chorus.transcript;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
import java.util.UUID;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(MongoTestResource.class)
class TranscriptApiTest {

    static final String PARTNER_BU = TestTokens.token("service-account-partner-bu", List.of("partner-system"), List.of("BU"));
    static final String LEAD_BU = TestTokens.token("lead-bu", List.of("site-lead"), List.of("BU"));
    static final String LEAD_ULM = TestTokens.token("lead-ulm", List.of("site-lead"), List.of("ULM"));
    static final String ANALYST = TestTokens.token("analyst", List.of("analyst"), List.of());

    @Inject
    @Any
    InMemoryConnector connector;

    InMemorySink<String> events;

    @BeforeEach
    void clearEvents() {
        events = connector.sink("transcript-events");
        events.clear();
    }

    static String transcript(String externalId) {
        return """
                {"externalId": "%s", "language": "en", "title": "FGD mental health workers",
                 "paragraphs": [
                   {"speaker": "M", "text": "What would peer support workers bring to your ward?"},
                   {"speaker": "P9", "text": "They have been there; patients believe them."}
                 ]}""".formatted(externalId);
    }

    static String push(String token, String site, String body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .post("/api/sites/{site}/transcripts", site)
                .then().statusCode(201).extract().path("id");
    }

    @Test
    void partnerPushCreatesNumberedParagraphsAndARepeatChangesNothing() {
        String externalId = "fgd-" + UUID.randomUUID();
        String location = given().auth().oauth2(PARTNER_BU).contentType(ContentType.JSON).body(transcript(externalId))
                .post("/api/sites/BU/transcripts")
                .then().statusCode(201)
                .body("status", equalTo("uploaded"))
                .body("paragraphs[1].n", equalTo(2))
                .body("paragraphs[1].label", equalTo("BU 2"))
                .body("paragraphs[1].speaker", equalTo("P9"))
                .extract().header("Location");
        String id = location.substring(location.lastIndexOf('/') + 1);
        given().auth().oauth2(PARTNER_BU).contentType(ContentType.JSON).body(transcript(externalId))
                .post("/api/sites/BU/transcripts")
                .then().statusCode(200).body("id", equalTo(id)).body("version", equalTo(1));
        given().auth().oauth2(PARTNER_BU).get(location).then().statusCode(200).body("externalId", equalTo(externalId));
        given().auth().oauth2(PARTNER_BU).get("/api/sites/BU/transcripts?size=200")
                .then().statusCode(200).body("items.id", hasItem(id));
    }

    @Test
    void siteComesFromTheTokenAndOtherSitesAreRefusedOrHidden() {
        given().auth().oauth2(PARTNER_BU).contentType(ContentType.JSON).body(transcript("x-" + UUID.randomUUID()))
                .post("/api/sites/ULM/transcripts")
                .then().statusCode(403).contentType("application/problem+json");
        String id = push(PARTNER_BU, "BU", transcript("hidden-" + UUID.randomUUID()));
        given().auth().oauth2(LEAD_ULM).get("/api/sites/BU/transcripts/{id}", id).then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(LEAD_ULM).get("/api/sites/ULM/transcripts/{id}", id).then().statusCode(404);
        given().auth().oauth2(LEAD_ULM).post("/api/sites/BU/transcripts/{id}/release", id).then().statusCode(404);
        given().auth().oauth2(LEAD_ULM).post("/api/sites/BU/transcripts/{id}/back-check", id).then().statusCode(404);
    }

    @Test
    void noTokenIs401AndAWrongRoleIs403() {
        given().contentType(ContentType.JSON).body(transcript("a")).post("/api/sites/BU/transcripts").then().statusCode(401);
        given().auth().oauth2(ANALYST).contentType(ContentType.JSON).body(transcript("a"))
                .post("/api/sites/BU/transcripts").then().statusCode(403);
    }

    @Test
    void badInputGetsProblemDetailsWithAPointerAndStoresNothing() {
        long before = given().auth().oauth2(PARTNER_BU).get("/api/sites/BU/transcripts").then().extract().jsonPath().getLong("total");
        given().auth().oauth2(PARTNER_BU).contentType(ContentType.JSON)
                .body("{\"externalId\":\"m1\",\"language\":\"en\",\"status\":\"released\",\"paragraphs\":[{\"speaker\":\"M\",\"text\":\"x\"}]}")
                .post("/api/sites/BU/transcripts")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].pointer", equalTo("/status"));
        given().auth().oauth2(PARTNER_BU).contentType(ContentType.JSON)
                .body("{\"externalId\":\"m2\",\"language\":\"en\",\"paragraphs\":[{\"speaker\":\"M\",\"text\":\" \"}]}")
                .post("/api/sites/BU/transcripts")
                .then().statusCode(422).contentType("application/problem+json")
                .body("errors.pointer", hasItem("/paragraphs/0/text"));
        given().auth().oauth2(PARTNER_BU).contentType(ContentType.JSON).body("{\"externalId\": \"m3\", ")
                .post("/api/sites/BU/transcripts")
                .then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(PARTNER_BU).contentType(ContentType.JSON).body("{\"externalId\":\"m4\",\"language\":\"en\",\"paragraphs\":\"no\"}")
                .post("/api/sites/BU/transcripts")
                .then().statusCode(400).body("errors[0].pointer", equalTo("/paragraphs"));
        given().auth().oauth2(PARTNER_BU).contentType(ContentType.XML).body("<transcript/>")
                .post("/api/sites/BU/transcripts").then().statusCode(415);
        given().auth().oauth2(PARTNER_BU).get("/api/sites/BU/transcripts").then().body("total", equalTo((int) before));
    }

    @Test
    void anIdempotencyKeyReplaysTheFirstAnswerAndRefusesADifferentRequest() {
        String key = UUID.randomUUID().toString();
        String externalId = "idem-" + UUID.randomUUID();
        String first = given().auth().oauth2(PARTNER_BU).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(transcript(externalId)).post("/api/sites/BU/transcripts")
                .then().statusCode(201).extract().header("Location");
        given().auth().oauth2(PARTNER_BU).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(transcript(externalId)).post("/api/sites/BU/transcripts")
                .then().statusCode(201).header("Location", equalTo(first)).body("externalId", equalTo(externalId));
        given().auth().oauth2(PARTNER_BU).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(transcript(externalId + "-other")).post("/api/sites/BU/transcripts")
                .then().statusCode(422).contentType("application/problem+json");
        given().auth().oauth2(PARTNER_BU).get("/api/sites/BU/transcripts?size=200").then()
                .body("items.findAll { it.externalId == '" + externalId + "-other' }.size()", equalTo(0));
        given().auth().oauth2(PARTNER_BU).header("Idempotency-Key", "").contentType(ContentType.JSON)
                .body(transcript(externalId)).post("/api/sites/BU/transcripts").then().statusCode(400);
    }

    @Test
    void quotesCarryTheLabelsPapersPrint() {
        given().auth().oauth2(PARTNER_BU).contentType(ContentType.JSON).body("{\"role\":\"peer support worker\"}")
                .put("/api/sites/BU/participants/P9").then().statusCode(org.hamcrest.Matchers.oneOf(200, 201));
        String id = given().auth().oauth2(PARTNER_BU).contentType(ContentType.JSON).body("""
                {"externalId":"quote-%s","language":"en","paragraphs":[{"speaker":"M","text":"Tell us more."},
                 {"speaker":"P9","text":"They have been there."},{"speaker":"P9","text":"Patients believe them."},
                 {"speaker":"M","text":"Thank you."}]}""".formatted(UUID.randomUUID()))
                .post("/api/sites/BU/transcripts").then().statusCode(201).extract().path("id");
        given().auth().oauth2(LEAD_BU).get("/api/sites/BU/transcripts/{id}/quote?from=2&to=3", id).then().statusCode(200)
                .body("label", equalTo("BU 2-3")).body("participantLabel", equalTo("[#9, Kampala, PSW]"))
                .body("original", equalTo("They have been there.\nPatients believe them."));
        given().auth().oauth2(LEAD_BU).get("/api/sites/BU/transcripts/{id}/quote?from=3&to=4", id).then().statusCode(200)
                .body("label", equalTo("BU 3-4")).body("participantLabel", org.hamcrest.Matchers.nullValue());
        given().auth().oauth2(LEAD_BU).get("/api/sites/BU/transcripts/{id}/quote?from=3&to=2", id).then().statusCode(422)
                .body("errors[0].pointer", equalTo("/to"));
        given().auth().oauth2(LEAD_BU).get("/api/sites/BU/transcripts/{id}/quote", id).then().statusCode(422);
        given().auth().oauth2(ANALYST).get("/api/sites/BU/transcripts/{id}/quote?from=2", id).then().statusCode(404);
    }

    @Test
    void aBatchAppliesEachItemOnItsOwnAndReportsEveryResult() {
        String a = "batch-a-" + UUID.randomUUID();
        String body = "{\"items\":[" + transcript(a) + ","
                + "{\"externalId\":\"batch-bad\",\"language\":\"en\",\"paragraphs\":[{\"speaker\":\"M\",\"text\":\" \"}]},"
                + "{\"externalId\":\"batch-mass\",\"language\":\"en\",\"status\":\"released\",\"paragraphs\":[{\"speaker\":\"M\",\"text\":\"x\"}]},"
                + transcript(a) + "]}";
        given().auth().oauth2(PARTNER_BU).contentType(ContentType.JSON).body(body).post("/api/sites/BU/transcripts/batch")
                .then().statusCode(200)
                .body("created", equalTo(1)).body("unchanged", equalTo(1)).body("failed", equalTo(2))
                .body("items.status", org.hamcrest.Matchers.contains(201, 422, 400, 200))
                .body("items[1].problem.errors[0].pointer", equalTo("/items/1/paragraphs/0/text"))
                .body("items[2].problem.errors[0].pointer", equalTo("/items/2"));
        given().auth().oauth2(PARTNER_BU).get("/api/sites/BU/transcripts?size=200").then()
                .body("items.findAll { it.externalId.startsWith('batch-') }.size()", org.hamcrest.Matchers.greaterThanOrEqualTo(1))
                .body("items.findAll { it.externalId == 'batch-bad' || it.externalId == 'batch-mass' }.size()", equalTo(0));
        given().auth().oauth2(PARTNER_BU).contentType(ContentType.JSON).body("{\"items\":[]}").post("/api/sites/BU/transcripts/batch")
                .then().statusCode(422).body("errors[0].pointer", equalTo("/items"));
        given().auth().oauth2(PARTNER_BU).contentType(ContentType.JSON).body("{\"items\":[" + transcript("x") + "]}")
                .post("/api/sites/ULM/transcripts/batch").then().statusCode(403);
    }
}
