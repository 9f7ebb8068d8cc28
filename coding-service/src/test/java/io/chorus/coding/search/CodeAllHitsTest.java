package io.chorus.coding.search;

import io.chorus.coding.CodingFixtures;

import static io.chorus.coding.CodingFixtures.ANALYST_A;
import static io.chorus.coding.CodingFixtures.ANALYST_B;
import static io.chorus.coding.CodingFixtures.LEAD_BU;
import static io.chorus.coding.CodingFixtures.importTemplate;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.chorus.common.testing.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Coding all hits of a search: a preview count, one operation with its query as provenance, and undo as a unit. */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
class CodeAllHitsTest {

    @Inject
    CodingFixtures fixtures;

    private static Response post(String token, String path, String q, String code, String unit, String... more) {
        String search = "{\"q\":\"" + q.replace("\"", "\\\"") + "\"" + String.join("", more) + "}";
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"search\":" + search + ",\"codeId\":\"" + code + "\",\"unit\":\"" + unit + "\",\"valence\":\"barrier\"}")
                .post(path);
    }

    private static Response codings(String transcript) {
        return given().auth().oauth2(ANALYST_A).get("/api/transcripts/{t}/codings", transcript);
    }

    @Test
    void sentencesAroundEveryHitAreCodedOnceAsOneOperationAndUndoneAsAUnit() {
        String word = "zc" + UUID.randomUUID().toString().substring(0, 6);
        String code = importTemplate("implementation-influences").path("codes[1].children[0].id");
        String transcript = fixtures.release("BU", "Peer support helps. The " + word + " is a barrier. Really.",
                "The " + word + " of illness.", "Nothing here.");

        post(ANALYST_A, "/api/bulk-codings/preview", word, code, "sentence").then().statusCode(200)
                .body("hits", equalTo(2)).body("transcripts", equalTo(1)).body("codings", equalTo(2)).body("alreadyCoded", equalTo(0));
        assertEquals(0, (int) codings(transcript).path("total"), "a preview codes nothing");

        Response made = post(ANALYST_A, "/api/bulk-codings", word, code, "sentence");
        made.then().statusCode(201).body("coded", equalTo(2)).body("query", equalTo(word)).body("unit", equalTo("sentence"));
        String operation = made.path("id");
        assertEquals("/api/bulk-codings/" + operation, java.net.URI.create(made.getHeader("Location")).getPath());
        int sentenceStart = "Peer support helps. ".length();
        codings(transcript).then().body("total", equalTo(2)).body("items.bulkOperation", everyItem(equalTo(operation)))
                .body("items.startOffset", containsInAnyOrder(sentenceStart, 0))
                .body("items.endOffset", containsInAnyOrder(sentenceStart + ("The " + word + " is a barrier.").length(),
                        ("The " + word + " of illness.").length()))
                .body("items.coder", everyItem(equalTo("analyst-a"))).body("items.valence", everyItem(equalTo("barrier")));

        post(ANALYST_A, "/api/bulk-codings", word, code, "sentence").then().statusCode(201).body("coded", equalTo(0))
                .body("skipped", equalTo(2));

        given().auth().oauth2(ANALYST_B).post("/api/bulk-codings/{id}/undo", operation).then().statusCode(404);
        given().auth().oauth2(ANALYST_A).post("/api/bulk-codings/{id}/undo", operation).then().statusCode(200).body("undone", equalTo(2))
                .body("undoneBy", equalTo("analyst-a"));
        assertEquals(0, (int) codings(transcript).path("total"));
        given().auth().oauth2(ANALYST_A).post("/api/bulk-codings/{id}/undo", operation).then().statusCode(409);
        List<String> removed = fixtures.published("io.chorus.coding.coding-removed.v1");
        assertEquals(2, removed.stream().filter(p -> p.contains(transcript)).count(), "consumers hear of each removal");
    }

    @Test
    void aPhraseIsCodedAsOneSpanAndSiteStaffCodeOnlyTheirSite() {
        String word = "zp" + UUID.randomUUID().toString().substring(0, 6);
        String code = importTemplate("implementation-influences").path("codes[1].children[1].id");
        String bu = fixtures.release("BU", "They said: peer " + word + ", then more.");
        String ulm = fixtures.release("ULM", "Also peer " + word + " here.");

        post(LEAD_BU, "/api/bulk-codings", "\"peer " + word + "\"", code, "match").then().statusCode(201).body("coded", equalTo(1));
        int start = "They said: ".length();
        codings(bu).then().body("items[0].startOffset", equalTo(start)).body("items[0].endOffset", equalTo(start + 5 + word.length()));
        assertEquals(0, (int) codings(ulm).path("total"), "the lead of BU searched and coded BU only");
    }

    @Test
    void badRequestsAreRefusedWithAPointerAndStoreNothing() {
        String code = importTemplate("implementation-influences").path("codes[1].children[2].id");
        String transcript = fixtures.release("BU", "Training helped.");
        post(ANALYST_A, "/api/bulk-codings", "training", code, "word").then().statusCode(422).body("errors[0].pointer", equalTo("/unit"));
        post(ANALYST_A, "/api/bulk-codings", "(training", code, "paragraph").then().statusCode(422).body("errors[0].pointer", equalTo("/q"));
        post(ANALYST_A, "/api/bulk-codings", "training", UUID.randomUUID().toString(), "paragraph").then().statusCode(422)
                .body("errors[0].pointer", equalTo("/codeId"));
        post(LEAD_BU, "/api/bulk-codings", "training", code, "sentence", ",\"text\":\"original\"").then().statusCode(422)
                .body("errors[0].pointer", equalTo("/unit"));
        assertEquals(0, (int) codings(transcript).path("total"));
    }
}
