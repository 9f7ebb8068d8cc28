package io.chorus.coding.codebook;

import io.chorus.coding.CodingFixtures;

import static io.chorus.coding.CodingFixtures.ANALYST_A;
import static io.chorus.coding.CodingFixtures.PARTNER_BU;
import static io.chorus.coding.CodingFixtures.RESEARCHER_ULM;
import static io.chorus.coding.CodingFixtures.code;
import static io.chorus.coding.CodingFixtures.etag;
import static io.chorus.coding.CodingFixtures.importTemplate;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chorus.common.testing.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
class CodebookTest {

    @Inject
    CodingFixtures fixtures;

    @Test
    void theBundledCodebooksImportWithTheirTreesAndCfirDomainsGroupingOnly() {
        given().auth().oauth2(RESEARCHER_ULM).get("/api/codebooks/templates").then().statusCode(200)
                .body("name", equalTo(List.of("cfir-2009", "implementation-influences", "mhw-perspectives-themes")))
                .body("codes", equalTo(List.of(44, 18, 21)));
        Response cfir = importTemplate("cfir-2009");
        cfir.then().statusCode(201).header("Location", containsString("/api/codebooks/")).header("ETag", notNullValue())
                .body("codeCount", equalTo(44)).body("codes", hasSize(5)).body("status", equalTo("draft"))
                .body("codes[1].name", equalTo("Outer Setting")).body("codes[1].codable", equalTo(false))
                .body("codes[1].children[0].frameworkRef", equalTo("CFIR-2.1"))
                .body("codes[1].children[0].codable", equalTo(true));
        String transcript = fixtures.release("BU", "They have been there; patients believe them.");
        String domain = cfir.path("codes[1].id");
        code(ANALYST_A, transcript, "{\"codeId\":\"" + domain + "\",\"firstParagraph\":1,\"lastParagraph\":1}").then()
                .statusCode(422).body("errors[0].pointer", equalTo("/codeId"));
        importTemplate("no-such-codebook").then().statusCode(404);
        importTemplate("implementation-influences").then().statusCode(201).body("codes[0].children[0].definition",
                containsString("national structures"));
    }

    @Test
    void onlyAnalystsAndAdminsEditCodebooksAndPartnersSeeNone() {
        given().auth().oauth2(RESEARCHER_ULM).post("/api/codebooks/templates/cfir-2009").then().statusCode(403);
        given().auth().oauth2(PARTNER_BU).get("/api/codebooks").then().statusCode(403);
        given().get("/api/codebooks").then().statusCode(401);
    }

