package io.chorus.coding.round;

import io.chorus.coding.CodingFixtures;

import static io.chorus.coding.CodingFixtures.ANALYST_A;
import static io.chorus.coding.CodingFixtures.ANALYST_B;
import static io.chorus.coding.CodingFixtures.LEAD_BU;
import static io.chorus.coding.CodingFixtures.LEAD_ULM;
import static io.chorus.coding.CodingFixtures.code;
import static io.chorus.coding.CodingFixtures.etag;
import static io.chorus.coding.CodingFixtures.importTemplate;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.chorus.common.testing.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two analysts code one transcript blind, then see where they agree, with coefficients computed by
 * hand in the test's comments, decide the consensus, and a site lead validates it.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
class DoubleCodingTest {

    @Inject
    CodingFixtures fixtures;

    @BeforeAll
    static void readDecimalsAsDoubles() {
        CodingFixtures.readDecimalsAsDoubles();
    }

    @Test
    void blindDoubleCodingAgreementConsensusAndValidation() {
        Response codebook = importTemplate("implementation-influences");
        String x = codebook.path("codes[0].children[0].id");
        String y = codebook.path("codes[0].children[1].id");
        String ten = "abcdefghij";
        String transcript = fixtures.release("BU", ten, ten, ten, ten, ten, ten);
        fixtures.announce("analyst-a", List.of("analyst"), Map.of());
        fixtures.announce("analyst-b", List.of("analyst"), Map.of());
        Response created = given().auth().oauth2(ANALYST_A).contentType(ContentType.JSON).body("""
                {"name":"First transcripts","codebookId":"%s",
                 "assignments":[{"transcriptId":"%s","coders":["analyst-a","analyst-b"]}]}""".formatted(codebook.path("id"), transcript))
                .post("/api/rounds");
        created.then().statusCode(201).body("independent", equalTo(true)).body("status", equalTo("open"));
        String round = created.path("id");
        given().auth().oauth2(ANALYST_B).get("/api/rounds/mine").then()
                .body("findAll { it.roundId == '%s' }.transcriptId".formatted(round), equalTo(List.of(transcript)));

        // A: X on 1-2, X on 4, Y on 5.  B: X on 1-2, Y on 4, Y on 5.  Paragraphs 3 and 6 stay uncoded.
        String a12 = inRound(ANALYST_A, transcript, round, x, 1, 2);
        String a4 = inRound(ANALYST_A, transcript, round, x, 4, 4);
        inRound(ANALYST_A, transcript, round, y, 5, 5);
        String b12 = inRound(ANALYST_B, transcript, round, x, 1, 2);
        String b4 = inRound(ANALYST_B, transcript, round, y, 4, 4);
        inRound(ANALYST_B, transcript, round, y, 5, 5);
        code(LEAD_BU, transcript, "{\"codeId\":\"%s\",\"firstParagraph\":1,\"lastParagraph\":1,\"roundId\":\"%s\"}".formatted(x, round))
                .then().statusCode(403);

        // blind while open: B sees only B's work, and nobody can compare yet
        given().auth().oauth2(ANALYST_B).get("/api/codings?round={r}&total=true", round).then().body("total", equalTo(3))
                .body("items.coder", equalTo(List.of("analyst-b", "analyst-b", "analyst-b")));
        given().auth().oauth2(ANALYST_B).get("/api/codings/{id}", a12).then().statusCode(404);
        given().auth().oauth2(LEAD_BU).get("/api/transcripts/{t}/codings", transcript).then().body("total", equalTo(0));
        given().auth().oauth2(ANALYST_A).get("/api/rounds/{r}/agreement", round).then().statusCode(409);

        given().auth().oauth2(ANALYST_A).post("/api/rounds/{r}/closure", round).then().statusCode(428);
        String roundTag = etag(given().auth().oauth2(ANALYST_A).get("/api/rounds/{r}", round));
        given().auth().oauth2(ANALYST_A).header("If-Match", roundTag).post("/api/rounds/{r}/closure", round)
                .then().statusCode(200).body("status", equalTo("closed"));
        code(ANALYST_A, transcript, "{\"codeId\":\"%s\",\"firstParagraph\":6,\"lastParagraph\":6,\"roundId\":\"%s\"}".formatted(x, round))
                .then().statusCode(409);
        List<String> measured = fixtures.published("io.chorus.coding.agreement-measured.v1").stream()
                .filter(p -> p.contains(transcript)).toList();
        assertEquals(1, measured.size());
        assertEquals(0.5, io.restassured.path.json.JsonPath.from(measured.get(0)).getDouble("cohenKappa"), 1e-9);
        given().auth().oauth2(ANALYST_B).get("/api/codings/{id}", a12).then().statusCode(200);

        given().auth().oauth2(ANALYST_A).get("/api/rounds/{r}/comparison?transcript={t}", round, transcript).then()
                .statusCode(200).body("agreed", equalTo(2)).body("disagreed", equalTo(2)).body("items", hasSize(4))
                .body("items[0].agreed", equalTo(true)).body("items[0].passages.codingId", equalTo(List.of(a12, b12)));

        // Units: paragraphs 1, 2, 4, 5. X: (1,1)(1,1)(1,0)(0,0); Y: (0,0)(0,0)(0,1)(1,1).
        // Per code: Po .75, Pe .5 -> kappa .5. Overall (8 units): Po .75, kappa .5,
        // alpha = 1 - (n-1) o01 / (n0 n1) = 1 - 15 * 2 / (8 * 8) = .53125.
        // Segments at 90%: X 1-2 and Y 5 agree (4 segments), X 4 and Y 4 do not (2): 4/6, BP kappa (4/6 - 1/2) / (1/2) = 1/3.
        // Cohen's SE (Gwet 2014): every unit's chance term is .5, so a unit's term is 2 agree - 1: six 1s and two -1s around
        // kappa .5 give var = (6 * .25 + 2 * 2.25) / (8 * 7).
        given().auth().oauth2(ANALYST_A).get("/api/rounds/{r}/agreement", round).then().statusCode(200)
                .body("coders", equalTo(List.of("analyst-a", "analyst-b")))
                .body("pooledPresence.units", equalTo(8))
                .body("pooledPresence.percentAgreement", closeTo(0.75, 1e-9))
                .body("pooledPresence.cohenKappa", closeTo(0.5, 1e-9))
                .body("pooledPresence.fleissKappa", nullValue())
                .body("pooledPresence.krippendorffAlpha", closeTo(0.53125, 1e-9))
                .body("pooledPresence.unitizingAlpha", notNullValue())
                .body("pooledPresence.segments.agreements", equalTo(4))
                .body("pooledPresence.segments.disagreements", equalTo(2))
                .body("pooledPresence.segments.percent", closeTo(2.0 / 3, 1e-9))
                .body("pooledPresence.segments.brennanPredigerKappa", closeTo(1.0 / 3, 1e-9))
                .body("pooledPresence.completeUnits.units", equalTo(8))
                .body("pooledPresence.completeUnits.percentAgreement", closeTo(0.75, 1e-9))
                .body("pooledPresence.intervals.cohenKappa.standardError", closeTo(Math.sqrt(6.0 / 56), 1e-9))
                .body("pooledPresence.intervals.cohenKappa.method", equalTo("gwet-2014"))
                .body("pooledPresence.intervals.krippendorffAlpha.method", equalTo("delta-method"))
                .body("pooledPresence.intervals.keySet()", hasItems("percentAgreement", "cohenKappa", "krippendorffAlpha"))
                .body("codes", hasSize(2))
                .body("codes[0].coefficients.cohenKappa", closeTo(0.5, 1e-9))
                .body("transcripts[0].pooledPresence.percentAgreement", closeTo(0.75, 1e-9));

        // consensus: X on 1-2 (both agreed), Y on 4-5 (discussed)
        String decision = """
                {"codings":[{"codeId":"%s","firstParagraph":1,"lastParagraph":2,"basedOn":["%s","%s"]},
                            {"codeId":"%s","firstParagraph":4,"lastParagraph":5,"valence":"barrier","basedOn":["%s"],
                             "note":"Paragraph 4 is about PSW policy, not MH policy"}]}""";
        given().auth().oauth2(ANALYST_A).contentType(ContentType.JSON)
                .body(decision.formatted(x, a12, "00000000-0000-0000-0000-000000000000", y, b4))
                .put("/api/rounds/{r}/transcripts/{t}/consensus", round, transcript)
                .then().statusCode(422).body("errors[0].pointer", equalTo("/codings/0/basedOn/1"));
        Response consensus = given().auth().oauth2(ANALYST_A).contentType(ContentType.JSON)
                .body(decision.formatted(x, a12, b12, y, b4)).put("/api/rounds/{r}/transcripts/{t}/consensus", round, transcript);
        consensus.then().statusCode(200).body("decidedBy", equalTo("analyst-a")).body("codings", hasSize(2))
                .body("codings[1].note", equalTo("Paragraph 4 is about PSW policy, not MH policy"));
        given().auth().oauth2(ANALYST_A).contentType(ContentType.JSON).body(decision.formatted(x, a12, b12, y, a4))
                .put("/api/rounds/{r}/transcripts/{t}/consensus", round, transcript).then().statusCode(428);
        List<String> reached = fixtures.published("io.chorus.coding.consensus-reached.v1").stream()
                .filter(p -> p.contains(transcript)).toList();
        assertEquals(1, reached.size());

        // the site lead checks the consensus with their site; analysts see the answer
        String agreedCoding = consensus.path("codings[1].id");
        given().auth().oauth2(LEAD_ULM).contentType(ContentType.JSON).body("{\"status\":\"confirmed\"}")
                .put("/api/codings/{id}/site-validation", agreedCoding).then().statusCode(404);
        given().auth().oauth2(ANALYST_A).contentType(ContentType.JSON).body("{\"status\":\"confirmed\"}")
                .put("/api/codings/{id}/site-validation", agreedCoding).then().statusCode(403);
        given().auth().oauth2(LEAD_BU).contentType(ContentType.JSON)
                .body("{\"status\":\"contested\",\"comment\":\"In Kampala this is about hospital policy\"}")
                .put("/api/codings/{id}/site-validation", agreedCoding).then().statusCode(201);
        given().auth().oauth2(LEAD_BU).contentType(ContentType.JSON).body("{\"status\":\"confirmed\"}")
                .put("/api/codings/{id}/site-validation", agreedCoding).then().statusCode(428);
        given().auth().oauth2(ANALYST_B).get("/api/codings/{id}", agreedCoding).then()
                .body("siteValidation.status", equalTo("contested")).body("siteValidation.validatedBy", equalTo("lead-bu"));
        given().auth().oauth2(LEAD_BU).contentType(ContentType.JSON).body("{\"status\":\"confirmed\"}")
                .put("/api/codes/{id}/site-validations/BU", y).then().statusCode(201);
        given().auth().oauth2(ANALYST_A).get("/api/codes/{id}/site-validations", y).then().body("site", equalTo(List.of("BU")));

        // a participant withdraws: every coding touching paragraph 5 goes, and consumers are told
        fixtures.send("io.chorus.transcript.paragraphs-withdrawn.v1", transcript, """
                {"transcriptId":"%s","site":"BU","participant":"P3","paragraphs":[5],"mode":"redacted","version":2,
                 "at":"2022-01-01T00:00:00Z"}""".formatted(transcript));
        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                given().auth().oauth2(ANALYST_A).get("/api/transcripts/{t}/codings", transcript).then().body("total", equalTo(5)));
        List<String> removed = fixtures.published("io.chorus.coding.coding-removed.v1").stream()
                .filter(p -> p.contains(transcript)).toList();
        assertEquals(3, removed.size(), "A's and B's Y on 5 and the consensus Y on 4-5: " + removed);
    }

    private static String inRound(String token, String transcript, String round, String code, int first, int last) {
        Response response = code(token, transcript, """
                {"codeId":"%s","firstParagraph":%d,"lastParagraph":%d,"roundId":"%s"}""".formatted(code, first, last, round));
        response.then().statusCode(201);
        return response.path("id");
    }
}
