package io.chorus.coding.round;

import io.chorus.coding.CodingFixtures;

import static io.chorus.coding.CodingFixtures.ANALYST_A;
import static io.chorus.coding.CodingFixtures.LEAD_ULM;
import static io.chorus.coding.CodingFixtures.importTemplate;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

import io.chorus.common.testing.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A round assigns only coders who may code the transcript's site (issue 10, finding 4); a refused round leaves nothing. */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
class RoundCodersTest {

    @Inject
    CodingFixtures fixtures;

    @Test
    void everyAssignedCoderMayCodeTheTranscriptsSite() {
        String codebook = importTemplate("implementation-influences").path("id");
        String transcript = fixtures.release("BU", "Peer workers were welcomed.");
        fixtures.announce("analyst-a", List.of("analyst"), Map.of());
        fixtures.announce("lead-bu", List.of(), Map.of("BU", List.of("site-lead")));
        fixtures.announce("lead-ulm", List.of(), Map.of("ULM", List.of("site-lead"), "BU", List.of("translator")));
        fixtures.announce("translator-bu", List.of(), Map.of("BU", List.of("translator")));

        for (String refused : List.of("nobody-known", "translator-bu", "lead-ulm")) {
            given().auth().oauth2(ANALYST_A).contentType(ContentType.JSON).body(round(codebook, transcript, "analyst-a", refused))
                    .post("/api/rounds").then().statusCode(422).contentType("application/problem+json")
                    .body("errors[0].pointer", equalTo("/assignments/0/coders/1"));
        }
        given().auth().oauth2(LEAD_ULM).get("/api/rounds/mine").then().statusCode(200).body("$", empty());

        given().auth().oauth2(ANALYST_A).contentType(ContentType.JSON).body(round(codebook, transcript, "analyst-a", "lead-bu"))
                .post("/api/rounds").then().statusCode(201);
    }

    static String round(String codebook, String transcript, String... coders) {
        return """
                {"name":"Coders check","codebookId":"%s","assignments":[{"transcriptId":"%s","coders":["%s"]}]}"""
                .formatted(codebook, transcript, String.join("\",\"", coders));
    }
}
