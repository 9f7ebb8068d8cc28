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
                .extract().jsonPath().getList("sites.findAll { it.site == 'AD' }." + column, Integer.class);
        return values.isEmpty() ? 0 : values.get(0);
    }

    @Test
    void codedAndDoubleCodedFollowTheCodingEvents() {
        InMemorySource<Object> source = connector.source("coding-events");
        long codedBefore = count("coded");
        long doubleBefore = count("doubleCoded");
        String single = UUID.randomUUID().toString();
        String pair = UUID.randomUUID().toString();
        String round = UUID.randomUUID().toString();
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
        source.send(TestEvents.incoming(coded(UUID.randomUUID().toString(), UUID.randomUUID().toString(), "analyst", null, 0)));
        Awaitility.await().untilAsserted(() -> {
            Assertions.assertEquals(codedBefore + 3, count("coded"));
            Assertions.assertEquals(doubleBefore + 1, count("doubleCoded"));
        });
    }
}
