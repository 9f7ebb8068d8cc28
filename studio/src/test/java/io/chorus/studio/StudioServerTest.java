package io.chorus.studio;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Studio's server: the page with its bundled script, and where the browser is told Keycloak and the services are. */
@QuarkusTest
@TestProfile(StudioServerTest.Elsewhere.class)
class StudioServerTest {

    public static class Elsewhere implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("chorus.studio.keycloak-url", "https://auth.example.org", "chorus.studio.coding-url", "https://coding.example.org");
        }
    }

    @Test
    void thePageLoadsTheBundleBuiltAtPackageTime() {
        String page = given().get("/").then().statusCode(200).contentType(containsString("text/html"))
                .body(containsString("<chorus-studio>")).extract().asString();
        String script = page.replaceAll("(?s).*src=\"(/static/bundle/[^\"]+\\.js)\".*", "$1");
        given().get(script).then().statusCode(200).body(containsString("chorus-studio"));
    }

    @Test
    void theSettingsNameTheConfiguredAddressesAndDefaultTheRest() {
        given().get("/config.json").then().statusCode(200)
                .body("keycloakUrl", equalTo("https://auth.example.org"))
                .body("codingUrl", equalTo("https://coding.example.org"))
                .body("realm", equalTo("chorus"))
                .body("clientId", equalTo("chorus-frontend"))
                .body("transcriptUrl", matchesPattern("http://localhost:8081"));
    }
}
