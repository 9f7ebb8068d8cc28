package io.chorus.coding.coding;

import io.chorus.coding.CodingFixtures;

import static io.chorus.coding.CodingFixtures.ANALYST_A;
import static io.chorus.coding.CodingFixtures.ANALYST_B;
import static io.chorus.coding.CodingFixtures.LEAD_BU;
import static io.chorus.coding.CodingFixtures.PARTNER_BU;
import static io.chorus.coding.CodingFixtures.RESEARCHER_ULM;
import static io.chorus.coding.CodingFixtures.code;
import static io.chorus.coding.CodingFixtures.etag;
import static io.chorus.coding.CodingFixtures.importTemplate;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chorus.common.testing.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** Bad input gets a problem with a pointer and changes nothing; concurrent edits are caught by ETags. */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
class CodingInputTest {

    @Inject
    CodingFixtures fixtures;

    @Test
    void badPassagesAndFieldsAreRefusedWithAPointerAndNothingIsStored() {
        String codeId = importTemplate("implementation-influences").path("codes[1].children[0].id");
        String transcript = fixtures.release("BU", "Peer workers 😊 help.", "Yes.");
        String[][] cases = {
            {"{\"codeId\":\"%s\",\"firstParagraph\":1,\"lastParagraph\":1,\"status\":\"x\"}", "400", ""},
            {"{\"firstParagraph\":1,\"lastParagraph\":1}", "422", "/codeId"},
            {"{\"codeId\":\"%s\",\"firstParagraph\":9,\"lastParagraph\":9}", "422", "/firstParagraph"},
            {"{\"codeId\":\"%s\",\"firstParagraph\":2,\"lastParagraph\":1}", "422", "/lastParagraph"},
            {"{\"codeId\":\"%s\",\"firstParagraph\":1,\"lastParagraph\":1,\"endOffset\":21}", "422", "/endOffset"},
            {"{\"codeId\":\"%s\",\"firstParagraph\":1,\"lastParagraph\":1,\"startOffset\":5,\"endOffset\":5}", "422", "/endOffset"},
            {"{\"codeId\":\"%s\",\"firstParagraph\":1,\"lastParagraph\":1,\"valence\":\"good\"}", "422", "/valence"},
            {"{\"codeId\":\"%s\",\"firstParagraph\":1,\"lastParagraph\":1,\"weight\":101}", "422", "/weight"},
            {"{\"codeId\":\"not-a-uuid\",\"firstParagraph\":1,\"lastParagraph\":1}", "400", "/codeId"},
        };
        for (String[] c : cases) {
            Response response = code(ANALYST_A, transcript, c[0].formatted(codeId));
            response.then().statusCode(Integer.parseInt(c[1])).contentType("application/problem+json");
            if (!c[2].isEmpty()) {
                response.then().body("errors[0].pointer", equalTo(c[2]));
            }
        }
        given().auth().oauth2(ANALYST_A).get("/api/transcripts/{t}/codings", transcript).then().body("total", equalTo(0));
        // "Peer workers 😊 help." is 20 code points (21 UTF-16 units): offset 20 is the end
        code(ANALYST_A, transcript, "{\"codeId\":\"%s\",\"firstParagraph\":1,\"lastParagraph\":1,\"startOffset\":13,\"endOffset\":20}"
                .formatted(codeId)).then().statusCode(201);
        code(RESEARCHER_ULM, transcript, "{\"codeId\":\"%s\",\"firstParagraph\":1,\"lastParagraph\":1}".formatted(codeId))
                .then().statusCode(404);
        code(PARTNER_BU, transcript, "{\"codeId\":\"%s\",\"firstParagraph\":1,\"lastParagraph\":1}".formatted(codeId))
                .then().statusCode(403);
        code(LEAD_BU, transcript, "{\"codeId\":\"%s\",\"firstParagraph\":2,\"lastParagraph\":2,\"valence\":\"facilitator\"}"
                .formatted(codeId)).then().statusCode(201);
    }