    @Test
    void publishingFreezesAVersionAndRefactoringKeepsEveryCoding() {
        Response imported = importTemplate("mhw-perspectives-themes");
        String id = imported.path("id");
        String benefits = imported.path("codes[0].children[0].children[0].id");
        String bridge = imported.path("codes[0].children[0].children[2].id");
        String psw = imported.path("codes[0].children[1].id");
        String transcript = fixtures.release("BU", "one", "two", "three", "four");
        String c1 = code(ANALYST_A, transcript, "{\"codeId\":\"" + benefits + "\",\"firstParagraph\":1,\"lastParagraph\":1}").path("id");
        String c2 = code(ANALYST_A, transcript, "{\"codeId\":\"" + benefits + "\",\"firstParagraph\":2,\"lastParagraph\":3}").path("id");
        code(ANALYST_A, transcript, "{\"codeId\":\"" + bridge + "\",\"firstParagraph\":4,\"lastParagraph\":4}").then().statusCode(201);

        // adding a code needs the codebook's ETag: none is 428, a stale one 412
        String addition = "{\"parentId\":null,\"name\":\"Emerging: stigma\",\"origin\":\"inductive\"}";
        given().auth().oauth2(ANALYST_A).contentType(ContentType.JSON).body(addition).post("/api/codebooks/{id}/codes", id)
                .then().statusCode(428);
        String etag = etag(given().auth().oauth2(ANALYST_A).get("/api/codebooks/{id}", id));
        Response added = given().auth().oauth2(ANALYST_A).header("If-Match", etag).contentType(ContentType.JSON).body(addition)
                .post("/api/codebooks/{id}/codes", id);
        added.then().statusCode(201).header("Location", containsString("/api/codes/"));
        given().auth().oauth2(ANALYST_A).header("If-Match", etag).contentType(ContentType.JSON).body(addition)
                .post("/api/codebooks/{id}/codes", id).then().statusCode(412);
        String stigma = added.path("id");

        // rename with the code's own ETag
        Response stigmaCode = given().auth().oauth2(ANALYST_A).get("/api/codes/{id}", stigma);
        given().auth().oauth2(ANALYST_A).header("If-Match", etag(stigmaCode)).contentType(ContentType.JSON)
                .body("{\"name\":\"Stigma\",\"definition\":\"Negative attitudes\"}").put("/api/codes/{id}", stigma)
                .then().statusCode(200).body("name", equalTo("Stigma"));

        // a code cannot move under its own sub-code
        String theme = imported.path("codes[0].id");
        String sub = imported.path("codes[0].children[0].id");
        given().auth().oauth2(ANALYST_A).header("If-Match", currentEtag(id)).contentType(ContentType.JSON)
                .body("{\"parentId\":\"" + sub + "\"}").post("/api/codes/{id}/move", theme)
                .then().statusCode(422).body("errors[0].pointer", equalTo("/parentId"));
        given().auth().oauth2(ANALYST_A).header("If-Match", currentEtag(id)).contentType(ContentType.JSON)
                .body("{\"parentId\":\"" + theme + "\"}").post("/api/codes/{id}/move", stigma).then().statusCode(200)
                .body("parentId", equalTo(theme));

        // publish: version 1 is frozen and announced
        given().auth().oauth2(ANALYST_A).header("If-Match", currentEtag(id)).post("/api/codebooks/{id}/publication", id)
                .then().statusCode(200).body("status", equalTo("published")).body("publishedVersions", equalTo(List.of(1)));
        given().auth().oauth2(ANALYST_A).header("If-Match", currentEtag(id)).contentType(ContentType.JSON).body(addition)
                .post("/api/codebooks/{id}/codes", id).then().statusCode(409);
        assertTrue(fixtures.published("io.chorus.coding.codebook-published.v1").stream().anyMatch(p -> p.contains(id)));

        // version 2: merge "bridge building" into "sharing lived experiences"; the coding follows
        given().auth().oauth2(ANALYST_A).header("If-Match", currentEtag(id)).post("/api/codebooks/{id}/drafts", id)
                .then().statusCode(200).body("version", equalTo(2)).body("status", equalTo("draft"));
        given().auth().oauth2(ANALYST_A).header("If-Match", currentEtag(id)).contentType(ContentType.JSON)
                .body("{\"into\":\"" + benefits + "\"}").post("/api/codes/{id}/merge", bridge).then().statusCode(200);
        given().auth().oauth2(ANALYST_A).get("/api/codings?code={code}&total=true", benefits).then().body("total", equalTo(3));
        // by cursor: two, then the last one; no total unless asked for
        JsonPath first = given().auth().oauth2(ANALYST_A).get("/api/codings?code={code}&size=2", benefits).then().statusCode(200)
                .body("items", hasSize(2)).body("total", nullValue()).body("next", notNullValue()).extract().jsonPath();
        given().auth().oauth2(ANALYST_A).get("/api/codings?code={code}&size=2&after={next}", benefits, first.getString("next")).then()
                .statusCode(200).body("items", hasSize(1)).body("next", nullValue())
                .body("items[0].id", not(org.hamcrest.Matchers.isIn(first.getList("items.id"))));
        given().auth().oauth2(ANALYST_A).get("/api/codings?after=not-a-cursor").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].parameter", equalTo("after"));
        code(ANALYST_A, transcript, "{\"codeId\":\"" + bridge + "\",\"firstParagraph\":1,\"lastParagraph\":1}").then()
                .statusCode(422).body("detail", containsString("merged into"));

