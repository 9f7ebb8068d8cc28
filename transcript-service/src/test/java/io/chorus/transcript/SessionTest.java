package io.chorus.transcript;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

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
import java.util.Set;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(MongoTestResource.class)
class SessionTest {

    static final String PARTNER = TestTokens.token("partner-pu", List.of("partner-system"), List.of("PU"));
    static final String SESSION = """
            {"study":"UPSIDES","phase":"pre-intervention","kind":"focus-group","date":"2019-12-03","durationMinutes":80,
             "venue":"Pune clinic","language":"mr","moderator":"S1","assistant":"S2","participantGroup":"mental health workers",
             "topicGuideVersion":"2.1","participants":["P1","P2"],"fieldNotes":"Engaged group; some hesitation about PSW pay."}""";

    @Inject
    @Any
    InMemoryConnector connector;

    static final String ADMIN = TestTokens.token("admin", List.of("consortium-admin"), List.of());

    @org.junit.jupiter.api.BeforeEach
    void studyExists() {
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body("{\"title\":\"UPSIDES\",\"phases\":[\"formative\",\"pre-intervention\",\"post-intervention\"]}")
                .put("/api/studies/UPSIDES").then().statusCode(org.hamcrest.Matchers.oneOf(200, 201));
    }

    @Test
    void studiesAreManagedByConsortiumAdminsAndSessionsMustUseTheirPhases() {
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("{\"title\":\"T\",\"phases\":[\"a\",\"a\"]}")
                .put("/api/studies/DUP").then().statusCode(422).body("errors[0].pointer", equalTo("/phases"));
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("{\"title\":\"T\",\"phases\":[\"Pre Intervention\"]}")
                .put("/api/studies/BAD").then().statusCode(422).body("errors[0].pointer", equalTo("/phases/0"));
        given().auth().oauth2(PARTNER).contentType(ContentType.JSON).body("{\"title\":\"T\",\"phases\":[\"a\"]}")
                .put("/api/studies/MINE").then().statusCode(403);
        given().auth().oauth2(PARTNER).get("/api/studies/UPSIDES").then().statusCode(200)
                .body("phases", contains("formative", "pre-intervention", "post-intervention"));
        given().auth().oauth2(PARTNER).get("/api/studies/NOPE").then().statusCode(404);
        InMemorySink<String> sink = connector.sink("transcript-events");
        sink.clear();
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("{\"title\":\"New\",\"phases\":[\"baseline\"]}")
                .put("/api/studies/S-{id}", UUID.randomUUID().toString().substring(0, 8)).then().statusCode(201);
        EventSchemas studySchema = EventSchemas.load("transcript-service/src/main/resources/META-INF/resources/events/study-recorded.schema.json");
        Awaitility.await().until(() -> !sink.received().isEmpty());
        assertEquals("io.chorus.transcript.study-recorded.v1",
                sink.received().get(0).getMetadata(OutgoingCloudEventMetadata.class).orElseThrow().getType());
        assertEquals(Set.of(), studySchema.violations(sink.received().get(0).getPayload()));
        var cloudEvent = sink.received().get(0).getMetadata(OutgoingCloudEventMetadata.class).orElseThrow();
        String dataSchema = cloudEvent.getDataSchema().orElseThrow().toString();
        org.junit.jupiter.api.Assertions.assertTrue(dataSchema.matches("http://localhost:\\d+/events/study-recorded\\.schema\\.json"),
                "ce_dataschema names the schema transcript-service serves: " + dataSchema);
        given().get(java.net.URI.create(dataSchema).getPath()).then().statusCode(200).body("title", equalTo("io.chorus.transcript.study-recorded.v1"));
        assertEquals(java.util.Optional.empty(), cloudEvent.getDataContentType(), "no redundant ce_datacontenttype");
        given().auth().oauth2(PARTNER).contentType(ContentType.JSON).body(SESSION.replace("\"UPSIDES\"", "\"OTHER\""))
                .put("/api/sites/PU/sessions/s-{id}", UUID.randomUUID()).then().statusCode(422).body("errors[0].pointer", equalTo("/study"));
        given().auth().oauth2(PARTNER).contentType(ContentType.JSON).body(SESSION.replace("pre-intervention", "baseline"))
                .put("/api/sites/PU/sessions/s-{id}", UUID.randomUUID()).then().statusCode(422).body("errors[0].pointer", equalTo("/phase"));
    }

