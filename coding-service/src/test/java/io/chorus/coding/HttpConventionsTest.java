package io.chorus.coding;

import static io.chorus.coding.CodingFixtures.ANALYST_A;
import static io.chorus.coding.CodingFixtures.ANALYST_B;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.chorus.common.testing.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The conventions every service shares (io.chorus.common.http), shown on coding-service. */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
class HttpConventionsTest {

    static String memo(String title) {
        return "{\"target\":\"project\",\"title\":\"" + title + "\",\"text\":\"Notes on the codebook\"}";
    }

    static long memos(String token) {
        return given().auth().oauth2(token).get("/api/memos?target=project&size=200").then().statusCode(200)
                .extract().jsonPath().getLong("total");
    }

    @Test
    void aRetriedPostWithTheSameIdempotencyKeyCreatesOneMemo() {
        String key = UUID.randomUUID().toString();
        long before = memos(ANALYST_A);
        Response first = given().auth().oauth2(ANALYST_A).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(memo("Once")).post("/api/memos");
        first.then().statusCode(201);
        Response retry = given().auth().oauth2(ANALYST_A).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(memo("Once")).post("/api/memos");
        retry.then().statusCode(201).header("Location", equalTo(first.header("Location"))).header("ETag", equalTo(first.header("ETag")))
                .body("id", equalTo(first.path("id")));
        assertEquals(before + 1, memos(ANALYST_A), "the retry created nothing");

        given().auth().oauth2(ANALYST_A).header("Idempotency-Key", key).contentType(ContentType.JSON).body(memo("Other"))
                .post("/api/memos").then().statusCode(422).contentType("application/problem+json")
                .body("errors[0].parameter", equalTo("Idempotency-Key"));
        given().auth().oauth2(ANALYST_B).header("Idempotency-Key", key).contentType(ContentType.JSON).body(memo("Once"))
                .post("/api/memos").then().statusCode(201);
        assertEquals(before + 2, memos(ANALYST_A), "keys are per caller: another analyst's request with it is a new one");
        String revoked = io.chorus.common.testing.TestTokens.token("analyst-a", List.of(), List.of());
        given().auth().oauth2(revoked).header("Idempotency-Key", key).contentType(ContentType.JSON).body(memo("Once"))
                .post("/api/memos").then().statusCode(403);
        assertEquals(before + 2, memos(ANALYST_A), "after the role went, the retry is checked again and refused, not replayed");
        given().auth().oauth2(ANALYST_A).header("Idempotency-Key", "").contentType(ContentType.JSON).body(memo("Blank"))
                .post("/api/memos").then().statusCode(400).body("errors[0].pointer", equalTo("/Idempotency-Key"));
    }

    @jakarta.inject.Inject
    javax.sql.DataSource dataSource;

    /**
     * Issue 27: the key is marked applied in the transaction of the change, so a crash between the commit and the stored
     * answer leaves a claim that is never taken over: a blind retry is told to look the result up, and makes no second memo.
     */
    @Test
    void aRetryAfterACrashBetweenTheCommitAndTheStoredAnswerMakesNothingTwice() throws Exception {
        String key = UUID.randomUUID().toString();
        long before = memos(ANALYST_A);
        given().auth().oauth2(ANALYST_A).header("Idempotency-Key", key).contentType(ContentType.JSON).body(memo("Crash"))
                .post("/api/memos").then().statusCode(201);
        try (var connection = dataSource.getConnection();
                var marked = connection.prepareStatement("select applied from idempotency_key where key like ?")) {
            marked.setString(1, "% " + key);
            try (var row = marked.executeQuery()) {
                org.junit.jupiter.api.Assertions.assertTrue(row.next() && row.getBoolean(1), "marked in the memo's transaction");
            }
            // what a crash after the commit and before the answer was stored leaves: a claim of a process that died
            try (var crash = connection.prepareStatement("update idempotency_key set status = 0, body = null, runner = 'gone', "
                    + "created_at = now() - interval '1 minute' where key like ?")) {
                crash.setString(1, "% " + key);
                assertEquals(1, crash.executeUpdate());
            }
        }
        given().auth().oauth2(ANALYST_A).header("Idempotency-Key", key).contentType(ContentType.JSON).body(memo("Crash"))
                .post("/api/memos").then().statusCode(409).contentType("application/problem+json")
                .body("detail", org.hamcrest.Matchers.containsString("took effect"));
        assertEquals(before + 1, memos(ANALYST_A), "the retry made no second memo");
    }

