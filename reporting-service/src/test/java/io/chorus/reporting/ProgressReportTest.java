package io.chorus.reporting;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;

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
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
class ProgressReportTest {

    static final String ANALYST = TestTokens.token("analyst", List.of("analyst"), List.of());
    static final String LEAD_DS = TestTokens.token("lead-ds", List.of("site-lead"), List.of("DS"));
    static final String PARTNER_DS = TestTokens.token("partner-ds", List.of("partner-system"), List.of("DS"));
    static final String ADMIN = TestTokens.token("admin", List.of("consortium-admin"), List.of());

    @Inject
    io.chorus.common.event.DeadLetters deadLetters;

    @Inject
    @Any
    InMemoryConnector connector;

    static EventEnvelope released(String site, String id, int version) {
        return TestEvents.envelope("io.chorus.transcript.released.v1", "transcript", id, """
                {"transcriptId":"%s","site":"%s","externalId":"x","language":"sw","version":%d,
                 "releasedAt":"2021-10-01T09:00:00Z","releasedBy":"lead","paragraphs":[{"n":1,"label":"%s 1","speaker":"M","text":"t"}]}"""
                .formatted(id, site, version, site));
    }

    static int released(String token, String site) {
        List<Integer> counts = given().auth().oauth2(token).get("/api/reports/progress").then().statusCode(200)
                .extract().jsonPath().getList("rows.findAll { it.site == '" + site + "' }.released", Integer.class);
        return counts.isEmpty() ? 0 : counts.get(0);
    }

    static EventEnvelope statusChanged(String site, String id, String status, int version) {
        return TestEvents.envelope("io.chorus.transcript.status-changed.v1", "transcript", id, """
                {"transcriptId":"%s","site":"%s","externalId":"x","status":"%s","previousStatus":null,"version":%d,
                 "by":"someone","at":"2021-10-01T09:00:00Z"}""".formatted(id, site, status, version));
    }

    static EventEnvelope statusChanged(String site, String id, String session, String status, int version) {
        return TestEvents.envelope("io.chorus.transcript.status-changed.v1", "transcript", id, """
                {"transcriptId":"%s","site":"%s","externalId":"x","session":"%s","status":"%s","previousStatus":null,"version":%d,
                 "by":"someone","at":"2021-10-01T09:00:00Z"}""".formatted(id, site, session, status, version));
    }

    /** Issue 27: progress for one study, so that a study's own transcripts can be counted whatever else a site holds. */
    @Test
    void progressForOneStudyCountsOnlyTheTranscriptsOfItsSessions() {
        InMemorySource<Object> source = connector.source("transcript-events");
        String study = "ps-" + UUID.randomUUID().toString().substring(0, 8);
        String session = study + "-fgd";
        source.send(TestEvents.incoming(TestEvents.envelope("io.chorus.transcript.session-recorded.v1", "session", "AD/" + session, """
                {"site":"AD","externalId":"%s","study":"%s","phase":"pre","kind":"focus-group","date":"2020-01-10","language":"en",
                 "participants":[],"version":1,"createdAt":"2020-01-10T00:00:00Z","updatedAt":"2020-01-10T00:00:00Z"}"""
                .formatted(session, study))));
        String inStudy = UUID.randomUUID().toString();
        String uploadedOnly = UUID.randomUUID().toString();
        source.send(TestEvents.incoming(statusChanged("AD", inStudy, session, "uploaded", 1)));
        source.send(TestEvents.incoming(statusChanged("AD", inStudy, session, "released", 5)));
        source.send(TestEvents.incoming(TestEvents.envelope("io.chorus.transcript.released.v1", "transcript", inStudy, """
                {"transcriptId":"%s","site":"AD","externalId":"x","session":"%s","language":"en","version":5,
                 "releasedAt":"2021-10-01T09:00:00Z","releasedBy":"lead","paragraphs":[{"n":1,"label":"AD 1","speaker":"M","text":"t"}]}"""
                .formatted(inStudy, session))));
        source.send(TestEvents.incoming(statusChanged("AD", uploadedOnly, session, "uploaded", 1)));
        source.send(TestEvents.incoming(statusChanged("AD", UUID.randomUUID().toString(), "uploaded", 1)));
        Awaitility.await().untilAsserted(() -> given().auth().oauth2(ANALYST).get("/api/reports/progress?study={s}", study).then()
                .statusCode(200).body("rows.site", equalTo(List.of("AD")))
                .body("rows[0].uploaded", equalTo(2)).body("rows[0].released", equalTo(1)));
        given().auth().oauth2(ANALYST).get("/api/reports/progress?study=no-such-study").then().statusCode(422)
                .contentType("application/problem+json").body("errors[0].pointer", equalTo("/study"));
    }