    @Test
    void aSessionIsRecordedOnceAndTranscriptsReferToIt() {
        InMemorySink<String> sink = connector.sink("transcript-events");
        sink.clear();
        String externalId = "fgd-" + UUID.randomUUID();
        given().auth().oauth2(PARTNER).contentType(ContentType.JSON).body(SESSION).put("/api/sites/PU/sessions/{id}", externalId)
                .then().statusCode(201).body("version", equalTo(1)).body("date", equalTo("2019-12-03"));
        given().auth().oauth2(PARTNER).contentType(ContentType.JSON).body(SESSION).put("/api/sites/PU/sessions/{id}", externalId)
                .then().statusCode(200).body("version", equalTo(1));
        given().auth().oauth2(PARTNER).contentType(ContentType.JSON).body(SESSION.replace("80", "85"))
                .put("/api/sites/PU/sessions/{id}", externalId).then().statusCode(200).body("version", equalTo(2));
        given().auth().oauth2(ADMIN).get("/api/sites/PU/sessions/{id}", externalId).then().statusCode(200)
                .body("fieldNotes", nullValue()).body("study", notNullValue());
        given().auth().oauth2(ADMIN).get("/api/sites/PU/sessions").then().statusCode(200)
                .body("items.fieldNotes", everyItem(nullValue()));
        given().auth().oauth2(PARTNER).get("/api/sites/PU/sessions/{id}", externalId).then().statusCode(200)
                .body("fieldNotes", notNullValue())
                .body("participants", contains("P1", "P2"));

        given().auth().oauth2(PARTNER).contentType(ContentType.JSON)
                .body("{\"externalId\":\"t-" + UUID.randomUUID() + "\",\"language\":\"mr\",\"session\":\"nope\",\"paragraphs\":[{\"speaker\":\"M\",\"text\":\"x\"}]}")
                .post("/api/sites/PU/transcripts").then().statusCode(422).body("errors[0].pointer", equalTo("/session"));
        given().auth().oauth2(PARTNER).contentType(ContentType.JSON)
                .body("{\"externalId\":\"t-" + UUID.randomUUID() + "\",\"language\":\"mr\",\"session\":\"" + externalId + "\",\"paragraphs\":[{\"speaker\":\"M\",\"text\":\"x\"}]}")
                .post("/api/sites/PU/transcripts").then().statusCode(201).body("session", equalTo(externalId));

        EventSchemas schema = EventSchemas.load("transcript-service/src/main/resources/META-INF/resources/events/session-recorded.schema.json");
        Awaitility.await().until(() -> sink.received().stream().filter(m -> m.getMetadata(OutgoingCloudEventMetadata.class)
                .orElseThrow().getType().equals("io.chorus.transcript.session-recorded.v1")).count() == 2);
        sink.received().stream()
                .filter(m -> m.getMetadata(OutgoingCloudEventMetadata.class).orElseThrow().getType().equals("io.chorus.transcript.session-recorded.v1"))
                .forEach(m -> assertEquals(Set.of(), schema.violations(m.getPayload())));
    }

    @Test
    void invalidSessionsAreRefusedWithPointers() {
        given().auth().oauth2(PARTNER).contentType(ContentType.JSON)
                .body(SESSION.replace("focus-group", "party").replace("2019-12-03", "2999-01-01").replace("\"mr\"", "\"Marathi\""))
                .put("/api/sites/PU/sessions/bad").then().statusCode(422).contentType("application/problem+json")
                .body("errors.pointer", contains("/date", "/kind", "/language"));
        given().auth().oauth2(PARTNER).contentType(ContentType.JSON).body(SESSION.replace("2019-12-03", "03.12.2019"))
                .put("/api/sites/PU/sessions/bad").then().statusCode(400).body("errors[0].pointer", equalTo("/date"));
        given().auth().oauth2(PARTNER).get("/api/sites/PU/sessions/bad").then().statusCode(404);
        given().auth().oauth2(TestTokens.token("partner-ad", List.of("partner-system"), List.of("AD"))).contentType(ContentType.JSON)
                .body(SESSION).put("/api/sites/PU/sessions/x").then().statusCode(403);
    }

    @Test
    void aReplacementNamingAnOldEtagIsRefusedAndPersonalDataIsNeverCached() {
        String path = "/api/sites/PU/sessions/etag-" + UUID.randomUUID();
        given().auth().oauth2(PARTNER).contentType(ContentType.JSON).body(SESSION).put(path).then().statusCode(201);
        String etag = given().auth().oauth2(PARTNER).get(path).then().statusCode(200).header("Cache-Control", "no-store")
                .extract().header("ETag");
        given().auth().oauth2(PARTNER).header("If-None-Match", etag).get(path).then().statusCode(304);
        given().auth().oauth2(PARTNER).header("If-Match", etag).contentType(ContentType.JSON)
                .body(SESSION.replace("Pune clinic", "Pune day centre")).put(path).then().statusCode(200);
        given().auth().oauth2(PARTNER).header("If-Match", etag).contentType(ContentType.JSON)
                .body(SESSION.replace("Pune clinic", "Lost update")).put(path).then().statusCode(412)
                .contentType("application/problem+json").body("errors[0].pointer", equalTo("/If-Match"));
        given().auth().oauth2(PARTNER).get(path).then().body("venue", equalTo("Pune day centre"));
        given().auth().oauth2(PARTNER).header("If-Match", etag).contentType(ContentType.JSON).body(SESSION)
                .put(path + "-new").then().statusCode(412);
        given().auth().oauth2(PARTNER).get(path + "-new").then().statusCode(404);
    }
}
