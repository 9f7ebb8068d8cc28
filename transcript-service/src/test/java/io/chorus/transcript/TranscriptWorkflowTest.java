package io.chorus.transcript;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
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
import io.restassured.response.ValidatableResponse;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import io.smallrye.reactive.messaging.memory.InMemorySink;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(MongoTestResource.class)
class TranscriptWorkflowTest {

    static final String PARTNER = TestTokens.token("partner-ulm", List.of("partner-system"), List.of("ULM"));
    static final String RESEARCHER = TestTokens.token("researcher-ulm", List.of("site-researcher"), List.of("ULM"));
    static final String TRANSLATOR = TestTokens.token("translator-ulm", List.of("translator"), List.of("ULM"));
    static final String REVIEWER_1 = TestTokens.token("reviewer-1", List.of("translator"), List.of("ULM"));
    static final String REVIEWER_2 = TestTokens.token("reviewer-2", List.of("translator"), List.of("ULM"));
    static final String LEAD = TestTokens.token("lead-ulm", List.of("site-lead"), List.of("ULM"));
    static final String ANALYST = TestTokens.token("analyst", List.of("analyst"), List.of());
    static final String ADMIN = TestTokens.token("admin", List.of("consortium-admin"), List.of());
    static final String TRANSLATOR_ELSEWHERE = TestTokens.token("translator-bu", List.of("translator"), List.of("BU"));

    @Inject
    @Any
    InMemoryConnector connector;

    @Inject
    io.chorus.common.crypto.EventMasterKey master;

    /** Opens event text as a consumer does, with the keys transcript-service published so far. */
    io.chorus.common.testing.SealedText sealedText() {
        return new io.chorus.common.testing.SealedText(master.get())
                .keys(connector.<String>sink("data-keys").received().stream().map(Message::getPayload).toList());
    }

    static ValidatableResponse step(String token, String path, String id, Object body) {
        var request = given().auth().oauth2(token);
        if (body != null) {
            request = request.contentType(ContentType.JSON).body(body);
        }
        return request.post("/api/sites/ULM/transcripts/" + id + path).then();
    }

    static ValidatableResponse translate(String token, String id, String body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .put("/api/sites/ULM/transcripts/{id}/translation", id).then();
    }

