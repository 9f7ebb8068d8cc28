package io.chorus.transcript;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.chorus.common.testing.MongoTestResource;
import io.chorus.common.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What Studio's intake screen lists: a site's transcripts by stage with counts, and a push previewed before it is stored. */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(MongoTestResource.class)
class IntakeListingTest {

    /** A site of this test's own, so that its counts are only of what it pushed. */
    final String site = "IN" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    final String researcher = TestTokens.token("researcher-in", List.of("site-researcher"), List.of(site));
    final String analyst = TestTokens.token("analyst", List.of("analyst"), List.of());
    final String elsewhere = TestTokens.token("researcher-bu", List.of("site-researcher"), List.of("BU"));

    String push(String externalId) {
        return given().auth().oauth2(researcher).contentType(ContentType.JSON).body("""
                {"externalId": "%s", "language": "de", "paragraphs": [{"speaker": "F", "text": "Guten Tag."}]}""".formatted(externalId))
                .post("/api/sites/{site}/transcripts", site).then().statusCode(201).extract().path("id");
    }

    @Test
    void aSitesTranscriptsAreListedAndCountedByStage() {
        String first = push("in-1-" + UUID.randomUUID());
        push("in-2-" + UUID.randomUUID());
        given().auth().oauth2(researcher).post("/api/sites/{site}/transcripts/{id}/back-check", site, first).then().statusCode(200);

        given().auth().oauth2(researcher).get("/api/sites/{site}/transcripts/stages", site).then().statusCode(200)
                .body("uploaded", equalTo(1)).body("backChecked", equalTo(1)).body("released", equalTo(0)).body("total", equalTo(2));
        given().auth().oauth2(researcher).queryParam("stage", "back-checked").get("/api/sites/{site}/transcripts", site).then()
                .statusCode(200).body("total", equalTo(1)).body("items.id", contains(first)).body("items.status", contains("back-checked"));
        // an analyst counts only what is released there; site staff of another site learn nothing of it
        given().auth().oauth2(analyst).get("/api/sites/{site}/transcripts/stages", site).then().statusCode(200)
                .body("total", equalTo(0)).body("uploaded", equalTo(0));
        given().auth().oauth2(elsewhere).get("/api/sites/{site}/transcripts/stages", site).then().statusCode(404);
    }

    @Test
    void anUnknownStageIsRefusedAtItsParameter() {
        given().auth().oauth2(researcher).queryParam("stage", "finished").get("/api/sites/{site}/transcripts", site).then()
                .statusCode(400).contentType(containsString("application/problem+json"))
                .body("errors.parameter", hasItem("stage"));
    }

    @Test
    void aPreviewShowsThePseudonymisedParagraphsAndNameCandidatesAndStoresNothing() {
        String externalId = "in-preview-" + UUID.randomUUID();
        given().auth().oauth2(researcher).contentType(ContentType.JSON).body("""
                {"externalId": "%s", "language": "de", "identifiers": [{"value": "Anna Berger", "kind": "person"}],
                 "paragraphs": [{"speaker": "F", "text": "Anna Berger hat mit Doktor Klaus gesprochen."}]}""".formatted(externalId))
                .post("/api/sites/{site}/transcripts/preview", site).then().statusCode(200)
                .body("paragraphs[0].label", equalTo(site + " 1"))
                .body("paragraphs[0].text", org.hamcrest.Matchers.not(containsString("Anna Berger")))
                .body("nameCandidates.token", hasItem("Klaus"));
        given().auth().oauth2(researcher).get("/api/sites/{site}/transcripts", site).then().statusCode(200)
                .body("items", empty());
        // the push's own checks: a preview that passes pushes, one that fails says why at the field
        given().auth().oauth2(researcher).contentType(ContentType.JSON).body("""
                {"externalId": "%s", "language": "de", "paragraphs": []}""".formatted(externalId))
                .post("/api/sites/{site}/transcripts/preview", site).then().statusCode(422)
                .body("errors.pointer", hasItem("/paragraphs"));
    }
}