    @Test
    void progressCountsTheTranscriptsThatReachedEachStage() {
        InMemorySource<Object> source = connector.source("transcript-events");
        String a = UUID.randomUUID().toString();
        String b = UUID.randomUUID().toString();
        source.send(TestEvents.incoming(statusChanged("UKE", a, "uploaded", 1)));
        source.send(TestEvents.incoming(statusChanged("UKE", a, "back-checked", 2)));
        source.send(TestEvents.incoming(statusChanged("UKE", a, "translated", 3)));
        source.send(TestEvents.incoming(statusChanged("UKE", a, "uploaded", 1)));
        source.send(TestEvents.incoming(statusChanged("UKE", b, "uploaded", 1)));
        Awaitility.await().untilAsserted(() -> given().auth().oauth2(ANALYST).get("/api/reports/progress").then()
                .body("rows.find { it.site == 'UKE' }.uploaded", equalTo(2))
                .body("rows.find { it.site == 'UKE' }.backChecked", equalTo(1))
                .body("rows.find { it.site == 'UKE' }.translated", equalTo(1))
                .body("rows.find { it.site == 'UKE' }.reviewed", equalTo(0))
                .body("rows.find { it.site == 'UKE' }.released", equalTo(0)));
    }

    @Test
    void aWithdrawnTranscriptLeavesTheCounts() {
        InMemorySource<Object> source = connector.source("transcript-events");
        String id = UUID.randomUUID().toString();
        source.send(TestEvents.incoming(statusChanged("BGU", id, "released", 5)));
        source.send(TestEvents.incoming(released("BGU", id, 5)));
        Awaitility.await().untilAsserted(() -> org.junit.jupiter.api.Assertions.assertTrue(released(ANALYST, "BGU") >= 1));
        int before = released(ANALYST, "BGU");
        source.send(TestEvents.incoming(TestEvents.envelope("io.chorus.transcript.withdrawn.v1", "transcript", id,
                "{\"transcriptId\":\"" + id + "\",\"site\":\"BGU\",\"externalId\":\"x\",\"reason\":\"r\",\"version\":6,\"at\":\"2022-01-01T00:00:00Z\"}")));
        Awaitility.await().untilAsserted(() -> org.junit.jupiter.api.Assertions.assertEquals(before - 1, released(ANALYST, "BGU")));
    }

    @Test
    void eachReleasedTranscriptCountsOnceForItsSite() {
        InMemorySource<Object> source = connector.source("transcript-events");
        int before = released(ANALYST, "DS");
        String first = UUID.randomUUID().toString();
        EventEnvelope event = released("DS", first, 1);
        source.send(TestEvents.incoming(event));
        source.send(TestEvents.incoming(event));
        source.send(TestEvents.incoming(released("DS", first, 2)));
        source.send(TestEvents.incoming(released("DS", UUID.randomUUID().toString(), 1)));
        source.send(TestEvents.incoming(released("PU", UUID.randomUUID().toString(), 1)));
        Awaitility.await().untilAsserted(() -> {
            org.junit.jupiter.api.Assertions.assertEquals(before + 2, released(ANALYST, "DS"));
            org.junit.jupiter.api.Assertions.assertTrue(released(ANALYST, "PU") >= 1);
        });
        given().auth().oauth2(LEAD_DS).get("/api/reports/progress").then().statusCode(200)
                .body("rows.site", everyItem(equalTo("DS")));
        given().auth().oauth2(PARTNER_DS).get("/api/reports/progress").then().statusCode(403);
        given().get("/api/reports/progress").then().statusCode(401);
    }

    @Inject
    javax.sql.DataSource dataSource;

    /** Issue 30: a dead letter that carries a transcript's words keeps none of them once the transcript is withdrawn. */
    @Test
    void aWithdrawalEmptiesTheDeadLettersThatCarryTheTranscript() throws Exception {
        InMemorySource<Object> source = connector.source("transcript-events");
        String id = UUID.randomUUID().toString();
        // PostgreSQL refuses a site code longer than its column: the event is dead-lettered with the transcript in it
        EventEnvelope poison = released("Z".repeat(40), id, 1);
        source.send(TestEvents.incoming(poison));
        Awaitility.await().until(() -> payloadOf(poison.id()) != null);
        org.junit.jupiter.api.Assertions.assertTrue(payloadOf(poison.id()).contains(id));

        source.send(TestEvents.incoming(TestEvents.envelope("io.chorus.transcript.withdrawn.v1", "transcript", id,
                "{\"transcriptId\":\"" + id + "\",\"site\":\"BGU\",\"externalId\":\"x\",\"reason\":\"r\",\"version\":2,"
                        + "\"at\":\"2022-01-01T00:00:00Z\"}")));
        Awaitility.await().untilAsserted(() -> assertEquals("{\"erased\":\"the words it carried were withdrawn\"}", payloadOf(poison.id())));
        given().auth().oauth2(ADMIN).get("/api/admin/dead-letters?all=true&size=500").then().statusCode(200)
                .body("items.find { it.eventId == '%s' }.reason".formatted(poison.id()),
                        org.hamcrest.Matchers.endsWith("(erased: the words it carried were withdrawn)"))
                .body("items.find { it.eventId == '%s' }.replayedAt".formatted(poison.id()), org.hamcrest.Matchers.notNullValue());
        given().auth().oauth2(ADMIN).post("/api/admin/dead-letters/{id}/replay", poison.id()).then().statusCode(404);
    }

