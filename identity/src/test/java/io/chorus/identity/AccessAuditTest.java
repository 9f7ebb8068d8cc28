package io.chorus.identity;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chorus.common.testing.PostgresTestResource;
import io.chorus.common.testing.TestTokens;
import io.chorus.identity.repository.AccessChange;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The access audit an admin reads and exports: filtered by person, site and time. */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
class AccessAuditTest {

    static final String ADMIN = TestTokens.token("admin", List.of("consortium-admin"), List.of());

    static void recorded(String actor, String site, Instant at, String target) {
        QuarkusTransaction.requiringNew().run(() -> {
            AccessChange change = new AccessChange();
            change.at = at;
            change.actor = actor;
            change.action = "member-added";
            change.site = site;
            change.target = target;
            change.detail = "site-researcher";
            change.persist();
        });
    }

    @Test
    void changesAreFoundByPersonSiteAndTimeAndExportedAsCsv() {
        String actor = "auditor-" + UUID.randomUUID();
        recorded(actor, "BU", Instant.parse("2026-03-01T10:00:00Z"), "early, \"quoted\"");
        recorded(actor, "BU", Instant.parse("2026-03-02T10:00:00Z"), "late");
        recorded(actor, "ULM", Instant.parse("2026-03-02T11:00:00Z"), "elsewhere");

        given().auth().oauth2(ADMIN).queryParam("actor", actor).queryParam("site", "BU").queryParam("from", "2026-03-02T00:00:00Z")
                .get("/api/audit/access-changes").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].target", equalTo("late"));
        given().auth().oauth2(ADMIN).queryParam("actor", actor).queryParam("to", "2026-03-02T00:00:00Z")
                .get("/api/audit/access-changes").then().statusCode(200).body("total", equalTo(1)).body("items[0].target", containsString("early"));

        String csv = given().auth().oauth2(ADMIN).queryParam("actor", actor).get("/api/audit/access-changes/export").then().statusCode(200)
                .contentType(containsString("text/csv")).header("Content-Disposition", containsString("access-changes.csv"))
                .extract().asString();
        List<String> lines = csv.lines().toList();
        assertEquals("\"At (UTC)\",\"Actor\",\"Action\",\"Site\",\"Target\",\"Detail\"".replace("\"", ""), lines.get(0).replace("\"", ""));
        assertEquals(4, lines.size(), csv);
        assertTrue(lines.get(3).contains("\"early, \"\"quoted\"\"\""), "a comma and quotes are quoted as CSV: " + lines.get(3));
        assertTrue(lines.get(1).startsWith("2026-03-02T11:00:00Z") || lines.get(1).startsWith("\"2026-03-02T11:00:00Z"), "newest first");
    }

    @Test
    void aTimeThatIsNoTimeIsRefusedAtItsParameter() {
        given().auth().oauth2(ADMIN).queryParam("from", "yesterday").get("/api/audit/access-changes").then().statusCode(400)
                .contentType(containsString("application/problem+json")).body("errors.parameter", hasItem("from"));
        given().auth().oauth2(TestTokens.token("lead-bu", List.of("site-lead"), List.of("BU")))
                .get("/api/audit/access-changes/export").then().statusCode(403);
    }
}
