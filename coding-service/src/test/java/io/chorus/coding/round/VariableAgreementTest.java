package io.chorus.coding.round;

import io.chorus.coding.CodingFixtures;

import static io.chorus.coding.round.agreement.VariableAgreementExamplesTest.COHEN_1960;
import static io.chorus.coding.round.agreement.VariableAgreementExamplesTest.FLEISS_FOURTEEN_RATERS;
import static io.chorus.coding.round.agreement.VariableAgreementExamplesTest.GWET_ABSTRACTORS;
import static io.chorus.coding.round.agreement.VariableAgreementExamplesTest.KRIPPENDORFF_2011;
import static io.chorus.coding.CodingFixtures.ANALYST_A;
import static io.chorus.coding.CodingFixtures.etag;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.chorus.common.testing.PostgresTestResource;
import io.chorus.common.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The published worked examples of categorical agreement, entered as users would: a variable declared in a codebook,
 * transcripts coded paragraph by paragraph by every coder of a blind round through the API, the round closed, and
 * the agreement read from GET /api/rounds/{id}/agreement/variables/{codeId}.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
class VariableAgreementTest {

    @Inject
    CodingFixtures fixtures;

    @BeforeAll
    static void readDecimalsAsDoubles() {
        CodingFixtures.readDecimalsAsDoubles();
    }

    /** A codebook with one variable of {@code k} categories "1".."k" (values 1..k); the category ids in order. */
    private static Variable variable(String level, int k) {
        String categories = IntStream.rangeClosed(1, k).mapToObj(i -> "{\"name\":\"" + i + "\",\"codable\":true}").collect(Collectors.joining(","));
        Response codebook = given().auth().oauth2(ANALYST_A).contentType(ContentType.JSON).body("""
                {"name":"Variable %s %d","codes":[{"name":"Rating","codable":false,"children":[%s]}]}""".formatted(level, System.nanoTime(),
                categories)).post("/api/codebooks/imports");
        codebook.then().statusCode(201);
        String id = codebook.path("id");
        String group = codebook.path("codes[0].id");
        List<String> ids = codebook.path("codes[0].children.id");
        Map<String, Double> values = new HashMap<>();
        for (int i = 0; i < k; i++) {
            values.put(ids.get(i), i + 1.0);
        }
        String tag = etag(given().auth().oauth2(ANALYST_A).get("/api/codebooks/{id}", id));
        given().auth().oauth2(ANALYST_A).contentType(ContentType.JSON).header("If-Match", tag)
                .body(Map.of("level", level, "values", values)).put("/api/codes/{id}/variable", group).then().statusCode(200)
                .body("variableLevel", equalTo(level));
        return new Variable(id, group, ids);
    }

    record Variable(String codebook, String group, List<String> categories) {
    }

    /**
     * A closed blind round in which coder c gave paragraph p the category ratings[c][p] (1-based; null: nothing); with
     * {@code runs}, a run of paragraphs with the same category is one passage, as a coder would select it.
     */
    private String codedRound(Variable variable, List<String> coders, Integer[][] ratings, boolean runs) {
        int paragraphs = ratings[0].length;
        String transcript = fixtures.release("BU", IntStream.range(0, paragraphs).mapToObj(i -> "unit " + i).toArray(String[]::new));
        coders.forEach(c -> fixtures.announce(c, List.of("analyst"), Map.of()));
        String round = given().auth().oauth2(ANALYST_A).contentType(ContentType.JSON).body(Map.of("name", "Variable round " + transcript,
                "codebookId", variable.codebook(), "assignments", List.of(Map.of("transcriptId", transcript, "coders", coders))))
                .post("/api/rounds").then().statusCode(201).extract().path("id");
        for (int c = 0; c < coders.size(); c++) {
            String token = TestTokens.token(coders.get(c), List.of("analyst"), List.of());
            for (int p = 0; p < paragraphs; p++) {
                int last = p;
                while (runs && ratings[c][p] != null && last + 1 < paragraphs && ratings[c][p].equals(ratings[c][last + 1])) {
                    last++;
                }
                if (ratings[c][p] != null) {
                    CodingFixtures.code(token, transcript, """
                            {"codeId":"%s","firstParagraph":%d,"lastParagraph":%d,"roundId":"%s"}""".formatted(
                            variable.categories().get(ratings[c][p] - 1), p + 1, last + 1, round)).then().statusCode(201);
                }
                p = last;
            }
        }
        String tag = etag(given().auth().oauth2(ANALYST_A).get("/api/rounds/{r}", round));
        given().auth().oauth2(ANALYST_A).header("If-Match", tag).post("/api/rounds/{r}/closure", round).then().statusCode(200);
        return round;
    }

