package io.chorus.coding.assistant;

import io.chorus.coding.CodingFixtures;

import static io.chorus.coding.CodingFixtures.ANALYST_A;
import static io.chorus.coding.CodingFixtures.LEAD_ULM;
import static io.chorus.coding.CodingFixtures.code;
import static io.chorus.coding.CodingFixtures.importTemplate;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import io.chorus.coding.assistant.service.EmbeddingIndex;
import io.chorus.common.testing.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Code suggestions and similar passages from the in-process embedding model, within the caller's sites. */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
class AssistantTest {

    @Inject
    CodingFixtures fixtures;

    @Inject
    EmbeddingIndex index;

    private static Response suggestions(String token, String transcript, int paragraph, String codebook) {
        return given().auth().oauth2(token).queryParam("codebook", codebook).queryParam("k", 3)
                .get("/api/transcripts/{t}/paragraphs/{n}/suggestions", transcript, paragraph);
    }

    private static String codeNamed(Response codebook, String name) {
        List<Map<String, Object>> levels = codebook.path("codes");
        for (Map<String, Object> level : levels) {
            for (Object child : (List<?>) level.get("children")) {
                Map<?, ?> code = (Map<?, ?>) child;
                if (name.equals(code.get("name"))) {
                    return (String) code.get("id");
                }
            }
        }
        throw new AssertionError("no code " + name);
    }

    @Test
    void theCodeWhoseDefinitionOrCodedPassagesAPassageMeansComesFirstWithItsReason() {
        Response codebook = importTemplate("implementation-influences");
        String codebookId = codebook.path("id");
        String transcript = fixtures.release("BU",
                "There is no money to pay the peer support workers a salary; the budget for their remuneration ran out.",
                "The nurses refused to work with the peer workers and did not accept them on the ward.");
        index.indexPending();

        // by definitions alone the model ranks "Non-financial resources" above "Financial resources" for a salary
        suggestions(ANALYST_A, transcript, 2, codebookId).then().statusCode(200).body("suggestions", hasSize(3))
                .body("suggestions[0].code", equalTo("Staff attitudes"))
                .body("suggestions[0].reason.kind", equalTo("definition"))
                .body("suggestions[0].reason.text", org.hamcrest.Matchers.startsWith("Staff attitudes: Non-peer MH worker willingness"))
                .body("model", equalTo("all-minilm-l6-v2-q@1.19.0-beta29"));
        suggestions(ANALYST_A, transcript, 1, codebookId).then().body("suggestions[0].code", equalTo("Non-financial resources"));

        // once an analyst codes a passage about pay as "Financial resources", a passage like it gets that code first
        String earlier = fixtures.release("BU", "The organisation has no funds to pay the peer workers' salaries.");
        code(ANALYST_A, earlier, "{\"codeId\":\"%s\",\"firstParagraph\":1,\"lastParagraph\":1}".formatted(codeNamed(codebook, "Financial resources")))
                .then().statusCode(201);
        index.indexPending();
        suggestions(ANALYST_A, transcript, 1, codebookId).then().body("suggestions[0].code", equalTo("Financial resources"))
                .body("suggestions[0].reason.kind", equalTo("coded-passage"))
                .body("suggestions[0].reason.transcriptId", equalTo(earlier)).body("suggestions[0].reason.text", equalTo("BU 1"));

        // with nothing left to embed a pass writes nothing, and every paragraph and code has its vector
        org.junit.jupiter.api.Assertions.assertEquals(0, index.indexPending());
        given().auth().oauth2(ANALYST_A).get("/api/assistant/index").then().statusCode(200)
                .body("paragraphsEmbedded", equalTo(given().auth().oauth2(ANALYST_A).get("/api/assistant/index").path("paragraphs")))
                .body("codesEmbedded", equalTo(given().auth().oauth2(ANALYST_A).get("/api/assistant/index").path("codes")));
        suggestions(ANALYST_A, transcript, 9, codebookId).then().statusCode(404);
        given().auth().oauth2(ANALYST_A).get("/api/transcripts/{t}/paragraphs/1/suggestions", transcript).then().statusCode(422)
                .body("errors[0].pointer", equalTo("/codebook"));
        suggestions(LEAD_ULM, transcript, 1, codebookId).then().statusCode(404);
    }

