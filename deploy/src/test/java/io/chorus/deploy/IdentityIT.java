package io.chorus.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 6 on the real Keycloak: an admin registers a site and adds its lead; the lead adds a researcher
 * to their site and fails elsewhere; a partner system is registered, pushes for its site, is rotated and
 * revoked; every change is in the audit.
 */
@ExtendWith(EmbeddedPlatform.class)
class IdentityIT {

    static final String IDENTITY = "identity";
    static final String SITE = "{\"name\":\"Nairobi\",\"country\":\"KE\",\"incomeLevels\":[{\"band\":\"LIC\",\"from\":\"1900-01-01\"},"
            + "{\"band\":\"LMIC\",\"from\":\"2014-07-01\"}],\"languages\":[\"sw\",\"en\"],\"priorPeerSupportExperience\":%s}";

    final ChorusClient client = EmbeddedPlatform.client();

    @Test
    void adminLeadResearcherAndPartnerSystemOnTheRealKeycloak() throws Exception {
        String admin = client.userToken("admin");
        ChorusClient.Reply registered = client.put(IDENTITY, "/api/sites/KE", admin, SITE.formatted("false"));
        assertEquals(201, registered.status(), registered.body().toString());
        assertEquals(200, client.put(IDENTITY, "/api/sites/KE", admin, SITE.formatted("true")).status(), "an update");
        assertEquals(2, client.get(IDENTITY, "/api/sites/KE", admin).body().path("version").asInt());

        // the admin invites the site lead, who sets a password at first login
        ChorusClient.Reply lead = client.post(IDENTITY, "/api/sites/KE/members", admin,
                "{\"username\":\"lead-ke\",\"email\":\"lead-ke@chorus.example\",\"firstName\":\"Site\",\"lastName\":\"Lead\",\"role\":\"site-lead\"}");
        assertEquals(201, lead.status(), lead.body().toString());
        assertEquals("KE", lead.body().path("site").asText());
        assertEquals(List.of("site-lead"), list(lead.body().path("roles")));
        KeycloakPeople.setPassword("lead-ke");
        String leadKe = client.userToken("lead-ke");
        JsonNode me = client.get(IDENTITY, "/api/me", leadKe).body();
        assertEquals("[\"KE\"]", me.path("sites").toString(), "the site group is in the lead's token");
        assertEquals("[\"site-lead\"]", me.path("siteRoles").path("KE").toString(), "the role at that site only");

        // the lead adds a researcher to their own site only, never above their role, never twice
        String researcher = "{\"username\":\"researcher-ke\",\"email\":\"researcher-ke@chorus.example\",\"firstName\":\"Site\",\"lastName\":\"Researcher\",\"role\":\"site-researcher\"}";
        assertEquals(201, client.post(IDENTITY, "/api/sites/KE/members", leadKe, researcher).status());
        assertEquals(409, client.post(IDENTITY, "/api/sites/KE/members", leadKe, researcher).status());
        assertEquals(403, client.post(IDENTITY, "/api/sites/BU/members", leadKe, researcher).status());
        assertEquals(422, client.put(IDENTITY, "/api/sites/KE/members/researcher-ke", leadKe, "{\"role\":\"analyst\"}").status(),
                "analyst is consortium-wide, not a site role");
        assertEquals(403, client.put(IDENTITY, "/api/sites/KE/members/lead-ke", leadKe, "{\"role\":\"site-researcher\"}").status());
        assertEquals(404, client.put(IDENTITY, "/api/sites/KE/members/nobody-here", leadKe, "{\"role\":\"translator\"}").status());
        assertEquals(404, client.post(IDENTITY, "/api/sites/XX/members", admin, researcher).status());
        JsonNode members = client.get(IDENTITY, "/api/sites/KE/members", leadKe).body();
        assertEquals(List.of("lead-ke", "researcher-ke"), sorted(members.findValuesAsText("username")));
        assertEquals(403, client.get(IDENTITY, "/api/sites/BU/members", leadKe).status());
        ChorusClient.Reply changed = client.put(IDENTITY, "/api/sites/KE/members/researcher-ke", leadKe, "{\"role\":\"translator\"}");
        assertEquals(200, changed.status(), changed.body().toString());
        assertEquals(List.of("translator"), list(changed.body().path("roles")));
        KeycloakPeople.setPassword("researcher-ke");
        assertTrue(client.userToken("researcher-ke").length() > 0);
        assertEquals(204, client.delete(IDENTITY, "/api/sites/KE/members/researcher-ke", leadKe).status());
        JsonNode after = KeycloakPeople.decode(client.userToken("researcher-ke"));
        assertFalse(after.path("sites").toString().contains("KE"), "a new token no longer carries the site: " + after);
        assertFalse(after.path("site_roles").toString().contains("KE:"), "nor a role there: " + after);
        assertFalse(after.path("realm_access").path("roles").toString().contains("translator"));

        // a partner system for KE: shown its secret once, pushes for KE only, rotated, revoked
        ChorusClient.Reply partner = client.post(IDENTITY, "/api/sites/KE/partners", leadKe, "{\"name\":\"lab\"}");
        assertEquals(201, partner.status(), partner.body().toString());
        String clientId = partner.body().path("clientId").asText();
        String secret = partner.body().path("secret").asText();
        assertEquals("partner-ke-lab", clientId);
        assertFalse(client.get(IDENTITY, "/api/sites/KE/partners", admin).body().toString().contains(secret), "never listed again");
        String partnerToken = clientToken(clientId, secret);
        JsonNode claims = KeycloakPeople.decode(partnerToken);
        assertEquals("[\"KE\"]", claims.path("sites").toString());
        assertEquals("[\"KE:partner-system\"]", claims.path("site_roles").toString());
        String push = "{\"externalId\":\"ke-1\",\"language\":\"en\",\"paragraphs\":[{\"speaker\":\"M\",\"text\":\"Karibu.\"}]}";
        assertEquals(201, client.post("transcript-service", "/api/sites/KE/transcripts", partnerToken, push).status());
        assertEquals(403, client.post("transcript-service", "/api/sites/BU/transcripts", partnerToken, push).status());
        ChorusClient.Reply rotated = client.post(IDENTITY, "/api/sites/KE/partners/" + clientId + "/secret", admin, "");
        assertEquals(200, rotated.status(), rotated.body().toString());
        String newSecret = rotated.body().path("secret").asText();
        assertNotEquals(secret, newSecret);
        assertEquals(401, tokenStatus(clientId, secret), "the old secret no longer works");
        assertEquals(200, tokenStatus(clientId, newSecret));
        assertEquals(404, client.delete(IDENTITY, "/api/sites/BU/partners/" + clientId, admin).status(), "not BU's partner");
        assertEquals(204, client.delete(IDENTITY, "/api/sites/KE/partners/" + clientId, admin).status());
        assertNotEquals(200, tokenStatus(clientId, newSecret), "a revoked partner obtains no token");

        // the audit: every change, who did it, for which site; consortium admins only
        JsonNode audit = client.get(IDENTITY, "/api/audit/access-changes?site=KE", admin).body();
        assertEquals(List.of("partner-revoked", "partner-secret-rotated", "partner-registered", "member-revoked", "role-changed",
                "member-invited", "member-invited", "site-updated", "site-registered"), audit.findValuesAsText("action"));
        assertEquals("lead-ke", audit.path("items").path(2).path("actor").asText());
        assertEquals(403, client.get(IDENTITY, "/api/audit/access-changes", leadKe).status());
    }

    String clientToken(String clientId, String secret) throws Exception {
        return KeycloakPeople.form(EmbeddedPlatform.settings().realmUrl() + "/protocol/openid-connect/token",
                Map.of("grant_type", "client_credentials", "client_id", clientId, "client_secret", secret)).path("access_token").asText();
    }

    int tokenStatus(String clientId, String secret) throws Exception {
        return KeycloakPeople.post(EmbeddedPlatform.settings().realmUrl() + "/protocol/openid-connect/token",
                Map.of("grant_type", "client_credentials", "client_id", clientId, "client_secret", secret)).statusCode();
    }

    static List<String> list(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }

    static List<String> sorted(List<String> values) {
        return values.stream().sorted().toList();
    }
}
