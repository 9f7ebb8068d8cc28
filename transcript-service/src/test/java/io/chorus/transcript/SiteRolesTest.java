package io.chorus.transcript;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.chorus.common.testing.MongoTestResource;
import io.chorus.common.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A role held at one site gives nothing at another (issue 10, finding 1), and a realm-wide site role counts for nothing. */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(MongoTestResource.class)
class SiteRolesTest {

    static final String LEAD_BU_TRANSLATOR_ULM = TestTokens.token("two-sites", List.of(),
            Map.of("BU", List.of("site-lead"), "ULM", List.of("translator")));
    static final String RESEARCHER_BU_TRANSLATOR_ULM = TestTokens.token("researcher-bu", List.of(),
            Map.of("BU", List.of("site-researcher"), "ULM", List.of("translator")));
    static final String REALM_WIDE_LEAD = TestTokens.token("realm-lead", List.of("site-lead"), Map.of("ULM", List.of("translator")));

    @Test
    void aSiteLeadAtOneSiteReleasesNothingAtAnother() {
        String id = pushed("ULM");
        given().auth().oauth2(LEAD_BU_TRANSLATOR_ULM).post("/api/sites/ULM/transcripts/{id}/release", id).then().statusCode(403)
                .contentType("application/problem+json").body("detail", equalTo(
                        "Your token holds none of the roles site-lead at site 'ULM'"));
        given().auth().oauth2(LEAD_BU_TRANSLATOR_ULM).contentType(ContentType.JSON).body("{\"reason\":\"test\"}")
                .post("/api/sites/ULM/transcripts/{id}/withdrawal", id).then().statusCode(403);
        given().auth().oauth2(LEAD_BU_TRANSLATOR_ULM).get("/api/sites/ULM/transcripts/{id}", id).then().statusCode(200);
        given().auth().oauth2(REALM_WIDE_LEAD).post("/api/sites/ULM/transcripts/{id}/release", id).then().statusCode(403);
    }

    @Test
    void aResearcherAtOneSiteBackChecksOnlyThere() {
        String ulm = pushed("ULM");
        given().auth().oauth2(RESEARCHER_BU_TRANSLATOR_ULM).post("/api/sites/ULM/transcripts/{id}/back-check", ulm).then().statusCode(403);
        given().auth().oauth2(RESEARCHER_BU_TRANSLATOR_ULM).contentType(ContentType.JSON).body(transcript())
                .post("/api/sites/ULM/transcripts").then().statusCode(403);
        String bu = pushed("BU");
        given().auth().oauth2(RESEARCHER_BU_TRANSLATOR_ULM).post("/api/sites/BU/transcripts/{id}/back-check", bu).then().statusCode(200)
                .body("history[1].by", equalTo("researcher-bu"));
    }

    static String pushed(String site) {
        String partner = TestTokens.token("partner-" + site.toLowerCase(), List.of("partner-system"), List.of(site));
        return given().auth().oauth2(partner).contentType(ContentType.JSON).body(transcript())
                .post("/api/sites/{site}/transcripts", site).then().statusCode(201).extract().path("id");
    }

    static String transcript() {
        return "{\"externalId\":\"roles-" + UUID.randomUUID() + "\",\"language\":\"de\",\"paragraphs\":[{\"speaker\":\"M\",\"text\":\"Willkommen.\"}]}";
    }
}