        // split must place every coding: a missing one is refused and nothing changes
        String split = "{\"parts\":[{\"name\":\"Sharing experiences\"},{\"name\":\"Hope\"}],\"assignments\":{\"%s\":0,\"%s\":1}}";
        given().auth().oauth2(ANALYST_A).header("If-Match", currentEtag(id)).contentType(ContentType.JSON)
                .body(split.formatted(c1, c2)).post("/api/codes/{id}/split", benefits)
                .then().statusCode(422).body("errors[0].pointer", containsString("/assignments/"));
        given().auth().oauth2(ANALYST_A).get("/api/codings?code={code}&total=true", benefits).then().body("total", equalTo(3));
        String c3 = JsonPath.from(given().auth().oauth2(ANALYST_A).get("/api/codings?code={code}&size=10", benefits).asString())
                .<String>getList("items.id").stream().filter(c -> !c.equals(c1) && !c.equals(c2)).findFirst().orElseThrow();
        Response parts = given().auth().oauth2(ANALYST_A).header("If-Match", currentEtag(id)).contentType(ContentType.JSON)
                .body("{\"parts\":[{\"name\":\"Sharing experiences\"},{\"name\":\"Hope\"}],\"assignments\":{\"%s\":0,\"%s\":1,\"%s\":0}}"
                        .formatted(c1, c2, c3))
                .post("/api/codes/{id}/split", benefits);
        parts.then().statusCode(200).body("name", equalTo(List.of("Sharing experiences", "Hope")));
        given().auth().oauth2(ANALYST_A).get("/api/codings?code={code}&total=true", (String) parts.path("[0].id")).then().body("total", equalTo(2));
        given().auth().oauth2(ANALYST_A).get("/api/codings/{id}", c2).then().body("codeId", equalTo(parts.path("[1].id")));

