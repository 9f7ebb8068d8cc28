package io.chorus.coding.assistant;

import static io.chorus.coding.CodingFixtures.ANALYST_A;
import static io.chorus.coding.CodingFixtures.ANALYST_B;
import static io.chorus.coding.CodingFixtures.LEAD_ULM;
import static io.chorus.coding.CodingFixtures.code;
import static io.chorus.coding.CodingFixtures.importTemplate;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chorus.coding.CodingFixtures;
import io.chorus.coding.assistant.service.AssistantTrainer;
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
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The assistant learns from the team's codings: its evaluation, retraining, calibrated suggestions and active learning. */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
class AssistantLearningTest {

    private static final String[][] THEMES = {
        {"There is no money to pay the peer workers' salaries this year.", "The budget for peer support ran out and the funding was cut.",
            "We could not afford to pay the peer support workers properly.", "Salaries for the peers come from a grant that ends soon."},
        {"The nurses refused to work with the peer workers on the ward.", "Some psychiatrists do not accept peer workers as colleagues.",
            "Staff were suspicious of the peer workers and ignored them.", "The doctors think peers are not real professionals."},
        {"The peer workers learned the role in a five-day training course.", "The training taught the peers how to share their recovery story.",
            "After the training module the peers felt ready to start.", "The course covered boundaries and self-care for peer workers."}};
    private static final String[] CODES = {"Financial resources", "Staff attitudes", "PSW initial training"};

    @Inject
    CodingFixtures fixtures;

    @Inject
    EmbeddingIndex index;

    @Inject
    AssistantTrainer trainer;

    private static String codeNamed(Response codebook, String name) {
        return codebook.path("codes.children.flatten().find { it.name == '" + name + "' }.id");
    }

    private static Response model(String token, String codebook) {
        return given().auth().oauth2(token).get("/api/codebooks/{c}/assistant", codebook);
    }

    /** Four transcripts, each with four paragraphs of each theme, coded by analyst A with the theme's code. */
    private String[] codedStudy(Response codebook) {
        String[] transcripts = new String[4];
        for (int t = 0; t < 4; t++) {
            String[] paragraphs = new String[12];
            for (int p = 0; p < 12; p++) {
                paragraphs[p] = THEMES[p % 3][(t + p / 3) % 4];
            }
            transcripts[t] = fixtures.release("BU", paragraphs);
            for (int p = 0; p < 12; p++) {
                code(ANALYST_A, transcripts[t], "{\"codeId\":\"%s\",\"firstParagraph\":%d,\"lastParagraph\":%d}"
                        .formatted(codeNamed(codebook, CODES[p % 3]), p + 1, p + 1)).then().statusCode(201);
            }
        }
        index.indexPending();
        return transcripts;
    }

