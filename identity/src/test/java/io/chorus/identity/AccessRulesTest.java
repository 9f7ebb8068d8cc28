package io.chorus.identity;

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

/**
 * What is refused before Keycloak is asked: wrong roles, another site, escalation, bad input. What is
 * allowed is proven against the real Keycloak in deploy's IdentityIT.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
class AccessRulesTest {

    @jakarta.inject.Inject
    io.chorus.identity.event.IdentityEventRelay relay;

    @jakarta.inject.Inject
    @jakarta.enterprise.inject.Any
    io.smallrye.reactive.messaging.memory.InMemoryConnector connector;

    static final String LEAD_BU = TestTokens.token("lead-bu", List.of("site-lead"), List.of("BU"));
    static final String ADMIN = TestTokens.token("admin", List.of("consortium-admin"), List.of());

    @Test
    void rolesWithoutManagementRightsAreRefusedEverywhere() {
        for (String role : List.of("analyst", "site-researcher", "translator", "partner-system")) {
            String token = TestTokens.token("someone", List.of(role), List.of("BU"));
            given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"name\":\"x\",\"country\":\"UG\",\"incomeLevels\":"
                    + "[{\"band\":\"LIC\",\"from\":\"2019-01-01\"}],\"languages\":[],\"priorPeerSupportExperience\":true}")
                    .put("/api/sites/BU").then().statusCode(403);
            given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"username\":\"new-person\",\"role\":\"site-researcher\"}")
                    .post("/api/sites/BU/members").then().statusCode(403);
            given().auth().oauth2(token).get("/api/sites/BU/members").then().statusCode(403);
            given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"role\":\"site-lead\"}")
                    .put("/api/sites/BU/members/someone-else").then().statusCode(403);
            given().auth().oauth2(token).delete("/api/sites/BU/members/someone-else").then().statusCode(403);
            given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"name\":\"lab\"}").post("/api/sites/BU/partners")
                    .then().statusCode(403);
            given().auth().oauth2(token).post("/api/sites/BU/partners/partner-bu/secret").then().statusCode(403);
            given().auth().oauth2(token).delete("/api/sites/BU/partners/partner-bu").then().statusCode(403);
            given().auth().oauth2(token).get("/api/audit/access-changes").then().statusCode(403);
        }
        given().get("/api/sites").then().statusCode(401);
    }

    @Test
    void aSiteLeadManagesOnlyTheirOwnSiteAndNoRoleAboveTheirs() {
        given().auth().oauth2(LEAD_BU).contentType(ContentType.JSON).body("{\"username\":\"new-person\",\"role\":\"site-researcher\"}")
                .post("/api/sites/ULM/members").then().statusCode(403);
        given().auth().oauth2(LEAD_BU).contentType(ContentType.JSON).body("{\"name\":\"lab\"}").post("/api/sites/ULM/partners")
                .then().statusCode(403);
        given().auth().oauth2(LEAD_BU).contentType(ContentType.JSON).body("{\"role\":\"analyst\"}")
                .put("/api/sites/BU/members/researcher-bu").then().statusCode(422)
                .body("errors[0].pointer", equalTo("/role"));
        given().auth().oauth2(LEAD_BU).contentType(ContentType.JSON).body("{\"role\":\"site-lead\"}")
                .put("/api/sites/BU/members/lead-bu").then().statusCode(403).body("detail", equalTo("You cannot change your own access"));
        given().auth().oauth2(LEAD_BU).delete("/api/sites/BU/members/lead-bu").then().statusCode(403);
    }

    @Test
    void badInputIsAProblemWithAPointer() {
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("{\"name\":\"x\",\"country\":\"Uganda\",\"incomeLevels\":[],"
                + "\"languages\":[],\"priorPeerSupportExperience\":true}").put("/api/sites/BU").then().statusCode(422)
                .contentType("application/problem+json").body("errors.pointer", equalTo(List.of("/country", "/incomeLevels")));
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("{\"name\":\"x\",\"country\":\"UG\",\"incomeLevels\":"
                + "[{\"band\":\"RICH\",\"from\":\"2019-01-01\"}],\"languages\":[],\"priorPeerSupportExperience\":true}")
                .put("/api/sites/bu").then().statusCode(422);
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("{\"username\":\"Has Spaces\",\"role\":\"king\"}")
                .post("/api/sites/BU/members").then().statusCode(422).body("errors.pointer", equalTo(List.of("/role", "/username")));
        given().auth().oauth2(ADMIN).get("/api/sites/NOPE").then().statusCode(404);
    }

    /** Issue 10, finding 5: input that would reach PostgreSQL or Keycloak as it came is refused with a pointer, never a 500. */
    @Test
    void hostileInputIsRefusedBeforeItReachesTheStoreOrKeycloak() {
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("{\"name\":\"Nai\\u0000robi\",\"country\":\"KE\",\"incomeLevels\":"
                + "[{\"band\":\"LIC\",\"from\":\"2019-01-01\"}],\"languages\":[],\"priorPeerSupportExperience\":true}")
                .put("/api/sites/KE").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].pointer", equalTo("/name"));
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("{\"name\":\"A\",\"name\":\"B\",\"country\":\"KE\",\"incomeLevels\":"
                + "[{\"band\":\"LIC\",\"from\":\"2019-01-01\"}],\"languages\":[],\"priorPeerSupportExperience\":true}")
                .put("/api/sites/KE").then().statusCode(400).body("errors[0].pointer", equalTo("/name"));
        given().auth().oauth2(ADMIN).get("/api/sites/KE").then().statusCode(404);
        given().auth().oauth2(ADMIN).urlEncodingEnabled(false).get("/api/sites/B%00U").then().statusCode(400)
                .body("errors[0].parameter", equalTo("code"));
        given().auth().oauth2(ADMIN).urlEncodingEnabled(false).get("/api/audit/access-changes?site=%00").then().statusCode(400)
                .body("errors[0].parameter", equalTo("site"));
        for (String name : List.of("=x", "<b>", "a>b", "$x", "${jndi}", "100%")) {
            given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                    .body("{\"username\":\"someone-new\",\"firstName\":\"" + name + "\",\"lastName\":\"Ok\",\"role\":\"translator\"}")
                    .post("/api/sites/BU/members").then().statusCode(422).contentType("application/problem+json")
                    .body("errors[0].pointer", equalTo("/firstName"));
        }
    }

    @Test
    void theReferenceSitesAreRegisteredOnceWithTheirIncomeHistory() {
        given().auth().oauth2(LEAD_BU).get("/api/sites").then().statusCode(200)
                .body("code", equalTo(List.of("AD", "BGU", "BU", "DS", "PU", "UKE", "ULM")));
        given().auth().oauth2(LEAD_BU).get("/api/sites/DS").then().statusCode(200)
                .body("incomeLevels.band", equalTo(List.of("LIC", "LMIC"))).body("incomeLevels[1].from", equalTo("2020-07-01"));
        given().auth().oauth2(ADMIN).get("/api/audit/access-changes?site=DS").then().statusCode(200)
                .body("items.action", equalTo(List.of("site-registered"))).body("items[0].actor", equalTo("reference-data"));
    }

    @Test
    void theSiteAndAuditEventsMatchTheirSchemas() {
        while (relay.publishPending() > 0) {
            // drain the outbox
        }
        var site = io.chorus.common.testing.EventSchemas.load("identity/src/main/resources/META-INF/resources/events/site.schema.json");
        var access = io.chorus.common.testing.EventSchemas.load("identity/src/main/resources/META-INF/resources/events/access-changed.schema.json");
        int sites = 0;
        for (var message : connector.<String>sink("identity-events").received()) {
            String type = message.getMetadata(io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata.class).orElseThrow().getType();
            var schema = type.equals("io.chorus.identity.access-changed.v1") ? access : site;
            org.junit.jupiter.api.Assertions.assertEquals(java.util.Set.of(), schema.violations(message.getPayload()), type);
            sites += type.equals("io.chorus.identity.site-registered.v1") ? 1 : 0;
        }
        org.junit.jupiter.api.Assertions.assertEquals(7, sites, "the seven reference sites, announced once");
    }

    @jakarta.inject.Inject
    jakarta.persistence.EntityManager em;

    @Test
    @jakarta.transaction.Transactional
    void theAuditCannotBeRewritten() {
        // every row as it is, whichever tests wrote them: a rewrite of any row changes the digest
        String digest = "select count(*), md5(string_agg(id || '|' || actor || '|' || action, ',' order by id)) from access_change";
        var before = em.createNativeQuery(digest).getSingleResult();
        em.createNativeQuery("update access_change set actor = 'someone else'").executeUpdate();
        em.createNativeQuery("delete from access_change").executeUpdate();
        var after = em.createNativeQuery(digest).getSingleResult();
        org.junit.jupiter.api.Assertions.assertArrayEquals((Object[]) before, (Object[]) after);
        org.junit.jupiter.api.Assertions.assertEquals(0L, ((Number) em.createNativeQuery(
                "select count(*) from access_change where actor = 'someone else'").getSingleResult()).longValue());
    }
}
