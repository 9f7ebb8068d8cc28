package io.chorus.coding.assistant;

import io.chorus.coding.CodingFixtures;

import static io.chorus.coding.CodingFixtures.ANALYST_A;
import static io.chorus.coding.CodingFixtures.ANALYST_B;
import static io.chorus.coding.CodingFixtures.LEAD_BU;
import static io.chorus.coding.CodingFixtures.etag;
import static io.chorus.coding.CodingFixtures.importTemplate;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import io.chorus.coding.assistant.service.EmbeddingIndex;
import io.chorus.common.testing.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The assistant codes a blind round as a coder, is compared with the humans, and its suggestions are accepted or rejected. */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
class AssistantPassTest {

    static final String ASSISTANT = "assistant:all-minilm-l6-v2-q@1.19.0-beta29";

    @Inject
    CodingFixtures fixtures;

    @Inject
    EmbeddingIndex index;

    @Test
    void anAssistantPassLandsInABlindRoundIsComparedWithAHumanAndNeverMakesAConsensusAlone() {
        Response codebook = importTemplate("implementation-influences");
        String staff = codebook.path("codes[1].children.find { it.name == 'Staff attitudes' }.id");
        String transcript = fixtures.release("BU", "The nurses refused to work with the peer workers and did not accept them on the ward.",
                "The psychiatrists were unwilling to accept peer support workers in their teams.");
        fixtures.announce("analyst-a", List.of("analyst"), Map.of());
        index.indexPending();
        String round = given().auth().oauth2(ANALYST_A).contentType(ContentType.JSON).body("""
                {"name":"Assistant round","codebookId":"%s","assignments":[{"transcriptId":"%s","coders":["analyst-a"]}]}"""
                .formatted(codebook.path("id"), transcript)).post("/api/rounds").then().statusCode(201).extract().path("id");

        given().auth().oauth2(LEAD_BU).contentType(ContentType.JSON).body("{}").post("/api/rounds/{r}/assistant-pass", round)
                .then().statusCode(403);
        given().auth().oauth2(ANALYST_A).contentType(ContentType.JSON).body("{\"threshold\":2}").post("/api/rounds/{r}/assistant-pass", round)
                .then().statusCode(422).body("errors[0].pointer", equalTo("/threshold"));
        given().auth().oauth2(ANALYST_A).contentType(ContentType.JSON).body("{\"threshold\":0}")
                .post("/api/rounds/{r}/assistant-pass", round).then().statusCode(200)
                .body("coder", equalTo(ASSISTANT)).body("paragraphs", equalTo(2)).body("codings", equalTo(2));
        // the human codes paragraph 1 with Staff attitudes and paragraph 2 with nothing
        CodingFixtures.code(ANALYST_A, transcript, "{\"codeId\":\"%s\",\"firstParagraph\":1,\"lastParagraph\":1,\"roundId\":\"%s\"}"
                .formatted(staff, round)).then().statusCode(201);

        // blind while open: the analyst sees only their own work
        given().auth().oauth2(ANALYST_A).get("/api/codings?round={r}", round).then().body("items.coder", everyItem(equalTo("analyst-a")));
        given().auth().oauth2(ANALYST_A).get("/api/rounds/{r}", round).then()
                .body("assignments[0].coders", hasItem(ASSISTANT));

        String tag = etag(given().auth().oauth2(ANALYST_A).get("/api/rounds/{r}", round));
        given().auth().oauth2(ANALYST_A).header("If-Match", tag).post("/api/rounds/{r}/closure", round).then().statusCode(200);
        Response assistantCodings = given().auth().oauth2(ANALYST_A).queryParam("round", round).queryParam("coder", ASSISTANT)
                .get("/api/codings");
        assistantCodings.then().body("items.codeId", everyItem(notNullValue())).body("items.score", everyItem(greaterThanOrEqualTo(0f)))
                .body("items.provenance", everyItem(containsString("nearest")))
                .body("items.codeId", hasItem(staff));
        given().auth().oauth2(ANALYST_A).get("/api/rounds/{r}/agreement", round).then().statusCode(200)
                .body("coders", equalTo(List.of("analyst-a", ASSISTANT))).body("pooledPresence.units", greaterThan(0));

        // a consensus resting on the assistant's coding alone is refused; with the human's it stands
        String assistantOnP1 = given().auth().oauth2(ANALYST_A).queryParam("round", round).queryParam("coder", ASSISTANT)
                .get("/api/codings").path("items.find { it.firstParagraph == 1 }.id");
        String humanOnP1 = given().auth().oauth2(ANALYST_A).queryParam("round", round).queryParam("coder", "analyst-a")
                .get("/api/codings").path("items[0].id");
        String decision = "{\"codings\":[{\"codeId\":\"%s\",\"firstParagraph\":1,\"lastParagraph\":1,\"basedOn\":[%s]}]}";
        given().auth().oauth2(ANALYST_A).contentType(ContentType.JSON).body(decision.formatted(staff, "\"" + assistantOnP1 + "\""))
                .put("/api/rounds/{r}/transcripts/{t}/consensus", round, transcript).then().statusCode(422)
                .body("errors[0].pointer", equalTo("/codings/0/basedOn"));
        given().auth().oauth2(ANALYST_A).contentType(ContentType.JSON)
                .body(decision.formatted(staff, "\"" + assistantOnP1 + "\",\"" + humanOnP1 + "\""))
                .put("/api/rounds/{r}/transcripts/{t}/consensus", round, transcript).then().statusCode(200);

        // accepting a suggestion makes it the human's own coding, naming the suggestion; a second decision is refused
        Response accepted = given().auth().oauth2(ANALYST_B).post("/api/codings/{id}/suggestion/accept", assistantOnP1);
        accepted.then().statusCode(201).body("coder", equalTo("analyst-b")).body("suggestedBy", equalTo(assistantOnP1))
                .body("roundId", equalTo(null)).body("provenance", containsString(ASSISTANT));
        given().auth().oauth2(ANALYST_A).post("/api/codings/{id}/suggestion/reject", assistantOnP1).then().statusCode(409);
        given().auth().oauth2(ANALYST_A).get("/api/codings/{id}", assistantOnP1).then().body("suggestionStatus", equalTo("accepted"));
        given().auth().oauth2(ANALYST_A).post("/api/codings/{id}/suggestion/accept", humanOnP1).then().statusCode(409);
    }
}