    @Test
    void theAssistantLearnsTheTeamsCodesReportsItsCrossValidationAndRetrainsWhenCodingsChange() {
        Response codebook = importTemplate("implementation-influences");
        String codebookId = codebook.path("id");
        model(ANALYST_A, codebookId).then().statusCode(200).body("state", equalTo("untrained")).body("evaluation", nullValue())
                .body("stale", equalTo(false));
        String[] transcripts = codedStudy(codebook);
        model(ANALYST_A, codebookId).then().body("state", equalTo("untrained")).body("stale", equalTo(true));

        UUID id = UUID.fromString(codebookId);
        assertTrue(trainer.train(id));
        assertFalse(trainer.train(id), "a current model is not trained again");
        Response trained = model(ANALYST_A, codebookId);
        trained.then().statusCode(200).body("state", equalTo("trained")).body("stale", equalTo(false))
                .body("trainingMillis", notNullValue()).body("embeddingModel", equalTo("all-minilm-l6-v2-q@1.19.0-beta29"))
                .body("evaluation.folds", equalTo(4)).body("evaluation.transcripts", equalTo(4)).body("evaluation.paragraphs", equalTo(48))
                .body("evaluation.codings", equalTo(48)).body("evaluation.calibrated", equalTo(true))
                .body("evaluation.learned.top3", greaterThan(0.5f)).body("evaluation.baseline.top1", notNullValue())
                .body("evaluation.codes.find { it.code == 'Financial resources' }.codings", equalTo(16))
                .body("evaluation.codes.find { it.code == 'Financial resources' }.source", equalTo("model"))
                .body("evaluation.codes.find { it.code == 'Financial resources' }.f1", greaterThan(0f))
                .body("evaluation.codes.find { it.code == 'Role definition' }.codings", equalTo(0))
                .body("evaluation.codes.find { it.code == 'Role definition' }.source", equalTo("similarity"));

        // a paragraph about pay in a new transcript: the learned code first, with a probability, its threshold and evidence
        String fresh = fixtures.release("BU", "Nobody has funds left for the peer workers' wages.", "The ward sisters would not talk to the peers.",
                "A two-week course prepared the peer workers.", "The weather was fine.", "We met in the old library.");
        index.indexPending();
        given().auth().oauth2(ANALYST_A).queryParam("codebook", codebookId).queryParam("k", 3)
                .get("/api/transcripts/{t}/paragraphs/1/suggestions", fresh).then().statusCode(200)
                .body("calibrated", equalTo(true)).body("trainedAt", notNullValue())
                .body("suggestions[0].code", equalTo("Financial resources")).body("suggestions[0].source", equalTo("model"))
                .body("suggestions[0].score", lessThanOrEqualTo(1f)).body("suggestions[0].score", greaterThan(0.5f))
                .body("suggestions[0].evidence.kind", hasItem("coded-passage"))
                .body("suggestions[0].evidence.find { it.kind == 'coded-passage' }.similarity", greaterThan(0f));

        // active learning: the paragraphs analyst A has not coded, least certain first
        code(ANALYST_A, fresh, "{\"codeId\":\"%s\",\"firstParagraph\":1,\"lastParagraph\":1}".formatted(codeNamed(codebook, CODES[0])))
                .then().statusCode(201);
        Response uncertain = given().auth().oauth2(ANALYST_A).queryParam("codebook", codebookId).queryParam("size", 3)
                .get("/api/transcripts/{t}/paragraphs/uncertain", fresh);
        uncertain.then().statusCode(200).body("total", equalTo(4)).body("items.size()", equalTo(3))
                .body("items.paragraph", not(hasItem(1))).body("items.code", everyItem(notNullValue()));
        List<Float> margins = uncertain.path("items.margin");
        assertTrue(margins.get(0) <= margins.get(1) && margins.get(1) <= margins.get(2), margins::toString);
        given().auth().oauth2(ANALYST_A).queryParam("codebook", codebookId).queryParam("page", 1).queryParam("size", 3)
                .get("/api/transcripts/{t}/paragraphs/uncertain", fresh).then().body("items.size()", equalTo(1));

        // the new coding makes the model stale; asking for a retraining trains it at the trainer's next look
        model(ANALYST_A, codebookId).then().body("stale", equalTo(true));
        given().auth().oauth2(ANALYST_A).post("/api/codebooks/{c}/assistant/training", codebookId).then().statusCode(202);
        assertEquals(List.of(id), trainer.trainDue());
        Response retrained = model(ANALYST_A, codebookId);
        retrained.then().body("stale", equalTo(false)).body("evaluation.codings", equalTo(49)).body("evaluation.transcripts", equalTo(5));
        assertNotEquals(trained.<String>path("trainedAt"), retrained.<String>path("trainedAt"));
        assertEquals(4, transcripts.length);
    }

    @Test
    void codingsInAnOpenBlindRoundAndTheAssistantsOwnNeverTeachTheModel() {
        Response codebook = importTemplate("implementation-influences");
        String codebookId = codebook.path("id");
        String[] transcripts = codedStudy(codebook);
        assertTrue(trainer.train(UUID.fromString(codebookId)));
        fixtures.announce("analyst-b", List.of("analyst"), Map.of());
        String round = given().auth().oauth2(ANALYST_A).contentType(ContentType.JSON).body("""
                {"name":"Blind %s","codebookId":"%s","assignments":[{"transcriptId":"%s","coders":["analyst-b"]}]}"""
                .formatted(UUID.randomUUID(), codebookId, transcripts[0])).post("/api/rounds").then().statusCode(201).extract().path("id");
        code(ANALYST_B, transcripts[0], "{\"codeId\":\"%s\",\"firstParagraph\":2,\"lastParagraph\":2,\"roundId\":\"%s\"}"
                .formatted(codeNamed(codebook, "Role definition"), round)).then().statusCode(201);
        given().auth().oauth2(ANALYST_A).contentType(ContentType.JSON).body("{\"threshold\":0}").post("/api/rounds/{r}/assistant-pass", round)
                .then().statusCode(200).body("codings", greaterThan(0));

        model(ANALYST_A, codebookId).then().body("stale", equalTo(false)).body("evaluation.codings", equalTo(48));
        assertFalse(trainer.train(UUID.fromString(codebookId)));
    }

