package io.chorus.coding.round;

import static io.chorus.coding.CodingFixtures.ANALYST_A;
import static io.chorus.coding.CodingFixtures.ANALYST_B;
import static io.chorus.coding.CodingFixtures.LEAD_BU;
import static io.chorus.coding.CodingFixtures.code;
import static io.chorus.coding.CodingFixtures.etag;
import static io.chorus.coding.CodingFixtures.importTemplate;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.chorus.coding.CodingFixtures;
import io.chorus.common.testing.PostgresTestResource;
import io.chorus.common.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What a coder and the round's analyst see of a round's progress: the rounds, each coder's transcripts, done marks, pairs. */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
class RoundProgressTest {

    private static final String ANALYST_C = TestTokens.token("analyst-c", List.of("analyst"), List.of());

    @Inject
    CodingFixtures fixtures;

    @BeforeAll
    static void readDecimalsAsDoubles() {
        CodingFixtures.readDecimalsAsDoubles();
    }

    @Test
    void codersMarkTheirTranscriptsDoneAndTheAgreementHasEveryPairOfCoders() {
        Response codebook = importTemplate("implementation-influences");
        String x = codebook.path("codes[0].children[0].id");
        String first = fixtures.release("BU", "one", "two", "three", "four");
        String second = fixtures.release("BU", "five", "six");
        for (String coder : List.of("analyst-a", "analyst-b", "analyst-c")) {
            fixtures.announce(coder, List.of("analyst"), Map.of());
        }
        String round = given().auth().oauth2(ANALYST_A).contentType(ContentType.JSON).body("""
                {"name":"Progress","codebookId":"%s","assignments":[{"transcriptId":"%s","coders":["analyst-a","analyst-b"]},
                 {"transcriptId":"%s","coders":["analyst-a","analyst-c"]}]}""".formatted(codebook.path("id"), first, second))
                .post("/api/rounds").then().statusCode(201).extract().path("id");
        inRound(ANALYST_A, first, round, x, 1);
        inRound(ANALYST_A, first, round, x, 3);
        inRound(ANALYST_B, first, round, x, 1);
        inRound(ANALYST_A, second, round, x, 1);
        inRound(ANALYST_C, second, round, x, 2);

        String mine = "find { it.roundId == '%s' }".formatted(round);
        given().auth().oauth2(ANALYST_B).get("/api/rounds/mine").then().statusCode(200)
                .body("findAll { it.roundId == '%s' }.transcriptId".formatted(round), equalTo(List.of(first)))
                .body(mine + ".codings", equalTo(1)).body(mine + ".site", equalTo("BU"))
                .body(mine + ".externalId", notNullValue()).body(mine + ".doneAt", nullValue());
        given().auth().oauth2(ANALYST_A).get("/api/rounds/mine").then()
                .body("find { it.roundId == '%s' && it.transcriptId == '%s' }.codings".formatted(round, first), equalTo(2));

        given().auth().oauth2(ANALYST_B).put("/api/rounds/{r}/transcripts/{t}/completion", round, first).then().statusCode(200)
                .body("doneAt", notNullValue()).body("transcriptId", equalTo(first)).body("codings", equalTo(1));
        given().auth().oauth2(ANALYST_B).put("/api/rounds/{r}/transcripts/{t}/completion", round, second).then().statusCode(404);
        given().auth().oauth2(ANALYST_A).get("/api/rounds/{r}", round).then()
                .body("assignments.find { it.transcriptId == '%s' }.done".formatted(first), equalTo(List.of("analyst-b")))
                .body("assignments.find { it.transcriptId == '%s' }.externalId".formatted(first), notNullValue())
                .body("assignments.find { it.transcriptId == '%s' }.done".formatted(second), equalTo(List.of()));
        given().auth().oauth2(ANALYST_B).delete("/api/rounds/{r}/transcripts/{t}/completion", round, first).then().statusCode(200)
                .body("doneAt", nullValue());
        given().auth().oauth2(ANALYST_B).get("/api/rounds/mine").then().body(mine + ".doneAt", nullValue());

        given().auth().oauth2(ANALYST_C).get("/api/rounds?size=200").then().statusCode(200).body("items.id", hasItem(round));
        given().auth().oauth2(LEAD_BU).get("/api/rounds?size=200").then().statusCode(200).body("items.id", not(hasItem(round)));
        given().auth().oauth2(ANALYST_A).get("/api/rounds?size=0").then().statusCode(422);

        String tag = etag(given().auth().oauth2(ANALYST_A).get("/api/rounds/{r}", round));
        given().auth().oauth2(ANALYST_A).header("If-Match", tag).post("/api/rounds/{r}/closure", round).then().statusCode(200);
        given().auth().oauth2(ANALYST_B).put("/api/rounds/{r}/transcripts/{t}/completion", round, first).then().statusCode(409);

        // A and B share the first transcript: units 1 and 3, agreeing on 1 only. A and C share the second: units 1 and 2, each coded by one of them.
        given().auth().oauth2(ANALYST_A).get("/api/rounds/{r}/agreement", round).then().statusCode(200)
                .body("pairs.size()", equalTo(3))
                .body("pairs[0].first", equalTo("analyst-a")).body("pairs[0].second", equalTo("analyst-b"))
                .body("pairs[0].transcripts", equalTo(1)).body("pairs[0].pooledPresence.units", equalTo(2))
                .body("pairs[0].pooledPresence.percentAgreement", closeTo(0.5, 1e-9))
                .body("pairs[1].second", equalTo("analyst-c")).body("pairs[1].transcripts", equalTo(1))
                .body("pairs[1].pooledPresence.percentAgreement", closeTo(0.0, 1e-9))
                .body("pairs[2].first", equalTo("analyst-b")).body("pairs[2].transcripts", equalTo(0))
                .body("pairs[2].pooledPresence", nullValue());
    }

    @Test
    void siteStaffInARoundWithAnotherSitesTranscriptSeeNotItsName() {
        Response codebook = importTemplate("implementation-influences");
        String ours = fixtures.release("BU", "one");
        String theirs = fixtures.release("ULM", "eins");
        fixtures.announce("lead-bu", List.of(), Map.of("BU", List.of("site-lead")));
        fixtures.announce("analyst-a", List.of("analyst"), Map.of());
        String round = given().auth().oauth2(ANALYST_A).contentType(ContentType.JSON).body("""
                {"name":"Two sites","codebookId":"%s","assignments":[{"transcriptId":"%s","coders":["analyst-a","lead-bu"]},
                 {"transcriptId":"%s","coders":["analyst-a"]}]}""".formatted(codebook.path("id"), ours, theirs))
                .post("/api/rounds").then().statusCode(201).extract().path("id");
        given().auth().oauth2(LEAD_BU).get("/api/rounds/{r}", round).then().statusCode(200)
                .body("assignments.find { it.transcriptId == '%s' }.externalId".formatted(ours), notNullValue())
                .body("assignments.find { it.transcriptId == '%s' }.externalId".formatted(theirs), nullValue());
        given().auth().oauth2(ANALYST_A).get("/api/rounds/{r}", round).then()
                .body("assignments.find { it.transcriptId == '%s' }.externalId".formatted(theirs), notNullValue());
    }

    private static void inRound(String token, String transcript, String round, String code, int paragraph) {
        code(token, transcript, """
                {"codeId":"%s","firstParagraph":%d,"lastParagraph":%d,"roundId":"%s"}""".formatted(code, paragraph, paragraph, round))
                .then().statusCode(201);
    }
}