    @Test
    void aGermanTranscriptIsReleasedOnlyAfterBackCheckTranslationTwoReviewsAndAnsweredQueries() {
        InMemorySink<String> sink = connector.sink("transcript-events");
        sink.clear();
        String externalId = "fgd-ulm-" + UUID.randomUUID();
        String push = """
                {"externalId":"%s","language":"de",
                 "paragraphs":[{"speaker":"M","text":"Frau Maria Schmidt, was erwarten Sie von Genesungsbegleitern in Günzburg?"},
                               {"speaker":"P3","text":"Peter hier. Sie waren selbst betroffen, das schafft Vertrauen bei Doktor Weber."}],
                 "identifiers":[{"value":"Maria Schmidt","kind":"person"},{"value":"Günzburg","kind":"place"},
                                {"value":"Peter","kind":"participant","participant":"P3"}]}""".formatted(externalId);
        String body = given().auth().oauth2(PARTNER).contentType(ContentType.JSON).body(push)
                .post("/api/sites/ULM/transcripts").then().statusCode(201)
                .body("paragraphs[0].text", equalTo("Frau [name], was erwarten Sie von Genesungsbegleitern in [place]?"))
                .body("paragraphs[1].text", equalTo("[P3] hier. Sie waren selbst betroffen, das schafft Vertrauen bei Doktor Weber."))
                .extract().asString();
        assertFalse(body.contains("Maria") || body.contains("Günzburg") || body.contains("Peter"), "identifiers are never echoed");
        String id = io.restassured.path.json.JsonPath.from(body).getString("id");
        given().auth().oauth2(PARTNER).contentType(ContentType.JSON).body(push).post("/api/sites/ULM/transcripts")
                .then().statusCode(200).body("version", equalTo(1));
        given().auth().oauth2(RESEARCHER).get("/api/sites/ULM/transcripts/{id}/name-candidates", id).then().statusCode(200)
                .body("token", hasItem("Weber")).body("token", not(hasItem("Maria")));

        step(LEAD, "/release", id, null).statusCode(409).contentType("application/problem+json");
        translate(TRANSLATOR, id, "{\"paragraphs\":[{\"n\":1,\"english\":\"x\"},{\"n\":2,\"english\":\"y\"}]}").statusCode(409);
        step(TRANSLATOR, "/back-check", id, null).statusCode(403);
        step(RESEARCHER, "/back-check", id, null).statusCode(200).body("status", equalTo("back-checked"));

        translate(TRANSLATOR, id, "{\"paragraphs\":[{\"n\":1,\"english\":\"a\"},{\"n\":1,\"english\":\"b\"},{\"n\":5,\"english\":\"c\"}]}")
                .statusCode(422).body("errors.pointer", contains("/paragraphs/1/n", "/paragraphs/2/n"));
        translate(TRANSLATOR_ELSEWHERE, id, "{\"paragraphs\":[{\"n\":1,\"english\":\"a\"},{\"n\":2,\"english\":\"b\"}]}").statusCode(404);
        translate(TRANSLATOR, id, """
                {"paragraphs":[{"n":2,"english":"[P3] here. They have been affected themselves, which builds trust with Doctor Weber."},
                               {"n":1,"english":"Mrs [name], what do you expect from peer support workers in [place]?"}]}""")
                .statusCode(200).body("status", equalTo("translated"))
                .body("paragraphs[0].english", equalTo("Mrs [name], what do you expect from peer support workers in [place]?"));

        step(TRANSLATOR, "/reviews", id, null).statusCode(403);
        step(REVIEWER_1, "/reviews", id, null).statusCode(200).body("status", equalTo("translated")).body("reviewers", contains("reviewer-1"));
        step(REVIEWER_1, "/reviews", id, null).statusCode(409);
        step(REVIEWER_2, "/reviews", id, null).statusCode(200).body("status", equalTo("reviewed"));

        step(REVIEWER_1, "/queries", id, "{\"paragraph\":9,\"question\":\"?\"}").statusCode(422)
                .body("errors[0].pointer", equalTo("/paragraph"));
        String queryId = step(REVIEWER_1, "/queries", id, "{\"paragraph\":2,\"question\":\"Is 'Doktor Weber' a real name?\"}")
                .statusCode(200).body("queries[0].answer", nullValue()).extract().path("queries[0].id");
        step(LEAD, "/release", id, null).statusCode(409);
        given().auth().oauth2(ANALYST).get("/api/sites/ULM/transcripts/{id}", id).then().statusCode(404);
        step(RESEARCHER, "/queries/" + queryId + "/answer", id, "{\"answer\":\"Yes; it will be replaced in a new version.\"}")
                .statusCode(200);
        step(RESEARCHER, "/queries/" + queryId + "/answer", id, "{\"answer\":\"again\"}").statusCode(409);
        step(RESEARCHER, "/queries/nope/answer", id, "{\"answer\":\"x\"}").statusCode(404);
        step(LEAD, "/release", id, null).statusCode(200).body("status", equalTo("released"))
                .body("history.status", contains("uploaded", "back-checked", "translated", "reviewed", "released"))
                .body("history.by", contains("partner-ulm", "researcher-ulm", "translator-ulm", "reviewer-2", "lead-ulm"))
                .body("translatedBy", equalTo("translator-ulm"))
                .body("reviewers", contains("reviewer-1", "reviewer-2"));

        EventSchemas statusSchema = EventSchemas.load("transcript-service/src/main/resources/META-INF/resources/events/transcript-status-changed.schema.json");
        EventSchemas releasedSchema = EventSchemas.load("transcript-service/src/main/resources/META-INF/resources/events/transcript-released.schema.json");
        Awaitility.await().until(() -> sink.received().size() >= 6);
        List<String> statuses = new java.util.ArrayList<>();
        Message<String> released = null;
        for (Message<String> message : sink.received()) {
            OutgoingCloudEventMetadata<?> cloudEvent = message.getMetadata(OutgoingCloudEventMetadata.class).orElseThrow();
            assertEquals(id, cloudEvent.getSubject().orElseThrow());
            if (cloudEvent.getType().equals("io.chorus.transcript.status-changed.v1")) {
                assertEquals(Set.of(), statusSchema.violations(message.getPayload()));
                statuses.add(io.restassured.path.json.JsonPath.from(message.getPayload()).getString("status"));
            } else {
                assertEquals("io.chorus.transcript.released.v1", cloudEvent.getType());
                assertEquals(Set.of(), releasedSchema.violations(message.getPayload()));
                released = message;
            }
        }
        assertEquals(List.of("uploaded", "back-checked", "translated", "reviewed", "released"), statuses);
        assertFalse(released.getPayload().contains("what do you expect"), "the text travels sealed");
        assertEquals("Mrs [name], what do you expect from peer support workers in [place]?",
                sealedText().opened(released.getPayload()).at("/paragraphs/0/english").asText());

        given().auth().oauth2(ANALYST).get("/api/sites/ULM/transcripts/{id}", id).then().statusCode(200)
                .body("paragraphs[0].text", nullValue())
                .body("paragraphs[0].english", equalTo("Mrs [name], what do you expect from peer support workers in [place]?"))
                .body("queries.size()", equalTo(0));
        given().auth().oauth2(ANALYST).get("/api/sites/ULM/transcripts?size=200").then().statusCode(200)
                .body("items.status", everyItem(equalTo("released")));
        given().auth().oauth2(ADMIN).get("/api/audit/original-reads?site=ULM&username=analyst&size=500").then().statusCode(200)
                .body("items.transcriptId", not(hasItem(id)));
        // the researcher read the original three times: name candidates, the answers to the back-check and to the query
        given().auth().oauth2(ADMIN).get("/api/audit/original-reads?site=ULM&username=researcher-ulm&size=500").then().statusCode(200)
                .body("items.findAll { it.transcriptId == '" + id + "' }.size()", equalTo(3));
        given().auth().oauth2(RESEARCHER).get("/api/sites/ULM/transcripts/{id}", id).then().statusCode(200)
                .body("paragraphs[0].text", equalTo("Frau [name], was erwarten Sie von Genesungsbegleitern in [place]?"));
        given().auth().oauth2(ADMIN).get("/api/audit/original-reads?site=ULM&username=researcher-ulm&size=500").then().statusCode(200)
                .body("items.findAll { it.transcriptId == '" + id + "' }.size()", equalTo(4))
                .body("items[0].language", equalTo("de"))
                .body("items[0].username", equalTo("researcher-ulm"))
                .body("items[0].subject", equalTo(TestTokens.subjectOf("researcher-ulm")));
        given().auth().oauth2(ADMIN).get("/api/audit/original-reads?subject=" + TestTokens.subjectOf("researcher-ulm") + "&size=500")
                .then().statusCode(200).body("items.username", everyItem(equalTo("researcher-ulm")));
        given().auth().oauth2(RESEARCHER).get("/api/audit/original-reads").then().statusCode(403);
        // the answers of the workflow steps carried the German original to the reviewers and the lead: audited too
        for (String reader : List.of("reviewer-1", "reviewer-2", "lead-ulm")) {
            given().auth().oauth2(ADMIN).get("/api/audit/original-reads?username=" + reader + "&size=500").then().statusCode(200)
                    .body("items.transcriptId", hasItem(id));
        }

        given().auth().oauth2(PARTNER).contentType(ContentType.JSON).body(push.replace("Vertrauen", "Zuversicht"))
                .post("/api/sites/ULM/transcripts").then().statusCode(409);
    }