    @Test
    void acceptingASuggestedCodeMakesYourCodingOfTheParagraphNamingTheSuggestion() {
        Response codebook = importTemplate("implementation-influences");
        String codebookId = codebook.path("id");
        String transcript = fixtures.release("BU", "Intro.",
                "The nurses refused to work with the peer workers and did not accept them on the ward.");
        index.indexPending();
        String staffAttitudes = codeNamed(codebook, "Staff attitudes");
        String accept = "/api/transcripts/{t}/paragraphs/{n}/suggestions/acceptance";

        given().auth().oauth2(ANALYST_A).contentType("application/json")
                .body("{\"codeId\":\"%s\",\"codebookId\":\"%s\",\"valence\":\"barrier\"}".formatted(staffAttitudes, codebookId))
                .post(accept, transcript, 2).then().statusCode(201)
                .body("coder", equalTo("analyst-a")).body("codeId", equalTo(staffAttitudes)).body("firstParagraph", equalTo(2))
                .body("lastParagraph", equalTo(2)).body("valence", equalTo("barrier"))
                .body("provenance", org.hamcrest.Matchers.startsWith("accepted suggestion of assistant:all-minilm-l6-v2-q@"))
                .body("provenance", org.hamcrest.Matchers.containsString("nearest definition: Staff attitudes"));

        // a code the assistant did not suggest, or a transcript of another site, is refused and codes nothing
        given().auth().oauth2(ANALYST_A).contentType("application/json")
                .body("{\"codeId\":\"%s\",\"codebookId\":\"%s\"}".formatted(UUID.randomUUID(), codebookId))
                .post(accept, transcript, 2).then().statusCode(422).body("errors[0].pointer", equalTo("/codeId"));
        given().auth().oauth2(ANALYST_A).contentType("application/json").body("{\"codebookId\":\"%s\"}".formatted(codebookId))
                .post(accept, transcript, 2).then().statusCode(422).body("errors[0].pointer", equalTo("/codeId"));
        given().auth().oauth2(LEAD_ULM).contentType("application/json")
                .body("{\"codeId\":\"%s\",\"codebookId\":\"%s\"}".formatted(staffAttitudes, codebookId))
                .post(accept, transcript, 2).then().statusCode(404);
        given().auth().oauth2(ANALYST_A).get("/api/transcripts/{t}/codings", transcript).then().body("total", equalTo(1));
    }

    @Test
    void passagesCodedAtAnotherSiteNeverShowInSiteStaffsSuggestionsOrSimilarPassages() {
        Response codebook = importTemplate("implementation-influences");
        String codebookId = codebook.path("id");
        String word = UUID.randomUUID().toString().substring(0, 6);
        String peer = "The hospital canteen " + word + " closed every Friday, so the peers ate together in the garden.";
        String bu = fixtures.release("BU", peer);
        String ulm = fixtures.release("ULM", "Because the hospital canteen " + word + " closed on Fridays, the peers ate together in the garden.");
        code(ANALYST_A, bu, "{\"codeId\":\"%s\",\"firstParagraph\":1,\"lastParagraph\":1}".formatted(codeNamed(codebook, "PSW support networks")))
                .then().statusCode(201);
        index.indexPending();

        // an analyst reads both sites: the BU passage coded with the code is the reason
        suggestions(ANALYST_A, ulm, 1, codebookId).then().statusCode(200)
                .body("suggestions[0].code", equalTo("PSW support networks"))
                .body("suggestions[0].reason.kind", equalTo("coded-passage"))
                .body("suggestions[0].reason.transcriptId", equalTo(bu));
        // the lead of ULM does not: no reason of theirs comes from BU
        suggestions(LEAD_ULM, ulm, 1, codebookId).then().statusCode(200)
                .body("suggestions.reason.transcriptId", everyItem(not(equalTo(bu))));

        given().auth().oauth2(ANALYST_A).queryParam("like", "peers eating lunch together outside when the canteen is shut")
                .get("/api/search/similar").then().statusCode(200).body("items[0].transcriptId", org.hamcrest.Matchers.oneOf(bu, ulm));
        given().auth().oauth2(LEAD_ULM).queryParam("transcript", ulm).queryParam("paragraph", 1).queryParam("size", 100)
                .get("/api/search/similar").then().statusCode(200).body("items.site", everyItem(equalTo("ULM")))
                .body("items.transcriptId", everyItem(not(equalTo(ulm))));
        given().auth().oauth2(ANALYST_A).queryParam("transcript", ulm).queryParam("paragraph", 1)
                .get("/api/search/similar").then().body("items[0].transcriptId", equalTo(bu));
        given().auth().oauth2(ANALYST_A).get("/api/search/similar").then().statusCode(422).body("errors[0].pointer", equalTo("/like"));
    }
}
