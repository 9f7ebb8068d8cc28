package io.chorus.transcript;

import static io.chorus.transcript.TranscriptWorkflowTest.LEAD;
import static io.chorus.transcript.TranscriptWorkflowTest.PARTNER;
import static io.chorus.transcript.TranscriptWorkflowTest.RESEARCHER;
import static io.chorus.transcript.TranscriptWorkflowTest.REVIEWER_1;
import static io.chorus.transcript.TranscriptWorkflowTest.REVIEWER_2;
import static io.chorus.transcript.TranscriptWorkflowTest.TRANSLATOR;
import static io.chorus.transcript.TranscriptWorkflowTest.step;
import static io.chorus.transcript.TranscriptWorkflowTest.translate;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import io.chorus.common.testing.MongoTestResource;
import io.chorus.common.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** One workflow step for many transcripts: the same rules as one at a time, with a result per transcript. */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(MongoTestResource.class)
class WorkflowBatchTest {

    private static final String PARTNER_BU = TestTokens.token("partner-bu", List.of("partner-system"), List.of("BU"));

    private static String push(String token, String site) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body("""
                {"externalId":"fgd-%s","language":"de","paragraphs":[{"speaker":"P1","text":"Ja."}]}""".formatted(UUID.randomUUID()))
                .post("/api/sites/{site}/transcripts", site).then().statusCode(201).extract().path("id");
    }

    private static ValidatableResponse batch(String token, String step, String... ids) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"step\":\"" + step + "\",\"transcripts\":[\"" + String.join("\",\"", ids) + "\"]}")
                .post("/api/sites/ULM/transcripts/workflow").then();
    }

    @Test
    void eachTranscriptMovesOnUnderTheSingleStepsRulesWithItsOwnResult() {
        String a = push(PARTNER, "ULM");
        String b = push(PARTNER, "ULM");
        String elsewhere = push(PARTNER_BU, "BU");

        batch(TRANSLATOR, "back-check", a, b).statusCode(403).contentType("application/problem+json");
        batch(RESEARCHER, "back-check", a, elsewhere, b, "no-such-id").statusCode(200)
                .body("done", equalTo(2)).body("refused", equalTo(2))
                .body("items.status", contains(200, 404, 200, 404))
                .body("items[0].transcriptStatus", equalTo("back-checked"));
        batch(RESEARCHER, "back-check", a).statusCode(200).body("items[0].status", equalTo(409))
                .body("items[0].problem.status", equalTo(409));

        for (String id : List.of(a, b)) {
            translate(TRANSLATOR, id, "{\"paragraphs\":[{\"n\":1,\"english\":\"Yes.\"}]}").statusCode(200);
        }
        batch(TRANSLATOR, "review", a, b).statusCode(200).body("items.status", contains(403, 403));
        batch(REVIEWER_1, "review", a, b).statusCode(200).body("items.transcriptStatus", contains("translated", "translated"));
        batch(REVIEWER_2, "review", a, b).statusCode(200).body("items.transcriptStatus", contains("reviewed", "reviewed"));

        step(REVIEWER_1, "/queries", b, "{\"paragraph\":1,\"question\":\"Is this verbatim?\"}").statusCode(200);
        batch(RESEARCHER, "release", a).statusCode(403);
        batch(LEAD, "release", a, b).statusCode(200).body("items.status", contains(200, 409))
                .body("items[0].transcriptStatus", equalTo("released"));
        batch(LEAD, "publish", a).statusCode(422).body("errors[0].pointer", equalTo("/step"));
    }
}