    @Test
    void aStaleETagLosesAndOnlyTheCoderChangesTheirCoding() {
        String codeId = importTemplate("implementation-influences").path("codes[1].children[1].id");
        String transcript = fixtures.release("BU", "one", "two");
        Response created = code(ANALYST_A, transcript, "{\"codeId\":\"%s\",\"firstParagraph\":1,\"lastParagraph\":1}".formatted(codeId));
        String id = created.path("id");
        String first = etag(created);
        String update = "{\"codeId\":\"%s\",\"firstParagraph\":1,\"lastParagraph\":2,\"valence\":\"barrier\"}".formatted(codeId);
        given().auth().oauth2(ANALYST_A).contentType(ContentType.JSON).body(update).put("/api/codings/{id}", id).then().statusCode(428);
        given().auth().oauth2(ANALYST_B).header("If-Match", first).contentType(ContentType.JSON).body(update)
                .put("/api/codings/{id}", id).then().statusCode(403);
        given().auth().oauth2(ANALYST_A).header("If-Match", first).contentType(ContentType.JSON).body(update)
                .put("/api/codings/{id}", id).then().statusCode(200).body("lastParagraph", equalTo(2));
        given().auth().oauth2(ANALYST_A).header("If-Match", first).contentType(ContentType.JSON).body(update)
                .put("/api/codings/{id}", id).then().statusCode(412);
        given().auth().oauth2(ANALYST_A).header("If-Match", first).delete("/api/codings/{id}", id).then().statusCode(412);
        String current = etag(given().auth().oauth2(ANALYST_A).get("/api/codings/{id}", id));
        given().auth().oauth2(ANALYST_A).header("If-Match", current).delete("/api/codings/{id}", id).then().statusCode(204);
        given().auth().oauth2(ANALYST_A).get("/api/codings/{id}", id).then().statusCode(404);
        assertTrue(fixtures.published("io.chorus.coding.passage-coded.v1").stream().filter(p -> p.contains(id)).count() == 2);
        assertTrue(fixtures.published("io.chorus.coding.coding-removed.v1").stream().anyMatch(p -> p.contains(id)));
    }

    @Test
    void memosAndConstructRatings() {
        Response cfir = importTemplate("cfir-2009");
        String construct = cfir.path("codes[1].children[0].id");
        String transcript = fixtures.release("BU", "one", "two");
        Response memo = given().auth().oauth2(ANALYST_A).contentType(ContentType.JSON).body("""
                {"target":"passage","transcriptId":"%s","firstParagraph":1,"lastParagraph":2,"title":"Trust","text":"Lived experience builds trust"}"""
                .formatted(transcript)).post("/api/memos");
        memo.then().statusCode(201);
        given().auth().oauth2(ANALYST_A).contentType(ContentType.JSON).body("{\"target\":\"code\",\"title\":\"t\",\"text\":\"x\"}")
                .post("/api/memos").then().statusCode(422).body("errors[0].pointer", equalTo("/codeId"));
        given().auth().oauth2(RESEARCHER_ULM).get("/api/memos/{id}", (String) memo.path("id")).then().statusCode(404);
        given().auth().oauth2(ANALYST_B).header("If-Match", etag(memo)).contentType(ContentType.JSON)
                .body("{\"title\":\"Mine now\",\"text\":\"x\"}").put("/api/memos/{id}", (String) memo.path("id")).then().statusCode(403);
        given().auth().oauth2(ANALYST_A).header("If-Match", etag(memo)).contentType(ContentType.JSON)
                .body("{\"title\":\"Trust\",\"text\":\"Lived experience builds trust quickly\"}")
                .put("/api/memos/{id}", (String) memo.path("id")).then().statusCode(200);

        String rating = "{\"rating\":\"%s\",\"justification\":\"Several facilitators, one barrier\"}";
        given().auth().oauth2(LEAD_BU).contentType(ContentType.JSON).body(rating.formatted("+3"))
                .put("/api/sites/BU/construct-ratings/{c}?phase=pre", construct).then().statusCode(422)
                .body("errors[0].pointer", equalTo("/rating"));
        given().auth().oauth2(LEAD_BU).contentType(ContentType.JSON).body(rating.formatted("+1"))
                .put("/api/sites/UKE/construct-ratings/{c}?phase=pre", construct).then().statusCode(403);
        Response rated = given().auth().oauth2(LEAD_BU).contentType(ContentType.JSON).body(rating.formatted("+1"))
                .put("/api/sites/BU/construct-ratings/{c}?phase=pre", construct);
        rated.then().statusCode(201);
        given().auth().oauth2(ANALYST_A).contentType(ContentType.JSON).body(rating.formatted("X"))
                .put("/api/sites/BU/construct-ratings/{c}?phase=pre", construct).then().statusCode(428);
        given().auth().oauth2(ANALYST_A).header("If-Match", etag(rated)).contentType(ContentType.JSON).body(rating.formatted("X"))
                .put("/api/sites/BU/construct-ratings/{c}?phase=pre", construct).then().statusCode(200).body("rating", equalTo("X"));
        given().auth().oauth2(ANALYST_B).get("/api/construct-ratings?site=BU&phase=pre").then()
                .body("findAll { it.codeId == '" + construct + "' }.rating", equalTo(java.util.List.of("X")));
        assertTrue(fixtures.published("io.chorus.coding.construct-rated.v1").stream()
                .anyMatch(p -> p.contains(construct) && p.contains("\"CFIR-2.1\"")));
    }
}
