package io.chorus.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 10, finding 1, on the real Keycloak: a role held at one site gives nothing at another. A ULM translator
 * made site lead at BU by BU's lead cannot release or manage at ULM, and keeps nothing of BU once BU revokes
 * them; a BU researcher who translates at ULM cannot back-check ULM transcripts.
 */
@ExtendWith(EmbeddedPlatform.class)
class SiteRolesIT {

    static final String IDENTITY = "identity";
    static final String TRANSCRIPTS = "transcript-service";

    final ChorusClient client = EmbeddedPlatform.client();

    @Test
    void aGrantAtOneSiteGivesNothingAtAnother() throws Exception {
        String admin = client.userToken("admin");
        String person = "escalation-" + UUID.randomUUID().toString().substring(0, 8);
        ChorusClient.Reply invited = client.post(IDENTITY, "/api/sites/ULM/members", admin, "{\"username\":\"" + person
                + "\",\"email\":\"" + person + "@chorus.example\",\"firstName\":\"Esc\",\"lastName\":\"Alation\",\"role\":\"translator\"}");
        assertEquals(201, invited.status(), invited.body().toString());
        KeycloakPeople.setPassword(person);
        String leadBu = client.userToken("lead-bu");
        ChorusClient.Reply promoted = client.post(IDENTITY, "/api/sites/BU/members", leadBu,
                "{\"username\":\"" + person + "\",\"role\":\"site-lead\"}");
        assertEquals(201, promoted.status(), promoted.body().toString());

        String token = client.userToken(person);
        JsonNode claims = KeycloakPeople.decode(token);
        assertEquals("[\"BU:site-lead\",\"ULM:translator\"]", sorted(claims.path("site_roles")));
        assertFalse(claims.path("realm_access").toString().contains("site-lead"), "no realm-wide site role: " + claims);

        String ulmTranscript = pushedAt("ULM");
        String path = "/api/sites/ULM/transcripts/" + ulmTranscript;
        assertEquals(403, client.post(TRANSCRIPTS, path + "/release", token, "").status(), "site lead at BU releases nothing at ULM");
        assertEquals(403, client.post(TRANSCRIPTS, path + "/back-check", token, "").status());
        assertEquals(403, client.post(IDENTITY, "/api/sites/ULM/members", token,
                "{\"username\":\"someone-else\",\"role\":\"translator\"}").status(), "nor manages ULM's members");
        assertEquals(200, client.get(TRANSCRIPTS, path, token).status(), "the ULM translator still reads ULM's transcript");

        // revoking at ULM leaves BU untouched, and revoking at BU leaves nothing
        assertEquals(204, client.delete(IDENTITY, "/api/sites/ULM/members/" + person, admin).status());
        assertEquals("[\"BU:site-lead\"]", sorted(KeycloakPeople.decode(client.userToken(person)).path("site_roles")));
        assertEquals(204, client.delete(IDENTITY, "/api/sites/BU/members/" + person, leadBu).status());
        String revoked = client.userToken(person);
        assertEquals("[]", sorted(KeycloakPeople.decode(revoked).path("site_roles")));
        assertEquals(403, client.post(IDENTITY, "/api/sites/BU/members", revoked,
                "{\"username\":\"someone-else\",\"role\":\"translator\"}").status(), "no site-lead powers left anywhere");
        assertEquals(403, client.get(TRANSCRIPTS, path, revoked).status(), "no role anywhere: refused before any site is looked at");

        // consortium-wide roles: granted and revoked by admins only, and they hold at every site
        String grant = "/api/consortium-roles/analyst/members/" + person;
        assertEquals(403, client.put(IDENTITY, grant, leadBu, "").status());
        ChorusClient.Reply king = client.put(IDENTITY, "/api/consortium-roles/king/members/" + person, admin, "");
        assertEquals(422, king.status());
        assertEquals("role", king.body().path("errors").path(0).path("parameter").asText());
        assertEquals(404, client.put(IDENTITY, "/api/consortium-roles/analyst/members/nobody-" + person, admin, "").status());
        ChorusClient.Reply granted = client.put(IDENTITY, grant, admin, "");
        assertEquals(200, granted.status(), granted.body().toString());
        assertEquals("[\"analyst\"]", granted.body().path("consortiumRoles").toString());
        assertTrue(KeycloakPeople.decode(client.userToken(person)).path("realm_access").toString().contains("analyst"));
        assertEquals(204, client.delete(IDENTITY, grant, admin).status());
        assertFalse(KeycloakPeople.decode(client.userToken(person)).path("realm_access").toString().contains("analyst"));
    }

    @Test
    void aResearcherAtOneSiteWhoTranslatesAtAnotherBackChecksOnlyTheirOwn() {
        String researcher = client.userToken("researcher-bu");
        assertEquals(403, client.post(TRANSCRIPTS, "/api/sites/ULM/transcripts/" + pushedAt("ULM") + "/back-check", researcher, "")
                .status(), "a translator at ULM does not back-check there");
        ChorusClient.Reply own = client.post(TRANSCRIPTS, "/api/sites/BU/transcripts/" + pushedAt("BU") + "/back-check", researcher, "");
        assertEquals(200, own.status(), own.body().toString());
    }

    String pushedAt(String site) {
        ChorusClient.Reply pushed = client.post(TRANSCRIPTS, "/api/sites/" + site + "/transcripts", client.partnerToken(site),
                "{\"externalId\":\"roles-" + UUID.randomUUID() + "\",\"language\":\"de\",\"paragraphs\":[{\"speaker\":\"M\",\"text\":\"Willkommen.\"}]}");
        assertEquals(201, pushed.status(), pushed.body().toString());
        return pushed.body().path("id").asText();
    }

    static String sorted(JsonNode array) {
        java.util.List<String> values = new java.util.ArrayList<>();
        array.forEach(v -> values.add("\"" + v.asText() + "\""));
        return "[" + String.join(",", values.stream().sorted().toList()) + "]";
    }
}