    @Test
    void anEnglishOriginalNeedsNoTranslationButStillTwoReviews() {
        String id = given().auth().oauth2(PARTNER).contentType(ContentType.JSON)
                .body("{\"externalId\":\"en-" + UUID.randomUUID() + "\",\"language\":\"en\",\"paragraphs\":[{\"speaker\":\"P1\",\"text\":\"We need them.\"}]}")
                .post("/api/sites/ULM/transcripts").then().statusCode(201).extract().path("id");
        step(RESEARCHER, "/back-check", id, null).statusCode(200).body("status", equalTo("translated"))
                .body("paragraphs[0].english", equalTo("We need them."));
        step(RESEARCHER, "/back-check", id, null).statusCode(409);
        step(REVIEWER_1, "/reviews", id, null).statusCode(200);
        step(LEAD, "/release", id, null).statusCode(409);
        step(REVIEWER_2, "/reviews", id, null).statusCode(200).body("status", equalTo("reviewed"));
        int releasedVersion = step(LEAD, "/release", id, null).statusCode(200).body("status", equalTo("released"))
                .extract().path("version");

        InMemorySink<String> sink = connector.sink("transcript-events");
        sink.clear();
        step(RESEARCHER, "/revisions", id, "{\"reason\":\"typo\",\"paragraphs\":[{\"n\":9,\"text\":\"x\"}]}").statusCode(422)
                .body("errors[0].pointer", equalTo("/paragraphs/0/n"));
        step(PARTNER, "/revisions", id, "{\"reason\":\"typo\",\"paragraphs\":[{\"n\":1,\"text\":\"x\"}]}").statusCode(403);
        step(RESEARCHER, "/revisions", id, "{\"reason\":\"a name was missed\",\"paragraphs\":[{\"n\":1,\"text\":\"We need [name].\",\"english\":\"We need [name].\"}]}")
                .statusCode(200).body("status", equalTo("released")).body("version", equalTo(releasedVersion + 1))
                .body("paragraphs[0].text", equalTo("We need [name]."));
        given().auth().oauth2(ANALYST).get("/api/sites/ULM/transcripts/{id}/versions", id).then().statusCode(200)
                .body("version", contains(releasedVersion, releasedVersion + 1)).body("current", contains(false, true));
        given().auth().oauth2(ANALYST).get("/api/sites/ULM/transcripts/{id}/diff?from=" + releasedVersion, id).then().statusCode(200)
                .body("changes.n", contains(1)).body("changes[0].before.english", equalTo("We need them."))
                .body("changes[0].after.english", equalTo("We need [name].")).body("changes[0].before.text", nullValue());
        given().auth().oauth2(RESEARCHER).get("/api/sites/ULM/transcripts/{id}/diff?from=" + releasedVersion, id).then()
                .body("changes[0].before.text", equalTo("We need them."));
        given().auth().oauth2(RESEARCHER).get("/api/sites/ULM/transcripts/{id}/diff?from=1", id).then().statusCode(422)
                .body("errors[0].pointer", equalTo("/from"));
        EventSchemas revisedSchema = EventSchemas.load("transcript-service/src/main/resources/META-INF/resources/events/transcript-revised.schema.json");
        Awaitility.await().until(() -> sink.received().stream().anyMatch(m -> m.getMetadata(OutgoingCloudEventMetadata.class)
                .orElseThrow().getType().equals("io.chorus.transcript.revised.v1")));
        sink.received().stream().filter(m -> m.getMetadata(OutgoingCloudEventMetadata.class).orElseThrow().getType()
                        .equals("io.chorus.transcript.revised.v1"))
                .forEach(m -> {
                    assertEquals(Set.of(), revisedSchema.violations(m.getPayload()));
                    assertFalse(m.getPayload().contains("We need"), "the text travels sealed");
                    var changed = io.restassured.path.json.JsonPath.from(sealedText().opened(m.getPayload()).toString());
                    assertEquals(List.of(1), changed.getList("changed.n"), "only the changed paragraph travels");
                    assertEquals("We need [name].", changed.getString("changed[0].english"));
                });

        step(RESEARCHER, "/withdrawal", id, "{\"reason\":\"the group withdrew\"}").statusCode(403);
        step(LEAD, "/withdrawal", id, "{}").statusCode(422).body("errors[0].pointer", equalTo("/reason"));
        step(LEAD, "/withdrawal", id, "{\"reason\":\"the group withdrew\"}").statusCode(200)
                .body("status", equalTo("withdrawn")).body("paragraphs.size()", equalTo(0));
        given().auth().oauth2(ANALYST).get("/api/sites/ULM/transcripts/{id}", id).then().statusCode(404);
        given().auth().oauth2(ANALYST).get("/api/sites/ULM/transcripts/{id}/versions", id).then().statusCode(404);
        EventSchemas withdrawnSchema = EventSchemas.load("transcript-service/src/main/resources/META-INF/resources/events/transcript-withdrawn.schema.json");
        Awaitility.await().until(() -> sink.received().stream().anyMatch(m -> m.getMetadata(OutgoingCloudEventMetadata.class)
                .orElseThrow().getType().equals("io.chorus.transcript.withdrawn.v1")));
        sink.received().stream().filter(m -> m.getMetadata(OutgoingCloudEventMetadata.class).orElseThrow().getType()
                        .equals("io.chorus.transcript.withdrawn.v1"))
                .forEach(m -> assertEquals(Set.of(), withdrawnSchema.violations(m.getPayload())));
    }