    @jakarta.inject.Inject
    io.chorus.common.http.IdempotencyExpiry expiry;

    @jakarta.inject.Inject
    CodingFixtures fixtures;

    /** Issue 30: no answer is kept forever; after the retention a retry with the key runs as a new request. */
    @Test
    void storedAnswersExpireAfterTheRetentionAndTheKeyThenRunsAgain() throws Exception {
        assertEquals(java.time.Duration.ofHours(24), expiry.retention());
        String key = UUID.randomUUID().toString();
        long before = memos(ANALYST_A);
        String first = given().auth().oauth2(ANALYST_A).header("Idempotency-Key", key).contentType(ContentType.JSON).body(memo("Expiring"))
                .post("/api/memos").then().statusCode(201).extract().path("id");
        ageAnswer(key, "23 hours");
        expiry.expire();
        assertEquals(first, given().auth().oauth2(ANALYST_A).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(memo("Expiring")).post("/api/memos").then().statusCode(201).extract().path("id"));
        // a day later the answer and its key are gone
        ageAnswer(key, "25 hours");
        org.junit.jupiter.api.Assertions.assertTrue(expiry.expire() >= 1);
        assertEquals(0, storedAnswers(key));
        String second = given().auth().oauth2(ANALYST_A).header("Idempotency-Key", key).contentType(ContentType.JSON).body(memo("Expiring"))
                .post("/api/memos").then().statusCode(201).extract().path("id");
        org.junit.jupiter.api.Assertions.assertNotEquals(first, second);
        assertEquals(before + 2, memos(ANALYST_A));
    }

    /** Issue 30: an answer kept for a key that shows a transcript whose words are withdrawn is replaced by a 410. */
    @Test
    void anAnswerAboutATranscriptWhoseWordsAreWithdrawnIsNoLongerKept() throws Exception {
        String transcript = fixtures.release("BU", "My neighbour Quillfeather told me about the group.");
        String key = UUID.randomUUID().toString();
        String body = "{\"target\":\"passage\",\"transcriptId\":\"" + transcript + "\",\"firstParagraph\":1,\"lastParagraph\":1,"
                + "\"title\":\"Quillfeather\",\"text\":\"She said: my neighbour Quillfeather told me\"}";
        given().auth().oauth2(ANALYST_A).header("Idempotency-Key", key).contentType(ContentType.JSON).body(body).post("/api/memos")
                .then().statusCode(201);
        fixtures.send("io.chorus.transcript.paragraphs-withdrawn.v1", transcript, "{\"transcriptId\":\"" + transcript + "\",\"site\":\"BU\","
                + "\"participant\":\"P1\",\"paragraphs\":[1],\"mode\":\"redacted\",\"version\":2,\"at\":\"2026-12-07T00:00:00Z\"}");
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(() -> given().auth().oauth2(ANALYST_A)
                .header("Idempotency-Key", key).contentType(ContentType.JSON).body(body).post("/api/memos").statusCode() == 410);
        given().auth().oauth2(ANALYST_A).header("Idempotency-Key", key).contentType(ContentType.JSON).body(body).post("/api/memos")
                .then().statusCode(410).contentType("application/problem+json")
                .body("detail", org.hamcrest.Matchers.containsString("withdrawal"));
        try (var connection = dataSource.getConnection();
                var stored = connection.prepareStatement("select count(*) from idempotency_key where strpos(coalesce(body, ''), ?) > 0")) {
            stored.setString(1, "Quillfeather");
            try (var row = stored.executeQuery()) {
                row.next();
                assertEquals(0, row.getInt(1), "no kept answer shows the words");
            }
        }
    }

    private void ageAnswer(String key, String age) throws Exception {
        try (var connection = dataSource.getConnection();
                var aged = connection.prepareStatement("update idempotency_key set created_at = now() - cast(? as interval) where key like ?")) {
            aged.setString(1, age);
            aged.setString(2, "% " + key);
            assertEquals(1, aged.executeUpdate());
        }
    }

