package io.chorus.reporting;

import static io.restassured.RestAssured.given;

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
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

/** Coded and double-coded transcripts per site, from coding events, each event counted once. */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
class CodingProgressTest {

    static final String ANALYST = TestTokens.token("analyst", List.of("analyst"), List.of());

    @Inject
    @Any
    InMemoryConnector connector;

    static EventEnvelope coded(String codingId, String transcript, String coder, String round, long revision) {
        return TestEvents.envelope("io.chorus.coding.passage-coded.v1", "coding", codingId, """
                {"codingId":"%s","transcriptId":"%s","site":"AD","codeId":"c1","codebookId":"b1","coder":"%s","roundId":%s,
                 "firstParagraph":1,"lastParagraph":2,"startOffset":null,"endOffset":null,"valence":"barrier","weight":null,
                 "revision":%d,"codedAt":"2020-02-03T14:00:00Z"}""".formatted(codingId, transcript, coder,
                round == null ? "null" : "\"" + round + "\"", revision));
    }

    static long count(String column) {
        List<Integer> values = given().auth().oauth2(ANALYST).get("/api/reports/progress").then().statusCode(200)
                .extract().jsonPath().getList("rows.findAll { it.site == 'AD' }." + column, Integer.class);
        return values.isEmpty() ? 0 : values.get(0);
    }

    /** Only released transcripts are counted; codings always refer to one. */
    void release(String... ids) {
        for (String id : ids) {
            connector.source("transcript-events").send(TestEvents.incoming(TestEvents.envelope("io.chorus.transcript.released.v1",
                    "transcript", id, """
                    {"transcriptId":"%s","site":"AD","externalId":"%s","language":"en","version":1,"releasedAt":"2021-10-01T09:00:00Z",
                     "releasedBy":"lead","paragraphs":[{"n":1,"label":"AD 1","speaker":"M","text":"t","english":"t"},
                     {"n":2,"label":"AD 2","speaker":"M","text":"t","english":"t"}]}""".formatted(id, id))));
        }
    }

    @Test
    void codedAndDoubleCodedFollowTheCodingEvents() {
        InMemorySource<Object> source = connector.source("coding-events");
        long codedBefore = count("coded");
        long doubleBefore = count("doubleCoded");
        String single = UUID.randomUUID().toString();
        String pair = UUID.randomUUID().toString();
        String round = UUID.randomUUID().toString();
        String third = UUID.randomUUID().toString();
        release(single, pair, third);
        EventEnvelope first = coded(UUID.randomUUID().toString(), single, "analyst", null, 0);
        source.send(TestEvents.incoming(first));
        source.send(TestEvents.incoming(first));
        String a = UUID.randomUUID().toString();
        source.send(TestEvents.incoming(coded(a, pair, "analyst-a", round, 0)));
        source.send(TestEvents.incoming(coded(UUID.randomUUID().toString(), pair, "analyst-b", round, 0)));
        Awaitility.await().untilAsserted(() -> {
            Assertions.assertEquals(codedBefore + 2, count("coded"));
            Assertions.assertEquals(doubleBefore + 1, count("doubleCoded"));
        });

        // the consensus set replaces itself; removing a coder's coding leaves the consensus counting
        String consensus = """
                {"transcriptId":"%s","site":"AD","roundId":"%s","codebookId":"b1","decidedBy":"analyst-a",
                 "decidedAt":"2020-02-10T16:00:00Z","codings":[{"codingId":"%s","codeId":"c1","firstParagraph":1,
                 "lastParagraph":1,"startOffset":null,"endOffset":null,"valence":null,"weight":null}]}""";
        source.send(TestEvents.incoming(TestEvents.envelope("io.chorus.coding.consensus-reached.v1", "transcript", pair,
                consensus.formatted(pair, round, UUID.randomUUID()))));
        source.send(TestEvents.incoming(TestEvents.envelope("io.chorus.coding.consensus-reached.v1", "transcript", pair,
                consensus.formatted(pair, round, UUID.randomUUID()))));
        source.send(TestEvents.incoming(TestEvents.envelope("io.chorus.coding.coding-removed.v1", "coding", a, """
                {"codingId":"%s","transcriptId":"%s","site":"AD","codeId":"c1","reason":"removed","consensus":false,
                 "removedAt":"2021-05-01T08:00:00Z"}""".formatted(a, pair))));
        source.send(TestEvents.incoming(coded(UUID.randomUUID().toString(), third, "analyst", null, 0)));
        Awaitility.await().untilAsserted(() -> {
            Assertions.assertEquals(codedBefore + 3, count("coded"));
            Assertions.assertEquals(doubleBefore + 1, count("doubleCoded"));
        });

        // the round's agreement on the transcript, measured when it closed, shows in the site's progress
        String measured = """
                {"roundId":"%s","transcriptId":"%s","site":"AD","coders":["a","b"],"units":8,"percentAgreement":0.75,
                 "cohenKappa":%s,"fleissKappa":null,"krippendorffAlpha":0.5,"measuredAt":"%s"}""";
        source.send(TestEvents.incoming(TestEvents.envelope("io.chorus.coding.agreement-measured.v1", "transcript", pair,
                measured.formatted(round, pair, "0.4", "2020-02-05T12:00:00Z"))));
        source.send(TestEvents.incoming(TestEvents.envelope("io.chorus.coding.agreement-measured.v1", "transcript", single,
                measured.formatted(UUID.randomUUID(), single, "0.6", "2020-02-05T12:00:00Z"))));
        Awaitility.await().untilAsserted(() -> {
            var progress = given().auth().oauth2(ANALYST).get("/api/reports/progress").then().extract().jsonPath();
            Assertions.assertEquals(2, progress.getInt("rows.find { it.site == 'AD' }.agreementMeasured"));
            Assertions.assertEquals(0.5, progress.getDouble("rows.find { it.site == 'AD' }.meanKappa"), 1e-6);
        });
        given().auth().oauth2(ANALYST).get("/api/reports/progress?format=csv").then().statusCode(200)
                .body(org.hamcrest.Matchers.startsWith("Site,Uploaded,Back-checked,Translated,Reviewed,Released,Coded,Double-coded"));
    }
}