    @Test
    void changedContentBeforeReleaseStartsTheWorkflowAgain() {
        String externalId = "redo-" + UUID.randomUUID();
        String id = given().auth().oauth2(PARTNER).contentType(ContentType.JSON)
                .body("{\"externalId\":\"" + externalId + "\",\"language\":\"sw\",\"paragraphs\":[{\"speaker\":\"P1\",\"text\":\"Habari\"}]}")
                .post("/api/sites/ULM/transcripts").then().statusCode(201).extract().path("id");
        step(RESEARCHER, "/back-check", id, null).statusCode(200);
        given().auth().oauth2(PARTNER).contentType(ContentType.JSON)
                .body("{\"externalId\":\"" + externalId + "\",\"language\":\"sw\",\"paragraphs\":[{\"speaker\":\"P1\",\"text\":\"Habari yako\"}]}")
                .post("/api/sites/ULM/transcripts").then().statusCode(200)
                .body("status", equalTo("uploaded"))
                .body("history.status", contains("uploaded", "back-checked", "uploaded"));
    }

    @Test
    void aReplayedAnswerThatShowsTheOriginalIsAuditedAgain() {
        String push = """
                {"externalId":"replay-%s","language":"de","paragraphs":[{"speaker":"M","text":"Was erwarten Sie?"}]}"""
                .formatted(UUID.randomUUID());
        String id = given().auth().oauth2(PARTNER).contentType(ContentType.JSON).body(push).post("/api/sites/ULM/transcripts")
                .then().statusCode(201).extract().path("id");
        String key = UUID.randomUUID().toString();
        for (int i = 0; i < 2; i++) {
            given().auth().oauth2(RESEARCHER).header("Idempotency-Key", key).post("/api/sites/ULM/transcripts/{id}/back-check", id)
                    .then().statusCode(200).body("status", equalTo("back-checked")).body("paragraphs[0].text", equalTo("Was erwarten Sie?"));
        }
        given().auth().oauth2(ADMIN).get("/api/audit/original-reads?site=ULM&username=researcher-ulm&size=500").then().statusCode(200)
                .body("items.findAll { it.transcriptId == '" + id + "' }.size()", equalTo(2));
        // with the role gone the same key is not replayed: the request is checked again, and refused
        given().auth().oauth2(TestTokens.token("researcher-ulm", List.of("site-researcher"), List.of("BU")))
                .header("Idempotency-Key", key).post("/api/sites/ULM/transcripts/{id}/back-check", id).then().statusCode(404);
        given().auth().oauth2(ADMIN).get("/api/audit/original-reads?site=ULM&username=researcher-ulm&size=500").then().statusCode(200)
                .body("items.findAll { it.transcriptId == '" + id + "' }.size()", equalTo(2));
    }

    @Test
    void aRefusedRequestIsNotRememberedSoItsKeyWorksOnceTheStateAllowsIt() {
        String body = "{\"externalId\":\"retry-" + UUID.randomUUID() + "\",\"language\":\"en\","
                + "\"paragraphs\":[{\"speaker\":\"M\",\"text\":\"Welcome.\"}]}";
        String id = given().auth().oauth2(PARTNER).contentType(ContentType.JSON).body(body)
                .post("/api/sites/ULM/transcripts").then().statusCode(201).extract().path("id");
        String key = UUID.randomUUID().toString();
        given().auth().oauth2(LEAD).header("Idempotency-Key", key).post("/api/sites/ULM/transcripts/{id}/release", id).then()
                .statusCode(409);
        step(RESEARCHER, "/back-check", id, null).statusCode(200);
        step(REVIEWER_1, "/reviews", id, null).statusCode(200);
        step(REVIEWER_2, "/reviews", id, null).statusCode(200).body("status", equalTo("reviewed"));
        for (int i = 0; i < 2; i++) {
            given().auth().oauth2(LEAD).header("Idempotency-Key", key).post("/api/sites/ULM/transcripts/{id}/release", id).then()
                    .statusCode(200).body("status", equalTo("released"));
        }
    }
}