    private static Integer[][] fromTable(int[][] table) {
        List<Integer> first = new ArrayList<>();
        List<Integer> second = new ArrayList<>();
        for (int i = 0; i < table.length; i++) {
            for (int j = 0; j < table[i].length; j++) {
                for (int n = 0; n < table[i][j]; n++) {
                    first.add(i + 1);
                    second.add(j + 1);
                }
            }
        }
        return new Integer[][] {first.toArray(Integer[]::new), second.toArray(Integer[]::new)};
    }

    @Test
    void cohen1960AndTheRefusals() {
        Variable variable = variable("nominal", 3);
        String round = codedRound(variable, List.of("analyst-a", "analyst-b"), fromTable(COHEN_1960), true);
        given().auth().oauth2(ANALYST_A).get("/api/rounds/{r}/agreement/variables/{v}", round, variable.group()).then().statusCode(200)
                .body("level", equalTo("nominal")).body("units.unit", equalTo("paragraph")).body("units.total", equalTo(200))
                .body("units.ratedByEveryCoder", equalTo(200))
                .body("coefficients.percentAgreement", closeTo(0.70, 1e-9))
                .body("coefficients.cohenKappa", closeTo(0.492, 0.0005))
                .body("coefficients.weightedKappaLinear", nullValue());
        given().auth().oauth2(ANALYST_A).get("/api/rounds/{r}/agreement/variables/{v}", round, variable.categories().get(0)).then()
                .statusCode(422).contentType("application/problem+json").body("errors[0].pointer", equalTo("/codeId"));
        given().auth().oauth2(ANALYST_A).get("/api/rounds/{r}/agreement/variables/{v}?unit=word", round, variable.group()).then()
                .statusCode(422).body("errors[0].pointer", equalTo("/unit"));
    }

    @Test
    void gwetsAbstractorsWithWeightedKappaOnAnOrdinalVariable() {
        Variable variable = variable("ordinal", 3);
        String round = codedRound(variable, List.of("analyst-a", "analyst-b"), fromTable(GWET_ABSTRACTORS), true);
        given().auth().oauth2(ANALYST_A).get("/api/rounds/{r}/agreement/variables/{v}", round, variable.group()).then().statusCode(200)
                .body("coefficients.percentAgreement", closeTo(0.89, 1e-9))
                .body("coefficients.cohenKappa", closeTo(0.7964, 0.00005))
                .body("coefficients.scottPi", closeTo(0.7962, 0.00005))
                .body("coefficients.gwetAc1", closeTo(0.8493, 0.00005))
                .body("coefficients.brennanPrediger", closeTo(0.835, 1e-9))
                .body("coefficients.weightedKappaLinear", closeTo(0.843, 0.0005))
                .body("coefficients.weightedKappaQuadratic", closeTo(0.892, 0.0005));
    }

    @Test
    void krippendorff2011AtEveryLevelWithMissingValuesByParagraphAndBySegment() {
        Variable variable = variable("ratio", 5);
        List<String> coders = List.of("observer-a", "observer-b", "observer-c", "observer-d");
        String round = codedRound(variable, coders, KRIPPENDORFF_2011, false);
        for (String unit : List.of("paragraph", "segment")) {
            given().auth().oauth2(ANALYST_A).get("/api/rounds/{r}/agreement/variables/{v}?unit={u}", round, variable.group(), unit).then()
                    .statusCode(200).body("coders", equalTo(coders)).body("units.unit", equalTo(unit))
                    .body("units.total", equalTo(12)).body("units.ratedByTwoOrMore", equalTo(11)).body("units.ratedByEveryCoder", equalTo(8))
                    .body("units.leftOut[0].units", equalTo(1)).body("units.leftOut[0].reason", containsString("one coder only"))
                    .body("coefficients.krippendorffAlpha.nominal", closeTo(0.743, 0.0005))
                    .body("coefficients.krippendorffAlpha.ordinal", closeTo(0.815, 0.0005))
                    .body("coefficients.krippendorffAlpha.interval", closeTo(0.849, 0.0005))
                    .body("coefficients.krippendorffAlpha.ratio", closeTo(0.797, 0.0005))
                    .body("coefficients.fleissKappa", closeTo(0.761, 0.0005)).body("coefficients.gwetAc1", closeTo(0.775, 0.0005))
                    .body("coefficients.completeUnits.fleissKappa", closeTo(0.641, 0.0005))
                    .body("coefficients.intervals.fleissKappa.method", equalTo("gwet-2014"))
                    .body("coefficients.intervals.'krippendorffAlpha.nominal'.method", equalTo("unit-bootstrap"));
        }
    }

