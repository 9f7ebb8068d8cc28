package io.chorus.identity;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

import io.chorus.common.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(io.chorus.common.testing.PostgresTestResource.class)
class MeResourceTest {

    @Test
    void showsTheRolesAndSitesEveryServiceReadsFromTheToken() {
        given().auth().oauth2(TestTokens.token("lead-bu", List.of("site-lead"), List.of("BU", "DS")))
                .get("/api/me").then().statusCode(200)
                .body("subject", equalTo(TestTokens.subjectOf("lead-bu")))
                .body("username", equalTo("lead-bu"))
                .body("consortiumRoles", empty())
                .body("siteRoles.BU", contains("site-lead"))
                .body("sites", contains("BU", "DS"));
    }

    @Test
    void rolesHoldPerSite() {
        given().auth().oauth2(TestTokens.token("researcher-bu", List.of("analyst"),
                        java.util.Map.of("BU", List.of("site-researcher"), "ULM", List.of("translator"))))
                .get("/api/me").then().statusCode(200)
                .body("consortiumRoles", contains("analyst"))
                .body("siteRoles.BU", contains("site-researcher"))
                .body("siteRoles.ULM", contains("translator"));
    }

    @Test
    void needsAValidToken() {
        given().get("/api/me").then().statusCode(401);
        given().auth().oauth2("not-a-token").get("/api/me").then().statusCode(401);
    }

    @Test
    void healthAndOpenApiArePublic() {
        given().get("/q/health/live").then().statusCode(200);
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("components.securitySchemes.keycloak.type", equalTo("oauth2"))
                .body("components.securitySchemes.keycloak.flows.keySet()", contains("authorizationCode"))
                .body("paths.'/api/sites/{site}/members'.post.'x-chorus-roles'", contains("consortium-admin", "site-lead"));
    }
}