    private int storedAnswers(String key) throws Exception {
        try (var connection = dataSource.getConnection();
                var count = connection.prepareStatement("select count(*) from idempotency_key where key like ?")) {
            count.setString(1, "% " + key);
            try (var row = count.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        }
    }

    /** The applied mark rolls back with its transaction: a request refused inside it leaves its key free to run again. */
    @Test
    void aRequestRefusedInsideItsTransactionLeavesNoAppliedMark() throws Exception {
        String key = UUID.randomUUID().toString();
        String body = "{\"target\":\"code\",\"codeId\":\"" + UUID.randomUUID() + "\",\"title\":\"Lost\",\"text\":\"t\"}";
        for (int attempt = 0; attempt < 2; attempt++) {
            given().auth().oauth2(ANALYST_A).header("Idempotency-Key", key).contentType(ContentType.JSON).body(body)
                    .post("/api/memos").then().statusCode(422).body("errors[0].pointer", equalTo("/codeId"));
        }
        try (var connection = dataSource.getConnection();
                var left = connection.prepareStatement("select count(*) from idempotency_key where key like ? and applied")) {
            left.setString(1, "% " + key);
            try (var row = left.executeQuery()) {
                row.next();
                assertEquals(0, row.getInt(1), "no applied mark outlives the rolled-back transaction");
            }
        }
    }

    @Test
    void aCurrentEtagInIfNoneMatchIsAnswered304() {
        String location = given().auth().oauth2(ANALYST_A).contentType(ContentType.JSON).body(memo("Cached"))
                .post("/api/memos").then().statusCode(201).extract().header("Location");
        String etag = given().auth().oauth2(ANALYST_A).get(location).then().statusCode(200).extract().header("ETag");
        given().auth().oauth2(ANALYST_A).header("If-None-Match", etag).get(location).then().statusCode(304)
                .body(emptyOrNullString());
        given().auth().oauth2(ANALYST_A).header("If-None-Match", "\"stale\"").get(location).then().statusCode(200);

        String listing = given().auth().oauth2(ANALYST_A).get("/api/codebooks/templates").then().statusCode(200)
                .header("ETag", not(emptyOrNullString())).header("Cache-Control", "private, no-cache").extract().header("ETag");
        given().auth().oauth2(ANALYST_A).header("If-None-Match", listing).get("/api/codebooks/templates").then().statusCode(304);
    }

    @Test
    void requestIdsAreEchoedOrMade() {
        given().auth().oauth2(ANALYST_A).header("X-Request-Id", "frontend-42").get("/api/codebooks/templates").then()
                .header("X-Request-Id", "frontend-42");
        given().auth().oauth2(ANALYST_A).get("/api/codebooks/templates").then().header("X-Request-Id", not(emptyOrNullString()));
        given().header("X-Request-Id", "bad id\u0001").get("/api/codebooks/templates").then().statusCode(401)
                .header("X-Request-Id", not(equalTo("bad id\u0001")));
    }

    @Test
    void jsonIsCompressedForClientsThatAcceptGzip() {
        given().auth().oauth2(ANALYST_A).header("Accept-Encoding", "gzip").get("/api/codebooks/templates").then()
                .statusCode(200).header("Content-Encoding", "gzip");
    }

    @Test
    void browserPagesOfTheFrontendOriginsMayCallAndOthersAreRefused() {
        given().header("Origin", "http://localhost:5173").header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type,idempotency-key")
                .options("/api/memos").then().statusCode(200)
                .header("Access-Control-Allow-Origin", "http://localhost:5173")
                .header("Access-Control-Allow-Credentials", "true");
        given().auth().oauth2(ANALYST_A).header("Origin", "http://localhost:3000").get("/api/codebooks/templates").then()
                .statusCode(200).header("Access-Control-Allow-Origin", "http://localhost:3000")
                .header("Access-Control-Expose-Headers", org.hamcrest.Matchers.containsString("ETag"));
        given().auth().oauth2(ANALYST_A).header("Origin", "https://evil.example").get("/api/codebooks/templates").then()
                .statusCode(403).contentType("application/problem+json").header("Access-Control-Allow-Origin", org.hamcrest.Matchers.nullValue())
                .body("errors[0].parameter", equalTo("Origin"));
    }
}