    @Test
    void fleissWithFourteenCodersAndOneCategoryPerParagraph() {
        Variable variable = variable("nominal", 5);
        List<String> coders = IntStream.rangeClosed(1, 14).mapToObj(i -> "rater-" + (i < 10 ? "0" : "") + i).toList();
        Integer[][] ratings = new Integer[14][FLEISS_FOURTEEN_RATERS.length];
        for (int unit = 0; unit < FLEISS_FOURTEEN_RATERS.length; unit++) {
            int rater = 0;
            for (int category = 0; category < 5; category++) {
                for (int n = 0; n < FLEISS_FOURTEEN_RATERS[unit][category]; n++) {
                    ratings[rater++][unit] = category + 1;
                }
            }
        }
        String round = codedRound(variable, coders, ratings, false);
        given().auth().oauth2(ANALYST_A).get("/api/rounds/{r}/agreement/variables/{v}", round, variable.group()).then().statusCode(200)
                .body("coefficients.fleissKappa", closeTo(0.210, 0.0005)).body("coefficients.cohenKappa", nullValue());

        // each paragraph gets at most one of the variable's codes from each coder
        String transcript = fixtures.release("BU", "one", "two");
        CodingFixtures.code(ANALYST_A, transcript, "{\"codeId\":\"%s\",\"firstParagraph\":1,\"lastParagraph\":2}"
                .formatted(variable.categories().get(0))).then().statusCode(201);
        CodingFixtures.code(ANALYST_A, transcript, "{\"codeId\":\"%s\",\"firstParagraph\":2,\"lastParagraph\":2}"
                .formatted(variable.categories().get(1))).then().statusCode(422).contentType("application/problem+json")
                .body("errors[0].pointer", equalTo("/codeId")).body("detail", containsString("Rating"));
        CodingFixtures.code(ANALYST_A, transcript, "{\"codeId\":\"%s\",\"firstParagraph\":2,\"lastParagraph\":2}"
                .formatted(variable.categories().get(0))).then().statusCode(201);
    }

    @Test
    void valenceAgreementOnThePassagesBothCodedWithTheSameCode() {
        Response codebook = given().auth().oauth2(ANALYST_A).contentType(ContentType.JSON)
                .body("{\"name\":\"Valence " + System.nanoTime() + "\",\"codes\":[{\"name\":\"Peer trust\",\"codable\":true}]}")
                .post("/api/codebooks/imports");
        String code = codebook.path("codes[0].id");
        String transcript = fixtures.release("BU", "one", "two", "three", "four");
        List.of("analyst-a", "analyst-b").forEach(c -> fixtures.announce(c, List.of("analyst"), Map.of()));
        String round = given().auth().oauth2(ANALYST_A).contentType(ContentType.JSON).body(Map.of("name", "Valence round " + transcript,
                "codebookId", codebook.path("id"), "assignments", List.of(Map.of("transcriptId", transcript, "coders",
                        List.of("analyst-a", "analyst-b"))))).post("/api/rounds").then().statusCode(201).extract().path("id");
        // A: facilitator, barrier, facilitator on 1-3; B: facilitator on 1-3 and a barrier on 4 that A did not code
        String[][] valences = {{"facilitator", "barrier", "facilitator", null}, {"facilitator", "facilitator", "facilitator", "barrier"}};
        for (int c = 0; c < 2; c++) {
            String token = TestTokens.token(c == 0 ? "analyst-a" : "analyst-b", List.of("analyst"), List.of());
            for (int p = 0; p < 4; p++) {
                if (valences[c][p] != null) {
                    CodingFixtures.code(token, transcript, """
                            {"codeId":"%s","firstParagraph":%d,"lastParagraph":%d,"valence":"%s","roundId":"%s"}""".formatted(
                            code, p + 1, p + 1, valences[c][p], round)).then().statusCode(201);
                }
            }
        }
        given().auth().oauth2(ANALYST_A).get("/api/rounds/{r}/agreement/valence", round).then().statusCode(409);
        String tag = etag(given().auth().oauth2(ANALYST_A).get("/api/rounds/{r}", round));
        given().auth().oauth2(ANALYST_A).header("If-Match", tag).post("/api/rounds/{r}/closure", round).then().statusCode(200);
        // units: paragraphs 1-3 (both coded them); A F B F, B F F F: 2 of 3 agree; kappa (2/3 - 2/3) / (1 - 2/3) = 0
        given().auth().oauth2(ANALYST_A).get("/api/rounds/{r}/agreement/valence", round).then().statusCode(200)
                .body("units.total", equalTo(3)).body("units.ratedByEveryCoder", equalTo(3))
                .body("coefficients.percentAgreement", closeTo(2 / 3.0, 1e-9)).body("coefficients.cohenKappa", closeTo(0, 1e-9));
    }
}