        // the published version 1 still reads as it was; the history tells what happened
        given().auth().oauth2(ANALYST_A).get("/api/codebooks/{id}/versions/1", id).then().statusCode(200)
                .body("codes[0].children[0].children.name", hasItem("Supporting service users in their communities: bridge building"));
        given().auth().oauth2(ANALYST_A).get("/api/codebooks/{id}/history", id).then().statusCode(200)
                .body("kind", equalTo(List.of("added", "renamed", "moved", "merged", "split")))
                .body("version", equalTo(List.of(1, 1, 1, 2, 2))).body("changedBy", hasItem("analyst-a"));
        List<String> changes = fixtures.published("io.chorus.coding.code-changed.v1").stream().filter(p -> p.contains(id)).toList();
        assertEquals(4, changes.size(), "renamed, moved, merged, split: " + changes);
        assertTrue(changes.get(3).contains(c2), "the split event says where each coding went");
    }

    @Test
    void aStudyPhaseIsCodedWithItsOwnCodebook() {
        String pre = importTemplate("implementation-influences").path("id");
        Response post = importTemplate("mhw-perspectives-themes");
        given().auth().oauth2(ANALYST_A).contentType(ContentType.JSON).body("{\"codebookId\":\"" + pre + "\"}")
                .put("/api/studies/{study}/phases/{phase}/codebook", "upsides", "pre").then().statusCode(200);
        assertTrue(fixtures.published("io.chorus.coding.phase-codebook-assigned.v1").stream()
                .anyMatch(p -> p.contains("\"phase\":\"pre\"") && p.contains(pre) && p.contains("\"assignedBy\":\"analyst-a\"")),
                "reporting learns the phase's codebook");
        fixtures.send("io.chorus.transcript.session-recorded.v1", "BU/fgd-pre-1", """
                {"site":"BU","externalId":"fgd-pre-1","study":"upsides","phase":"pre","kind":"fgd","date":"2019-11-02",
                 "language":"lg","participants":["P1"],"version":1,"createdAt":"2019-11-02T10:00:00Z","updatedAt":"2019-11-02T10:00:00Z"}""");
        String transcript = java.util.UUID.randomUUID().toString();
        fixtures.send("io.chorus.transcript.released.v1", transcript, """
                {"transcriptId":"%s","site":"BU","externalId":"fgd-pre-1","language":"en","version":1,
                 "releasedAt":"2020-01-15T10:00:00Z","releasedBy":"lead","session":"fgd-pre-1",
                 "paragraphs":[{"n":1,"label":"BU 1","speaker":"P1","text":"Policy matters.","english":"Policy matters."}]}"""
                .formatted(transcript));
        org.awaitility.Awaitility.await().untilAsserted(() ->
                given().auth().oauth2(ANALYST_A).get("/api/transcripts/{id}", transcript).then().statusCode(200));
        given().auth().oauth2(ANALYST_A).get("/api/transcripts/{id}", transcript).then()
                .body("study", equalTo("upsides")).body("phase", equalTo("pre")).body("codebookId", equalTo(pre));
        String otherBookCode = post.path("codes[0].children[1].id");
        code(ANALYST_A, transcript, "{\"codeId\":\"" + otherBookCode + "\",\"firstParagraph\":1,\"lastParagraph\":1}")
                .then().statusCode(422).body("detail", containsString("Implementation influences"));
        String policy = importTemplateCode(pre);
        code(ANALYST_A, transcript, "{\"codeId\":\"" + policy + "\",\"firstParagraph\":1,\"lastParagraph\":1}").then().statusCode(201);
    }

    private static String importTemplateCode(String codebookId) {
        return given().auth().oauth2(ANALYST_A).get("/api/codebooks/{id}", codebookId).path("codes[0].children[0].id");
    }

    private static String currentEtag(String codebookId) {
        return etag(given().auth().oauth2(ANALYST_A).get("/api/codebooks/{id}", codebookId));
    }

    /** Issue 27: a codebook file declares its variables, so ten variables take one import instead of twenty calls. */
    @Test
    void aCodebookImportDeclaresVariablesWithTheirCategoriesValues() {
        String file = """
                {"name":"CFIR ratings","codes":[{"name":"Rating","variable":"ordinal","codable":false,"children":[
                  {"name":"Strong barrier","value":-2},{"name":"Barrier","value":-1},{"name":"Neutral","value":0},
                  {"name":"Facilitator","value":1},{"name":"Strong facilitator","value":2}]},
                  {"name":"Valence","variable":"nominal","codable":false,"children":[{"name":"Facilitator"},{"name":"Barrier"}]}]}""";
        JsonPath codebook = given().auth().oauth2(ANALYST_A).contentType(ContentType.JSON).body(file).post("/api/codebooks/imports")
                .then().statusCode(201).extract().jsonPath();
        assertEquals("ordinal", codebook.getString("codes[0].variableLevel"));
        assertEquals(List.of(-2.0f, -1.0f, 0.0f, 1.0f, 2.0f), codebook.getList("codes[0].children.categoryValue"));
        assertEquals("nominal", codebook.getString("codes[1].variableLevel"));

        given().auth().oauth2(ANALYST_A).contentType(ContentType.JSON).body("""
                {"name":"Bad","codes":[{"name":"Rating","variable":"interval","children":[{"name":"Low","value":1},{"name":"High"}]}]}""")
                .post("/api/codebooks/imports").then().statusCode(422).contentType("application/problem+json")
                .body("errors[0].pointer", equalTo("/codes/0/children/1/value"));
        given().auth().oauth2(ANALYST_A).contentType(ContentType.JSON).body("""
                {"name":"Bad","codes":[{"name":"Rating","variable":"ordinal","children":[{"name":"Only","value":1}]}]}""")
                .post("/api/codebooks/imports").then().statusCode(422).body("errors[0].pointer", equalTo("/codes/0/variable"));
        given().auth().oauth2(ANALYST_A).contentType(ContentType.JSON).body("""
                {"name":"Bad","codes":[{"name":"Loose","value":3}]}""")
                .post("/api/codebooks/imports").then().statusCode(422).body("errors[0].pointer", equalTo("/codes/0/value"));
    }
}