    @Test
    void aWithdrawalDeletesEveryModelThatLearnedFromTheTranscriptAndTheNextLearnsWithoutIt() {
        Response codebook = importTemplate("implementation-influences");
        String codebookId = codebook.path("id");
        String[] transcripts = codedStudy(codebook);
        assertTrue(trainer.train(UUID.fromString(codebookId)));
        fixtures.send("io.chorus.transcript.paragraphs-withdrawn.v1", transcripts[1], "{\"transcriptId\":\"" + transcripts[1]
                + "\",\"site\":\"BU\",\"participant\":\"P2\",\"paragraphs\":[1,2,3,4,5,6,7,8,9,10,11,12],\"mode\":\"redacted\",\"version\":2,"
                + "\"at\":\"2026-01-01T00:00:00Z\"}");

        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).untilAsserted(() -> model(ANALYST_A, codebookId).then()
                .body("state", equalTo("untrained")).body("stale", equalTo(true)));
        given().auth().oauth2(ANALYST_A).queryParam("codebook", codebookId).get("/api/transcripts/{t}/paragraphs/1/suggestions", transcripts[0])
                .then().statusCode(200).body("calibrated", equalTo(false)).body("trainedAt", nullValue());
        assertTrue(trainer.train(UUID.fromString(codebookId)));
        model(ANALYST_A, codebookId).then().body("state", equalTo("trained")).body("evaluation.transcripts", equalTo(3))
                .body("evaluation.codings", equalTo(36));
    }

    @Test
    void whenACodebooksLastCodingIsRemovedItsModelGoesToo() {
        Response codebook = importTemplate("implementation-influences");
        String codebookId = codebook.path("id");
        String transcript = fixtures.release("BU", THEMES[0][0]);
        Response coding = code(ANALYST_A, transcript, "{\"codeId\":\"%s\",\"firstParagraph\":1,\"lastParagraph\":1}"
                .formatted(codeNamed(codebook, CODES[0])));
        index.indexPending();
        assertTrue(trainer.train(UUID.fromString(codebookId)));
        model(ANALYST_A, codebookId).then().body("state", equalTo("trained")).body("evaluation.calibrated", equalTo(false))
                .body("evaluation.folds", equalTo(0));

        given().auth().oauth2(ANALYST_A).header("If-Match", CodingFixtures.etag(coding)).delete("/api/codings/{id}", coding.<String>path("id"))
                .then().statusCode(204);
        model(ANALYST_A, codebookId).then().body("stale", equalTo(true));
        trainer.trainDue();
        model(ANALYST_A, codebookId).then().body("state", equalTo("untrained")).body("stale", equalTo(false));
    }

    @Test
    void onlyAnalystsSeeTheEvaluationAndSiteStaffOnlyTheirSitesParagraphs() {
        Response codebook = importTemplate("implementation-influences");
        String codebookId = codebook.path("id");
        String transcript = fixtures.release("BU", "The budget ran out.");
        index.indexPending();
        model(LEAD_ULM, codebookId).then().statusCode(403);
        given().auth().oauth2(LEAD_ULM).post("/api/codebooks/{c}/assistant/training", codebookId).then().statusCode(403);
        model(ANALYST_A, UUID.randomUUID().toString()).then().statusCode(404);
        given().auth().oauth2(ANALYST_A).post("/api/codebooks/{c}/assistant/training", UUID.randomUUID()).then().statusCode(404);
        given().auth().oauth2(LEAD_ULM).queryParam("codebook", codebookId).get("/api/transcripts/{t}/paragraphs/uncertain", transcript)
                .then().statusCode(404);
        given().auth().oauth2(ANALYST_A).queryParam("codebook", codebookId).queryParam("size", 0)
                .get("/api/transcripts/{t}/paragraphs/uncertain", transcript).then().statusCode(422)
                .body("errors[0].pointer", equalTo("/size"));
        given().auth().oauth2(ANALYST_A).get("/api/rounds/{r}/paragraphs/uncertain", UUID.randomUUID()).then().statusCode(404);
    }
}
