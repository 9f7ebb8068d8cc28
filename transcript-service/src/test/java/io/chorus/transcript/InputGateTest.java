package io.chorus.transcript;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chorus.common.testing.MongoTestResource;
import io.chorus.common.testing.RawHttp;
import io.chorus.common.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Issue 10, findings 5 to 7: hostile input is refused with problem+json and a pointer, and nothing is stored. */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(MongoTestResource.class)
class InputGateTest {

    static final String PARTNER = TestTokens.token("partner-bu", List.of("partner-system"), List.of("BU"));
    static final String ANALYST = TestTokens.token("analyst", List.of("analyst"), List.of());

    @TestHTTPResource("/")
    URI base;

    static long total() {
        return given().auth().oauth2(PARTNER).get("/api/sites/BU/transcripts").then().extract().jsonPath().getLong("total");
    }

    static String push(String externalId, String text) {
        return "{\"externalId\":\"" + externalId + "\",\"language\":\"en\",\"paragraphs\":[{\"speaker\":\"M\",\"text\":\"" + text + "\"}]}";
    }

    @Test
    void controlCharactersDuplicateKeysAndBadUtf8InABodyAreRefusedWithAPointer() {
        long before = total();
        given().auth().oauth2(PARTNER).contentType(ContentType.JSON).body(push("nul-" + UUID.randomUUID(), "a\\u0000b"))
                .post("/api/sites/BU/transcripts").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].pointer", equalTo("/paragraphs/0/text")).body("instance", equalTo("/api/sites/BU/transcripts"));
        given().auth().oauth2(PARTNER).contentType(ContentType.JSON)
                .body("{\"externalId\":\"dup-1\",\"externalId\":\"dup-2\",\"language\":\"en\",\"paragraphs\":[{\"speaker\":\"M\",\"text\":\"x\"}]}")
                .post("/api/sites/BU/transcripts").then().statusCode(400).body("errors[0].pointer", equalTo("/externalId"));
        ByteArrayOutputStream overlong = new ByteArrayOutputStream();
        overlong.writeBytes(push("utf8-" + UUID.randomUUID(), "dots").replace("dots", "..").getBytes(StandardCharsets.UTF_8));
        byte[] bytes = overlong.toByteArray();
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        int dots = text.indexOf("..");
        byte[] hostile = new byte[bytes.length];
        System.arraycopy(bytes, 0, hostile, 0, bytes.length);
        hostile[dots] = (byte) 0xc0;
        hostile[dots + 1] = (byte) 0xae;
        given().auth().oauth2(PARTNER).contentType("application/json").body(hostile)
                .post("/api/sites/BU/transcripts").then().statusCode(400).contentType("application/problem+json");
        assertEquals(before, total(), "nothing was stored");
    }

    @Test
    void aBodyWithoutContentTypeIs415AndAForgedHostNeverReachesLocation() {
        long before = total();
        byte[] body = push("no-type-" + UUID.randomUUID(), "hello").getBytes(StandardCharsets.UTF_8);
        RawHttp.Reply untyped = RawHttp.send(base, "POST /api/sites/BU/transcripts HTTP/1.1\r\nAuthorization: Bearer " + PARTNER, body);
        assertEquals(415, untyped.status(), untyped.body());
        assertTrue(untyped.header("content-type").startsWith("application/problem+json"));
        assertEquals(before, total());
        RawHttp.Reply forged = RawHttp.send(base, "POST /api/sites/BU/transcripts HTTP/1.1\r\nHost: evil.example\r\nAuthorization: Bearer "
                + PARTNER + "\r\nContent-Type: application/json", push("host-" + UUID.randomUUID(), "hello").getBytes(StandardCharsets.UTF_8));
        assertEquals(201, forged.status(), forged.body());
        assertFalse(forged.header("location").contains("evil.example"), forged.header("location"));
        assertTrue(forged.header("location").startsWith("/api/sites/BU/transcripts/"), forged.header("location"));
    }

    @Test
    void malformedAndHostileParametersAre400WithTheParameterNamed() {
        given().auth().oauth2(PARTNER).get("/api/sites/BU/transcripts?size=abc").then().log().ifValidationFails().statusCode(400)
                .contentType("application/problem+json").body("errors[0].pointer", equalTo("/size"))
                .body("errors[0].parameter", equalTo("size"));
        given().auth().oauth2(PARTNER).get("/api/sites/BU/transcripts?size=0").then().statusCode(422)
                .body("errors[0].parameter", equalTo("size"));
        given().auth().oauth2(PARTNER).urlEncodingEnabled(false).get("/api/sites/BU/transcripts/abc%00def").then().statusCode(400)
                .body("errors[0].parameter", equalTo("id"));
        given().auth().oauth2(PARTNER).urlEncodingEnabled(false).get("/api/sites/BU/transcripts?page=%C0%AE").then().statusCode(400)
                .body("errors[0].parameter", equalTo("page"));
    }

    @Test
    void everyRefusalIsAProblemWithItsInstance() {
        given().get("/api/sites/BU/transcripts").then().statusCode(401).contentType("application/problem+json")
                .body("status", equalTo(401)).body("instance", equalTo("/api/sites/BU/transcripts"));
        given().auth().oauth2("not-a-token").get("/api/sites/BU/transcripts").then().statusCode(401)
                .contentType("application/problem+json");
        given().auth().oauth2(ANALYST).contentType(ContentType.JSON).body(push("x", "y")).post("/api/sites/BU/transcripts")
                .then().statusCode(403).contentType("application/problem+json").body("title", equalTo("Forbidden"));
        given().auth().oauth2(PARTNER).delete("/api/sites/BU/transcripts").then().statusCode(405).contentType("application/problem+json")
                .body("status", equalTo(405));
        given().auth().oauth2(PARTNER).accept("image/png").get("/api/sites/BU/transcripts").then().statusCode(406)
                .contentType("application/problem+json");
        given().auth().oauth2(PARTNER).contentType("application/xml").body("<x/>").post("/api/sites/BU/transcripts").then()
                .statusCode(415).contentType("application/problem+json");
        RawHttp.Reply longUri = RawHttp.send(base, "GET /api/sites/BU/transcripts?x=" + "a".repeat(9000) + " HTTP/1.1", null);
        assertEquals(414, longUri.status());
        assertTrue(longUri.body().contains("\"status\":414"), longUri.body());
        RawHttp.Reply bigHeaders = RawHttp.send(base, "GET /api/sites/BU/transcripts HTTP/1.1\r\nX-Filler: " + "b".repeat(17000), null);
        assertEquals(431, bigHeaders.status());
        assertTrue(bigHeaders.body().contains("\"status\":431"), bigHeaders.body());
        RawHttp.Reply tooLarge = RawHttp.send(base, "POST /api/sites/BU/transcripts HTTP/1.1\r\nAuthorization: Bearer " + PARTNER
                + "\r\nContent-Type: application/json", new byte[10 * 1024 * 1024 + 1]);
        assertEquals(413, tooLarge.status());
        assertTrue(tooLarge.header("content-type").startsWith("application/problem+json"));
        given().auth().oauth2(PARTNER).get("/api/sites/BU/transcripts/" + UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json").body("instance", startsWith("/api/sites/BU/transcripts/"));
    }
}
