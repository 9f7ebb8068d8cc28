package io.chorus.coding.transcript;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.chorus.common.event.EventEnvelope;
import io.chorus.common.testing.PostgresTestResource;
import io.chorus.common.testing.TestEvents;
import io.chorus.common.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import io.smallrye.reactive.messaging.memory.InMemorySource;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
class TranscriptCatalogTest {

    static final String ANALYST = TestTokens.token("analyst", List.of("analyst"), List.of());
    static final String RESEARCHER_ULM = TestTokens.token("researcher-ulm", List.of("site-researcher"), List.of("ULM"));
    static final String PARTNER_BU = TestTokens.token("partner-bu", List.of("partner-system"), List.of("BU"));

    @Inject
    @Any
    InMemoryConnector connector;

    static String released(String id, String site, int version, String text) {
        return """
                {"transcriptId":"%s","site":"%s","externalId":"fgd-%s","language":"lg","version":%d,
                 "releasedAt":"2020-01-15T10:00:00Z","releasedBy":"lead","futureField":true,
                 "paragraphs":[{"n":1,"label":"%s 1","speaker":"M","text":"%s original","english":"%s"}]}"""
                .formatted(id, site, id, version, site, text, text);
    }

    @Test
    void aReleasedTranscriptBecomesListableOnceEvenWhenTheEventIsRedelivered() {
        InMemorySource<Object> source = connector.source("transcript-events");
        String id = UUID.randomUUID().toString();
        EventEnvelope event = TestEvents.envelope("io.chorus.transcript.released.v1", "transcript", id, released(id, "BU", 2, "first"));
        source.send(TestEvents.incoming(event));
        source.send(TestEvents.incoming(event));
        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                given().auth().oauth2(ANALYST).get("/api/transcripts/{id}", id).then().statusCode(200)
                        .body("paragraphs[0].label", equalTo("BU 1")).body("paragraphs[0].english", equalTo("first"))
                        .body("paragraphs[0]", not(hasKey("text")))
                        .body("version", equalTo(2)));
        given().auth().oauth2(ANALYST).get("/api/transcripts?site=BU&size=200").then().statusCode(200)
                .body("items.findAll { it.id == '" + id + "' }.size()", equalTo(1));

        // an older version arriving late changes nothing
        source.send(TestEvents.incoming(TestEvents.envelope("io.chorus.transcript.released.v1", "transcript", id,
                released(id, "BU", 1, "stale"))));
        String newer = UUID.randomUUID().toString();
        source.send(TestEvents.incoming(TestEvents.envelope("io.chorus.transcript.released.v1", "transcript", newer,
                released(newer, "BU", 1, "x"))));
        Awaitility.await().untilAsserted(() -> given().auth().oauth2(ANALYST).get("/api/transcripts/{id}", newer).then().statusCode(200));
        given().auth().oauth2(ANALYST).get("/api/transcripts/{id}", id).then().body("paragraphs[0].english", equalTo("first"));
    }

    @Test
    void aWithdrawalRedactsTheParticipantsParagraphs() {
        InMemorySource<Object> source = connector.source("transcript-events");
        String id = UUID.randomUUID().toString();
        source.send(TestEvents.incoming(TestEvents.envelope("io.chorus.transcript.released.v1", "transcript", id,
                released(id, "DS", 1, "secret words"))));
        source.send(TestEvents.incoming(TestEvents.envelope("io.chorus.transcript.paragraphs-withdrawn.v1", "transcript", id,
                "{\"transcriptId\":\"" + id + "\",\"site\":\"DS\",\"participant\":\"M\",\"paragraphs\":[1],\"mode\":\"redacted\",\"version\":2,"
                        + "\"at\":\"2022-01-01T00:00:00Z\"}")));
        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                given().auth().oauth2(ANALYST).get("/api/transcripts/{id}", id).then().statusCode(200)
                        .body("paragraphs[0].english", equalTo("[withdrawn]")));
        source.send(TestEvents.incoming(TestEvents.envelope("io.chorus.transcript.paragraphs-withdrawn.v1", "transcript", id,
                "{\"transcriptId\":\"" + id + "\",\"site\":\"DS\",\"participant\":\"M\",\"paragraphs\":[1],\"mode\":\"removed\",\"version\":3,"
                        + "\"at\":\"2022-01-01T00:00:00Z\"}")));
        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                given().auth().oauth2(ANALYST).get("/api/transcripts/{id}", id).then().statusCode(200).body("paragraphs.size()", equalTo(0)));
    }

    @Test
    void aRevisionReplacesTheChangedParagraphsOnce() {
        InMemorySource<Object> source = connector.source("transcript-events");
        String id = UUID.randomUUID().toString();
        source.send(TestEvents.incoming(TestEvents.envelope("io.chorus.transcript.released.v1", "transcript", id,
                released(id, "UKE", 3, "Dr Meier said so"))));
        String revision = "{\"transcriptId\":\"" + id + "\",\"site\":\"UKE\",\"version\":4,\"previousVersion\":3,\"reason\":\"name\","
                + "\"changed\":[{\"n\":1,\"label\":\"UKE 1\",\"speaker\":\"M\",\"text\":\"[name] said so\",\"english\":\"[name] said so\"}],"
                + "\"at\":\"2022-01-01T00:00:00Z\"}";
        source.send(TestEvents.incoming(TestEvents.envelope("io.chorus.transcript.revised.v1", "transcript", id, revision)));
        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                given().auth().oauth2(ANALYST).get("/api/transcripts/{id}", id).then().statusCode(200)
                        .body("version", equalTo(4)).body("paragraphs[0].english", equalTo("[name] said so")));
    }

    @Test
    void anUnreadableEventDoesNotHoldUpTheOnesAfterIt() {
        InMemorySource<Object> source = connector.source("transcript-events");
        String broken = UUID.randomUUID().toString();
        source.send(TestEvents.incoming(TestEvents.envelope("io.chorus.transcript.released.v1", "transcript", broken,
                "{\"transcriptId\": \"" + broken + "\", \"version\": \"not a number\"")));
        String next = UUID.randomUUID().toString();
        source.send(TestEvents.incoming(TestEvents.envelope("io.chorus.transcript.released.v1", "transcript", next,
                released(next, "DS", 1, "after the broken one"))));
        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                given().auth().oauth2(ANALYST).get("/api/transcripts/{id}", next).then().statusCode(200));
        given().auth().oauth2(ANALYST).get("/api/transcripts/{id}", broken).then().statusCode(404);
    }

    @Test
    void siteStaffSeeOnlyTheirSitesAndPartnersNothing() {
        InMemorySource<Object> source = connector.source("transcript-events");
        String id = UUID.randomUUID().toString();
        source.send(TestEvents.incoming(TestEvents.envelope("io.chorus.transcript.released.v1", "transcript", id,
                released(id, "BU", 1, "x"))));
        Awaitility.await().untilAsserted(() -> given().auth().oauth2(ANALYST).get("/api/transcripts/{id}", id).then().statusCode(200));
        given().auth().oauth2(RESEARCHER_ULM).get("/api/transcripts/{id}", id).then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(RESEARCHER_ULM).get("/api/transcripts?size=200").then().statusCode(200)
                .body("items.id", not(hasItem(id)));
        given().auth().oauth2(PARTNER_BU).get("/api/transcripts").then().statusCode(403);
        given().get("/api/transcripts").then().statusCode(401);
        given().auth().oauth2(ANALYST).get("/api/transcripts?size=0").then().statusCode(422)
                .contentType("application/problem+json");
    }
}
