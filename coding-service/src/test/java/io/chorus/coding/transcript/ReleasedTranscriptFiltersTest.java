package io.chorus.coding.transcript;

import static io.chorus.coding.CodingFixtures.ANALYST_A;
import static io.chorus.coding.CodingFixtures.ANALYST_B;
import static io.chorus.coding.CodingFixtures.code;
import static io.chorus.coding.CodingFixtures.importTemplate;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

import io.chorus.coding.CodingFixtures;
import io.chorus.common.testing.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The released transcripts a workbench lists, narrowed by study, phase, language and whether they are coded yet. */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
class ReleasedTranscriptFiltersTest {

    @Inject
    CodingFixtures fixtures;

    @Test
    void eachFilterNarrowsTheListAndTheSummariesNameTheirStudyAndPhase() {
        String study = "filters-" + UUID.randomUUID().toString().substring(0, 8);
        String pre = session(study, "pre");
        String post = session(study, "post");
        String codedPre = fixtures.releaseIn("BU", "en", pre, new String[] {"We met.", "We met."});
        String germanPost = fixtures.releaseIn("BU", "de", post, new String[] {"Wir trafen uns.", "We met."});
        fixtures.releaseIn("BU", "en", null, new String[] {"Elsewhere.", "Elsewhere."});
        String codeId = importTemplate("implementation-influences").path("codes[0].children[0].id");
        code(ANALYST_A, codedPre, "{\"codeId\":\"" + codeId + "\",\"firstParagraph\":1,\"lastParagraph\":1}").then().statusCode(201);

        assertIds("study=" + study, List.of(codedPre, germanPost));
        assertIds("study=" + study + "&phase=pre", List.of(codedPre));
        assertIds("study=" + study + "&coded=true", List.of(codedPre));
        assertIds("study=" + study + "&coded=false", List.of(germanPost));
        assertIds("study=" + study + "&language=de", List.of(germanPost));
        assertIds("study=" + study + "&language=de&phase=pre", List.of());
        // analyst-b codes the German transcript blind, in an open independent round: for analyst-a it is not coded yet
        fixtures.announce("analyst-a", List.of("analyst"), java.util.Map.of());
        fixtures.announce("analyst-b", List.of("analyst"), java.util.Map.of());
        String codebookId = given().auth().oauth2(ANALYST_A).get("/api/codes/{id}", codeId).path("codebookId");
        String round = given().auth().oauth2(ANALYST_A).contentType(io.restassured.http.ContentType.JSON).body("""
                {"name":"Blind","codebookId":"%s","independent":true,
                 "assignments":[{"transcriptId":"%s","coders":["analyst-a","analyst-b"]}]}""".formatted(codebookId, germanPost))
                .post("/api/rounds").then().statusCode(201).extract().path("id");
        code(ANALYST_B, germanPost, "{\"codeId\":\"%s\",\"firstParagraph\":1,\"lastParagraph\":1,\"roundId\":\"%s\"}"
                .formatted(codeId, round)).then().statusCode(201);
        assertIds("study=" + study + "&coded=false", List.of(germanPost));
        assertIdsFor(ANALYST_B, "study=" + study + "&coded=true", List.of(codedPre, germanPost));
        given().auth().oauth2(ANALYST_A).get("/api/transcripts?study={s}&phase=post", study).then()
                .body("items[0].study", equalTo(study)).body("items[0].phase", equalTo("post"));
        given().auth().oauth2(ANALYST_A).get("/api/transcripts?study={s}&size=1", study).then()
                .body("total", equalTo(2)).body("items.size()", equalTo(1));
        given().auth().oauth2(ANALYST_A).get("/api/transcripts?study={s}", "x".repeat(65)).then().statusCode(422)
                .body("errors[0].pointer", equalTo("/study"));
    }

    private String session(String study, String phase) {
        String externalId = study + "-" + phase;
        fixtures.send("io.chorus.transcript.session-recorded.v1", "BU/" + externalId, """
                {"site":"BU","externalId":"%s","study":"%s","phase":"%s","kind":"fgd","date":"2019-11-02",
                 "language":"en","participants":["P1"],"version":1,"createdAt":"2019-11-02T10:00:00Z","updatedAt":"2019-11-02T10:00:00Z"}"""
                .formatted(externalId, study, phase));
        return externalId;
    }

    private static void assertIds(String query, List<String> ids) {
        assertIdsFor(ANALYST_A, query, ids);
    }

    private static void assertIdsFor(String token, String query, List<String> ids) {
        org.awaitility.Awaitility.await().untilAsserted(() -> given().auth().oauth2(token).get("/api/transcripts?" + query + "&size=200")
                .then().statusCode(200).body("items.id", ids.isEmpty() ? empty() : containsInAnyOrder(ids.toArray()))
                .body("total", equalTo(ids.size())));
    }
}