    private String payloadOf(String eventId) throws Exception {
        try (var connection = dataSource.getConnection();
                var select = connection.prepareStatement("select payload from dead_letter where event_id = ?")) {
            select.setString(1, eventId);
            try (var row = select.executeQuery()) {
                return row.next() ? row.getString(1) : null;
            }
        }
    }

    @Test
    void anEventThatCanNeverBeAppliedIsDeadLetteredAtOnceAndTheNextOneGoesOn() {
        InMemorySource<Object> source = connector.source("transcript-events");
        String site = "ZP";
        int before = released(ANALYST, site);
        // one the JSON reader refuses (a NUL byte), one PostgreSQL refuses (a site code longer than its column)
        List<EventEnvelope> poisons = List.of(TestEvents.envelope("io.chorus.transcript.released.v1", "transcript",
                UUID.randomUUID().toString(), """
                {"transcriptId":"%s","site":"%s","externalId":"x","language":"en","version":1,"releasedAt":"2021-10-01T09:00:00Z",
                 "releasedBy":"lead","paragraphs":[{"n":1,"label":"ZP 1","speaker":"M","text":"t","english":"a NUL \\u0000 byte"}]}"""
                .formatted(UUID.randomUUID(), site)), released("Z".repeat(40), UUID.randomUUID().toString(), 1));
        List<String> outcomes = new java.util.concurrent.CopyOnWriteArrayList<>();
        for (EventEnvelope poison : poisons) {
            source.send(TestEvents.incoming(poison).withAck(() -> {
                outcomes.add("ack");
                return java.util.concurrent.CompletableFuture.completedFuture(null);
            }).withNack(failure -> {
                outcomes.add("nack: " + failure.getMessage());
                return java.util.concurrent.CompletableFuture.completedFuture(null);
            }));
        }
        source.send(TestEvents.incoming(released(site, UUID.randomUUID().toString(), 1)));
        Awaitility.await().untilAsserted(() -> assertEquals(before + 1, released(ANALYST, site), "the event behind it was applied"));
        assertEquals(2, outcomes.size(), outcomes.toString());
        org.junit.jupiter.api.Assertions.assertTrue(outcomes.get(0).startsWith("nack: ") && outcomes.get(0).contains("control"), outcomes.get(0));
        org.junit.jupiter.api.Assertions.assertTrue(outcomes.get(1).startsWith("nack: ") && outcomes.get(1).contains("too long"), outcomes.get(1));

        // the admins see both, with their reasons, and the service reports itself degraded until they are handled
        given().auth().oauth2(LEAD_DS).get("/api/admin/dead-letters").then().statusCode(403);
        given().auth().oauth2(ADMIN).get("/api/admin/dead-letters?size=500").then().statusCode(200)
                .body("items.findAll { it.eventId == '%s' }.reason[0]".formatted(poisons.get(0).id()),
                        org.hamcrest.Matchers.allOf(org.hamcrest.Matchers.containsString("control character U+0000"),
                                org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("a NUL"))))
                .body("items.findAll { it.eventId == '%s' }.type[0]".formatted(poisons.get(1).id()), equalTo("io.chorus.transcript.released.v1"));
        given().get("/q/health").then().statusCode(503).body("checks.find { it.name == 'dead letters' }.status", equalTo("DOWN"));
        given().get("/q/health/ready").then().statusCode(200);
        given().auth().oauth2(ADMIN).post("/api/admin/dead-letters/{id}/replay", poisons.get(0).id()).then().statusCode(200)
                .body("replayed", equalTo(0)).body("stillFailing", equalTo(1));

        // an event a since-fixed bug had dead-lettered is applied once by a replay, and a second replay finds nothing to do
        EventEnvelope fixed = released(site, UUID.randomUUID().toString(), 1);
        deadLetters.record(io.chorus.reporting.service.ProgressReadModel.CONSUMER, fixed, "a bug, since fixed");
        given().auth().oauth2(ADMIN).post("/api/admin/dead-letters/{id}/replay", fixed.id()).then().statusCode(200)
                .body("replayed", equalTo(1));
        assertEquals(before + 2, released(ANALYST, site));
        given().auth().oauth2(ADMIN).post("/api/admin/dead-letters/{id}/replay", fixed.id()).then().statusCode(404)
                .contentType("application/problem+json");
        assertEquals(before + 2, released(ANALYST, site));

        for (EventEnvelope poison : poisons) {
            given().auth().oauth2(ADMIN).delete("/api/admin/dead-letters/{id}", poison.id()).then().statusCode(204);
        }
        given().auth().oauth2(ADMIN).get("/api/admin/dead-letters").then().body("total", equalTo((int) deadLetters.waiting()));
    }
}
