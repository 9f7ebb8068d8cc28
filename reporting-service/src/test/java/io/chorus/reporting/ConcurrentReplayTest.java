package io.chorus.reporting;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.chorus.common.testing.PostgresTestResource;
import io.chorus.common.testing.TestEvents;
import io.chorus.common.testing.TestTokens;
import io.chorus.reporting.service.Sql;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Both consumer channels recompute a transcript's cells: a release on the transcript channel and its codings on the
 * coding channel, replayed at once as after a restart. The cells must still equal the facts, exactly.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
class ConcurrentReplayTest {

    static final String ADMIN = TestTokens.token("admin", List.of("consortium-admin"), List.of());

    @Inject
    @Any
    InMemoryConnector connector;

    @Inject
    Sql sql;

    long passagesOf(String code) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) sql.single(
                "select coalesce(sum(passages), 0) from code_cell where code_id = ?1", code)).longValue());
    }

    @Test
    void twoChannelsReplayingTheSameTranscriptsAtOnceCountEachCodingOnce() throws Exception {
        String book = UUID.randomUUID().toString();
        String code = UUID.randomUUID().toString();
        connector.source("coding-events").send(TestEvents.incoming(TestEvents.envelope("io.chorus.coding.codebook-published.v1",
                "codebook", book, """
                {"codebookId":"%s","name":"Replay","version":1,"publishedAt":"2021-01-01T00:00:00Z","publishedBy":"analyst",
                 "codes":[{"id":"%s","key":"1","parentId":null,"name":"Trust","codable":true,"origin":"inductive","frameworkRef":null}]}"""
                .formatted(book, code))));
        int transcripts = 60;
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < transcripts; i++) {
            ids.add(UUID.randomUUID().toString());
        }
        CompletableFuture<Void> releases = CompletableFuture.runAsync(() -> ids.forEach(id -> connector.source("transcript-events")
                .send(TestEvents.incoming(TestEvents.envelope("io.chorus.transcript.released.v1", "transcript", id, """
                        {"transcriptId":"%s","site":"BU","externalId":"%s","language":"en","version":1,"releasedAt":"2021-06-01T00:00:00Z",
                         "releasedBy":"lead","paragraphs":[{"n":1,"label":"BU 1","speaker":"P1","text":"a","english":"a"},
                         {"n":2,"label":"BU 2","speaker":"P2","text":"b","english":"b"}]}""".formatted(id, id))))));
        CompletableFuture<Void> codings = CompletableFuture.runAsync(() -> ids.forEach(id -> {
            for (int n = 1; n <= 2; n++) {
                String coding = UUID.randomUUID().toString();
                connector.source("coding-events").send(TestEvents.incoming(TestEvents.envelope("io.chorus.coding.passage-coded.v1",
                        "coding", coding, """
                        {"codingId":"%s","transcriptId":"%s","site":"BU","codeId":"%s","codebookId":"%s","coder":"analyst","roundId":null,
                         "firstParagraph":%d,"lastParagraph":%d,"startOffset":null,"endOffset":null,"valence":"facilitator","weight":null,
                         "revision":0,"codedAt":"2021-07-01T00:00:00Z"}""".formatted(coding, id, code, book, n, n))));
            }
        }));
        CompletableFuture.allOf(releases, codings).get();

        Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertEquals(2L * transcripts, passagesOf(code)));
        given().auth().oauth2(ADMIN).get("/api/admin/reconciliation").then().statusCode(200).body("differences", equalTo(0));
    }
}
