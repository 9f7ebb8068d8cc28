package io.chorus.coding;

import static io.chorus.coding.CodingFixtures.ANALYST_A;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.chorus.common.testing.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

/** Issue 10, finding 5 in coding-service: a NUL byte or a malformed id never reaches PostgreSQL; nothing is stored. */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
class HostileInputTest {

    static long memos() {
        return given().auth().oauth2(ANALYST_A).get("/api/memos?target=project").then().statusCode(200).extract().jsonPath().getLong("total");
    }

    @Test
    void nulBytesAndMalformedIdsAre400WithAPointer() {
        long before = memos();
        given().auth().oauth2(ANALYST_A).contentType(ContentType.JSON).body("{\"target\":\"project\",\"title\":\"a\\u0000b\",\"text\":\"t\"}")
                .post("/api/memos").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].pointer", equalTo("/title"));
        given().auth().oauth2(ANALYST_A).contentType(ContentType.JSON)
                .body("{\"target\":\"project\",\"title\":\"a\",\"title\":\"b\",\"text\":\"t\"}")
                .post("/api/memos").then().statusCode(400).body("errors[0].pointer", equalTo("/title"));
        org.junit.jupiter.api.Assertions.assertEquals(before, memos());
        given().auth().oauth2(ANALYST_A).urlEncodingEnabled(false).get("/api/codings?coder=%00").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].parameter", equalTo("coder"));
        given().auth().oauth2(ANALYST_A).urlEncodingEnabled(false).get("/api/transcripts/x%00y").then().statusCode(400)
                .body("errors[0].parameter", equalTo("id"));
        given().auth().oauth2(ANALYST_A).get("/api/memos/not-a-uuid").then().statusCode(400)
                .body("errors[0].parameter", equalTo("id"));
        given().auth().oauth2(ANALYST_A).get("/api/memos?size=abc").then().statusCode(400).body("errors[0].parameter", equalTo("size"));
    }
}
