package io.chorus.coding.exchange;

import static io.chorus.coding.CodingFixtures.ANALYST_A;
import static io.chorus.coding.CodingFixtures.RESEARCHER_ULM;
import static io.chorus.coding.CodingFixtures.etag;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.chorus.common.testing.PostgresTestResource;
import io.chorus.refi.QdaSchemas;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** REFI-QDA code books: the vendors' .qdc files import as drafts, and a published version goes out and comes back whole. */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
class QdcCodebookTest {

    @Test
    void atlasTiAndTaguetteCodeBooksImportAsDraftsKeepingTheirGuids() throws IOException {
        importQdc(sample("atlasti-win-23.qdc"), null).then().statusCode(201).header("Location", containsString("/api/codebooks/"))
                .body("name", equalTo("Codebook from ATLAS.ti Win 23.4.0")).body("status", equalTo("draft")).body("codeCount", equalTo(1))
                .body("codes[0].name", equalTo("code1")).body("codes[0].definition", equalTo("description"))
                .body("codes[0].colour", equalTo("#46AA00")).body("codes[0].codable", equalTo(true))
                .body("codes[0].key", equalTo("1ff58b12-6f6f-4b0c-8be5-bbdc91f55294"));
        importQdc(sample("taguette-1.4.1.qdc"), "Taguette tags").then().statusCode(201).body("name", equalTo("Taguette tags"))
                .body("codeCount", equalTo(3)).body("codes.name", equalTo(List.of("xsd:element name", "CodeBook", "Variables")))
                .body("codes[0].key", equalTo("098ac082-a9c7-50f4-9728-48730081a95e"));
    }

    @Test
    void aPublishedVersionExportsValidAndReimportsWithNothingLost() throws Exception {
        String json = """
                {"name":"Peer support (REFI round trip)","codes":[
                  {"name":"Relationships","codable":false,"colour":"#FF7F0E","children":[
                    {"name":"Lived experience","definition":"The worker's own recovery story","inclusion":"told to a service user",
                     "exclusion":"told to staff only","example":"She had been there herself.","colour":"#1F77B4"},
                    {"name":"Trust","definition":"Confidence in the worker"}]},
                  {"name":"Stigma","definition":"Negative attitudes towards mental illness"}]}""";
        Response created = given().auth().oauth2(ANALYST_A).contentType(ContentType.JSON).body(json).post("/api/codebooks/imports");
        created.then().statusCode(201);
        String id = created.path("id");
        given().auth().oauth2(ANALYST_A).header("If-Match", etag(created)).post("/api/codebooks/{id}/publication", id).then().statusCode(200);

        Response exported = given().auth().oauth2(RESEARCHER_ULM).get("/api/codebooks/{id}/versions/1/qdc", id);
        exported.then().statusCode(200).contentType(startsWith("application/xml"))
                .header("Content-Disposition", containsString("Peer support (REFI round trip) v1.qdc"));
        byte[] qdc = exported.asByteArray();
        QdaSchemas.validateCodebook(new ByteArrayInputStream(qdc));

        Response back = importQdc(qdc, "Peer support (back)");
        back.then().statusCode(201).body("codeCount", equalTo(4));
        List<Map<String, Object>> original = given().auth().oauth2(ANALYST_A).get("/api/codebooks/{id}/versions/1", id).jsonPath()
                .getList("codes");
        List<Map<String, Object>> reimported = back.jsonPath().getList("codes");
        assertEquals(comparable(original, true), comparable(reimported, false));
    }

    @Test
    void aHostileOrEmptyCodeBookIsRefusedAndNothingIsStored() {
        long before = codebookCount();
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE CodeBook [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<CodeBook xmlns=\"urn:QDA-XML:codebook:1.0\"><Codes><Code guid=\"1FF58B12-6F6F-4B0C-8BE5-BBDC91F55294\" name=\"&x;\" "
                + "isCodable=\"true\"/></Codes></CodeBook>";
        importQdc(xxe.getBytes(), null).then().statusCode(422).contentType("application/problem+json")
                .body("detail", containsString("DOCTYPE")).body("errors[0].pointer", equalTo(""));
        importQdc("<CodeBook xmlns=\"urn:QDA-XML:codebook:1.0\"><Codes></Codes></CodeBook>".getBytes(), null).then().statusCode(422)
                .body("errors[0].pointer", equalTo("/codes"));
        importQdc(("<CodeBook xmlns=\"urn:QDA-XML:codebook:1.0\"><Codes><Code guid=\"1FF58B12-6F6F-4B0C-8BE5-BBDC91F55294\" name=\" \" "
                + "isCodable=\"true\"/></Codes></CodeBook>").getBytes(), null).then().statusCode(422).body("errors[0].pointer",
                equalTo("/codes/0/name"));
        importQdc("not xml".getBytes(), null).then().statusCode(422).body("detail", containsString("not well-formed"));
        given().auth().oauth2(ANALYST_A).contentType(ContentType.JSON).body("{}").post("/api/codebooks/qdc").then().statusCode(415)
                .contentType("application/problem+json");
        given().auth().oauth2(ANALYST_A).multiPart("name", "no file here").post("/api/codebooks/qdc").then().statusCode(422)
                .contentType("application/problem+json").body("errors[0].pointer", equalTo("/file"));
        given().auth().oauth2(RESEARCHER_ULM).multiPart("file", "c.qdc", "<CodeBook/>".getBytes(), "application/xml")
                .post("/api/codebooks/qdc").then().statusCode(403).contentType("application/problem+json");
        given().multiPart("file", "c.qdc", "<CodeBook/>".getBytes(), "application/xml").post("/api/codebooks/qdc").then().statusCode(401);
        assertEquals(before, codebookCount());
        given().auth().oauth2(ANALYST_A).get("/api/codebooks/{id}/versions/1/qdc", java.util.UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json");
    }

    private static long codebookCount() {
        return given().auth().oauth2(ANALYST_A).get("/api/codebooks").jsonPath().getLong("total");
    }

    /** What must survive the round trip; the re-imported codes carry the original ids as their keys. */
    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> comparable(List<Map<String, Object>> codes, boolean original) {
        return codes.stream().map(c -> {
            Map<String, Object> kept = new java.util.LinkedHashMap<>();
            kept.put("guid", original ? c.get("id") : c.get("key"));
            for (String field : List.of("name", "definition", "inclusion", "exclusion", "example", "colour", "codable")) {
                kept.put(field, c.get(field));
            }
            kept.put("children", comparable((List<Map<String, Object>>) c.get("children"), original));
            return kept;
        }).toList();
    }

    static Response importQdc(byte[] file, String name) {
        var request = given().auth().oauth2(ANALYST_A).multiPart("file", "codebook.qdc", file, "application/xml");
        return (name == null ? request : request.queryParam("name", name)).post("/api/codebooks/qdc");
    }

    static byte[] sample(String name) throws IOException {
        try (InputStream in = QdcCodebookTest.class.getResourceAsStream("/refi-qda/samples/" + name)) {
            return in.readAllBytes();
        }
    }
}
