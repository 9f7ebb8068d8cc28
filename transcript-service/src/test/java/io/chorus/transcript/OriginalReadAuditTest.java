package io.chorus.transcript;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chorus.common.testing.MongoTestResource;
import io.chorus.common.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The audit of original-language reads as an admin searches and exports it: by site, reader and time. */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(MongoTestResource.class)
class OriginalReadAuditTest {

    final String site = "AU" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    final String researcher = TestTokens.token("reader-au", List.of("site-researcher"), List.of(site));
    final String admin = TestTokens.token("admin", List.of("consortium-admin"), List.of());

    @Test
    void readsAreFoundByTimeAndExportedAsCsv() {
        String externalId = "audit-" + UUID.randomUUID();
        String id = given().auth().oauth2(researcher).contentType(ContentType.JSON).body("""
                {"externalId": "%s", "language": "de", "paragraphs": [{"speaker": "F", "text": "Guten Tag."}]}""".formatted(externalId))
                .post("/api/sites/{site}/transcripts", site).then().statusCode(201).extract().path("id");
        Instant before = Instant.now().minus(1, ChronoUnit.SECONDS);
        given().auth().oauth2(researcher).get("/api/sites/{site}/transcripts/{id}", site, id).then().statusCode(200);
        given().auth().oauth2(researcher).get("/api/sites/{site}/transcripts/{id}", site, id).then().statusCode(200);

        given().auth().oauth2(admin).queryParam("site", site).queryParam("from", before.toString()).get("/api/audit/original-reads")
                .then().statusCode(200).body("total", equalTo(2)).body("items[0].externalId", equalTo(externalId));
        given().auth().oauth2(admin).queryParam("site", site).queryParam("to", before.toString()).get("/api/audit/original-reads")
                .then().statusCode(200).body("total", equalTo(0));

        String csv = given().auth().oauth2(admin).queryParam("site", site).queryParam("username", "reader-au")
                .get("/api/audit/original-reads/export").then().statusCode(200).contentType(containsString("text/csv"))
                .header("Content-Disposition", containsString("original-reads.csv")).extract().asString();
        List<String> lines = csv.lines().toList();
        assertEquals(3, lines.size(), csv);
        assertTrue(lines.get(0).startsWith("At (UTC),Reader,Subject,Site,Transcript"), lines.get(0));
        assertTrue(lines.get(1).contains(",reader-au,") && lines.get(1).contains(externalId), lines.get(1));
        given().auth().oauth2(researcher).get("/api/audit/original-reads/export").then().statusCode(403);
    }
}
