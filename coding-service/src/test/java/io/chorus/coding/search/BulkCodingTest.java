package io.chorus.coding.search;

import io.chorus.coding.CodingFixtures;

import static io.chorus.coding.CodingFixtures.ANALYST_A;
import static io.chorus.coding.CodingFixtures.LEAD_BU;
import static io.chorus.coding.CodingFixtures.importTemplate;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.chorus.common.testing.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A batch of codings: one result or problem per item, all-or-nothing on request, and stored once under an Idempotency-Key. */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
class BulkCodingTest {

    @Inject
    CodingFixtures fixtures;

    private static String item(String transcript, String code, int paragraph) {
        return "{\"transcriptId\":\"%s\",\"codeId\":\"%s\",\"firstParagraph\":%d,\"lastParagraph\":%d,\"valence\":\"barrier\"}"
                .formatted(transcript, code, paragraph, paragraph);
    }

    private static Response batch(String token, String key, boolean atomic, String... items) {
        var request = given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"atomic\":" + atomic + ",\"items\":[" + String.join(",", items) + "]}");
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return request.post("/api/codings/batch");
    }

    private static int codings(String transcript) {
        return given().auth().oauth2(ANALYST_A).get("/api/transcripts/{t}/codings", transcript).path("total");
    }

    @Test
    void eachItemIsStoredOrRefusedOnItsOwnAndARetryWithTheKeyStoresNothingTwice() {
        String code = importTemplate("implementation-influences").path("codes[1].children[0].id");
        String bu = fixtures.release("BU", "one", "two", "three");
        String ulm = fixtures.release("ULM", "eins");
        String key = UUID.randomUUID().toString();
        String[] items = {item(bu, code, 1), item(bu, code, 9), item(ulm, code, 1), item(bu, code, 3)};

        Response first = batch(LEAD_BU, key, false, items);
        first.then().statusCode(200).body("stored", equalTo(2)).body("refused", equalTo(2))
                .body("results.status", contains(201, 422, 404, 201))
                .body("results[1].problem.errors[0].pointer", equalTo("/firstParagraph"))
                .body("results[2].problem.status", equalTo(404));
        assertEquals(2, codings(bu));
        given().auth().oauth2(ANALYST_A).get("/api/codings/{id}", (String) first.path("results[0].id")).then().statusCode(200)
                .body("coder", equalTo("lead-bu")).body("valence", equalTo("barrier"));

        batch(LEAD_BU, key, false, items).then().statusCode(200).body("results.id", equalTo(first.path("results.id")));
        assertEquals(2, codings(bu), "the retry is answered from the first try");
        batch(LEAD_BU, key, false, item(bu, code, 2)).then().statusCode(422)
                .body("errors[0].pointer", equalTo("/Idempotency-Key"));
    }

    @Test
    void anAtomicBatchStoresAllOrNothingAndNamesTheRefusedItem() {
        String code = importTemplate("implementation-influences").path("codes[1].children[1].id");
        String transcript = fixtures.release("BU", "one", "two");
        batch(ANALYST_A, null, true, item(transcript, code, 1), item(transcript, code, 5), item(transcript, code, 2))
                .then().statusCode(422).contentType("application/problem+json")
                .body("errors[0].pointer", equalTo("/items/1/firstParagraph")).body("detail", startsWith("Item 1 was refused"));
        assertEquals(0, codings(transcript), "nothing of the refused batch was stored");

        batch(ANALYST_A, null, true, item(transcript, code, 1), item(transcript, code, 2)).then().statusCode(200)
                .body("stored", equalTo(2)).body("results.status", contains(201, 201));
        assertEquals(2, codings(transcript));
    }

    @Test
    void aBatchOverAThousandOrWithABadItemIsRefusedWhole() {
        String code = importTemplate("implementation-influences").path("codes[1].children[2].id");
        String transcript = fixtures.release("BU", "one");
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 1001; i++) {
            many.add(item(transcript, code, 1));
        }
        batch(ANALYST_A, null, false, many.toArray(String[]::new)).then().statusCode(422).contentType("application/problem+json")
                .body("errors[0].pointer", equalTo("/items"));
        batch(ANALYST_A, null, false, item(transcript, code, 1), "{\"transcriptId\":\"" + transcript + "\",\"firstParagraph\":1}")
                .then().statusCode(422).body("errors.pointer", contains("/items/1/codeId", "/items/1/lastParagraph"));
        batch(ANALYST_A, null, false).then().statusCode(422).body("errors[0].pointer", equalTo("/items"));
        assertEquals(0, codings(transcript));
    }
}
