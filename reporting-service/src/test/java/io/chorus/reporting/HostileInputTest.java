package io.chorus.reporting;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.chorus.common.testing.PostgresTestResource;
import io.chorus.common.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Issue 10, finding 5 in reporting-service: NUL bytes in filters and parameters are 400 with the parameter named. */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
class HostileInputTest {

    static final String ANALYST = TestTokens.token("analyst", List.of("analyst"), List.of());
    static final String LEAD_BU = TestTokens.token("lead-bu", List.of("site-lead"), List.of("BU"));

    @Test
    void nulBytesInFiltersAndParametersAre400() {
        for (String report : List.of("code-frequency", "facilitators-barriers", "pre-post", "co-occurrence", "participants", "quotes")) {
            given().auth().oauth2(ANALYST).urlEncodingEnabled(false).get("/api/reports/" + report + "?study=%00x&code=c").then()
                    .statusCode(400).contentType("application/problem+json").body("errors[0].parameter", equalTo("study"));
        }
        given().auth().oauth2(ANALYST).get("/api/reports/code-frequency?codebookVersion=abc").then().statusCode(400)
                .body("errors[0].parameter", equalTo("codebookVersion"));
        given().auth().oauth2(ANALYST).get("/api/reports/code-frequency?format=gif").then().statusCode(422)
                .body("errors[0].parameter", equalTo("format"));
        given().auth().oauth2(LEAD_BU).urlEncodingEnabled(false).contentType(ContentType.JSON).body("{\"items\":[1,1,1,1,1,1,1,1]}")
                .put("/api/sites/BU/implementation-measure?phase=%00").then().statusCode(400).body("errors[0].parameter", equalTo("phase"));
    }
}
