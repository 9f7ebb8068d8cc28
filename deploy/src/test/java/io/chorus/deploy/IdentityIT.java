package io.chorus.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import static io.chorus.deploy.Api.assertRefused;

import com.fasterxml.jackson.databind.JsonNode;
import io.chorus.client.identity.api.AuditApi;
import io.chorus.client.identity.api.IdentityApi;
import io.chorus.client.identity.api.PartnerSystemsApi;
import io.chorus.client.identity.api.SiteMembersApi;
import io.chorus.client.identity.api.SitesApi;
import io.chorus.client.identity.model.AccessChange;
import io.chorus.client.identity.model.Credentials;
import io.chorus.client.identity.model.IncomeBand;
import io.chorus.client.identity.model.Me;
import io.chorus.client.identity.model.Member;
import io.chorus.client.identity.model.NewMember;
import io.chorus.client.identity.model.NewPartner;
import io.chorus.client.identity.model.RoleChange;
import io.chorus.client.identity.model.SiteData;
import io.chorus.client.transcript.api.TranscriptsApi;
import io.chorus.client.transcript.model.ParagraphPush;
import io.chorus.client.transcript.model.TranscriptPush;
import java.time.LocalDate;
import java.util.Set;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 6 on the real Keycloak: an admin registers a site and adds its lead; the lead adds a researcher
 * to their site and fails elsewhere; a partner system is registered, pushes for its site, is rotated and
 * revoked; every change is in the audit. Through the generated identity client.
 */
@ExtendWith(EmbeddedPlatform.class)
class IdentityIT {

    static final String IDENTITY = "identity";

    final ChorusClient client = EmbeddedPlatform.client();

    static SiteData nairobi(boolean priorPeerSupport) {
        return new SiteData().name("Nairobi").country("KE").incomeLevels(List.of(
                        new IncomeBand().band(IncomeBand.BandEnum.LIC).from(LocalDate.parse("1900-01-01")),
                        new IncomeBand().band(IncomeBand.BandEnum.LMIC).from(LocalDate.parse("2014-07-01"))))
                .languages(List.of("sw", "en")).priorPeerSupportExperience(priorPeerSupport);
    }

    static NewMember member(String username, NewMember.RoleEnum role) {
        return new NewMember().username(username).email(username + "@chorus.example").firstName("Site").lastName("Member").role(role);
    }

    /** Issue 27: If-Match holds atomically with the write, so of several admins sending the same ETag at once one wins. */
    @Test
    void adminsSendingTheSameETagAtOnceReplaceASiteOnce() throws Exception {
        SitesApi sites = Api.identity(SitesApi::new, client.userToken("admin"));
        String code = "Q" + new java.util.Random().ints(4, 'A', 'Z' + 1).collect(StringBuilder::new, StringBuilder::appendCodePoint,
                StringBuilder::append);
        sites.registerSite(code, nairobi(false), null);
        String tag = sites.getSiteWithHttpInfo(code).getHeaders().get("etag").get(0);
        int writers = 6;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(writers);
        java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
        List<java.util.concurrent.Future<Integer>> statuses = new ArrayList<>();
        for (int i = 0; i < writers; i++) {
            SiteData data = nairobi(i % 2 == 0).name("Nairobi, writer " + i);
            statuses.add(pool.submit(() -> {
                go.await();
                return Api.statusOf(() -> sites.registerSite(code, data, tag));
            }));
        }
        go.countDown();
        List<Integer> answered = new ArrayList<>();
        for (var status : statuses) {
            answered.add(status.get());
        }
        pool.shutdown();
        assertEquals(1, answered.stream().filter(s -> s == 200).count(), answered.toString());
        assertEquals(writers - 1, answered.stream().filter(s -> s == 412).count(), answered.toString());
        assertEquals(2, sites.getSite(code).getVersion(), "one replacement, none lost under another");
    }

    @Test
    void adminLeadResearcherAndPartnerSystemOnTheRealKeycloak() throws Exception {
        String admin = client.userToken("admin");
        SitesApi sites = Api.identity(SitesApi::new, admin);
        assertEquals(201, sites.registerSiteWithHttpInfo("KE", nairobi(false), null).getStatusCode());
        var updated = sites.registerSiteWithHttpInfo("KE", nairobi(true), null);
        assertEquals(200, updated.getStatusCode(), "an update");
        assertEquals(2, sites.getSite("KE").getVersion());
        String siteTag = sites.getSiteWithHttpInfo("KE").getHeaders().get("etag").get(0);
        assertRefused(412, () -> sites.registerSite("KE", nairobi(true), "\"an-old-etag\""));
        sites.registerSite("KE", nairobi(true), siteTag);

        // the admin invites the site lead, who sets a password at first login
        Member lead = Api.identity(SiteMembersApi::new, admin).addMember("KE", member("lead-ke", NewMember.RoleEnum.SITE_LEAD), null);
        assertEquals("KE", lead.getSite());
        assertEquals(Set.of("site-lead"), lead.getRoles());
        KeycloakPeople.setPassword("lead-ke");
        String leadKe = client.userToken("lead-ke");
        Me me = Api.identity(IdentityApi::new, leadKe).getMe();
        assertEquals(Set.of("KE"), me.getSites(), "the site group is in the lead's token");
        assertEquals(Map.of("KE", Set.of("site-lead")), me.getSiteRoles(), "the role at that site only");

        // the lead adds a researcher to their own site only, never above their role, never twice
        SiteMembersApi members = Api.identity(SiteMembersApi::new, leadKe);
        NewMember researcher = member("researcher-ke", NewMember.RoleEnum.SITE_RESEARCHER);
        members.addMember("KE", researcher, null);
        assertRefused(409, () -> members.addMember("KE", researcher, null));
        assertRefused(403, () -> members.addMember("BU", researcher, null));
        // analyst is consortium-wide: the contract's enum does not offer it, so this refusal is sent raw
        assertEquals(422, client.put(IDENTITY, "/api/sites/KE/members/researcher-ke", leadKe, "{\"role\":\"analyst\"}").status());
        assertRefused(403, () -> members.changeMemberRoles("KE", "lead-ke", new RoleChange().role(RoleChange.RoleEnum.SITE_RESEARCHER)));
        assertRefused(404, () -> members.changeMemberRoles("KE", "nobody-here", new RoleChange().role(RoleChange.RoleEnum.TRANSLATOR)));
        assertRefused(404, () -> Api.identity(SiteMembersApi::new, admin).addMember("XX", researcher, null));
        assertEquals(List.of("lead-ke", "researcher-ke"), members.listMembers("KE").stream().map(Member::getUsername).sorted().toList());
        assertRefused(403, () -> members.listMembers("BU"));
        assertEquals(Set.of("translator"), members.changeMemberRoles("KE", "researcher-ke",
                new RoleChange().role(RoleChange.RoleEnum.TRANSLATOR)).getRoles());
        KeycloakPeople.setPassword("researcher-ke");
        assertTrue(client.userToken("researcher-ke").length() > 0);
        members.revokeMember("KE", "researcher-ke");
        JsonNode after = KeycloakPeople.decode(client.userToken("researcher-ke"));
        assertFalse(after.path("sites").toString().contains("KE"), "a new token no longer carries the site: " + after);
        assertFalse(after.path("site_roles").toString().contains("KE:"), "nor a role there: " + after);
        assertFalse(after.path("realm_access").path("roles").toString().contains("translator"));

        // a partner system for KE: shown its secret once, pushes for KE only, rotated, revoked
        Credentials partner = Api.identity(PartnerSystemsApi::new, leadKe).registerPartner("KE", new NewPartner().name("lab"), null);
        String clientId = partner.getClientId();
        String secret = partner.getSecret();
        assertEquals("partner-ke-lab", clientId);
        PartnerSystemsApi partners = Api.identity(PartnerSystemsApi::new, admin);
        assertFalse(partners.listPartners("KE").toString().contains(secret), "never listed again");
        String partnerToken = clientToken(clientId, secret);
        JsonNode claims = KeycloakPeople.decode(partnerToken);
        assertEquals("[\"KE\"]", claims.path("sites").toString());
        assertEquals("[\"KE:partner-system\"]", claims.path("site_roles").toString());
        TranscriptPush push = new TranscriptPush().externalId("ke-1").language("en")
                .paragraphs(List.of(new ParagraphPush().speaker("M").text("Karibu.")));
        TranscriptsApi transcripts = Api.transcripts(TranscriptsApi::new, partnerToken);
        assertEquals(201, transcripts.pushTranscriptWithHttpInfo("KE", push, null).getStatusCode());
        assertRefused(403, () -> transcripts.pushTranscript("BU", push, null));
        // issue 27: a machine client holds only its partner role, and the site lead sees it among the site's principals
        String account = "service-account-" + clientId;
        Api.Refusal person = Api.refused(() -> members.changeMemberRoles("KE", account,
                new RoleChange().role(RoleChange.RoleEnum.SITE_RESEARCHER)));
        assertEquals(422, person.status(), String.valueOf(person.problem()));
        assertEquals("/role", person.problem().path("errors").path(0).path("pointer").asText());
        Member machine = members.listMembers("KE").stream().filter(m -> m.getUsername().equals(account)).findFirst().orElseThrow();
        assertEquals(Set.of("partner-system"), machine.getRoles());
        assertEquals("partner-system", String.valueOf(machine.getKind()));
        String newSecret = partners.rotatePartnerSecret("KE", clientId, null).getSecret();
        assertNotEquals(secret, newSecret);
        assertEquals(401, tokenStatus(clientId, secret), "the old secret no longer works");
        assertEquals(200, tokenStatus(clientId, newSecret));
        assertRefused(404, () -> partners.revokePartner("BU", clientId));
        partners.revokePartner("KE", clientId);
        assertNotEquals(200, tokenStatus(clientId, newSecret), "a revoked partner obtains no token");

        // the audit: every change, who did it, for which site; consortium admins only
        List<AccessChange> audit = Api.identity(AuditApi::new, admin).listAccessChanges(null, null, null, "KE", null, null).getItems();
        assertEquals(List.of("partner-revoked", "partner-secret-rotated", "partner-registered", "member-revoked", "role-changed",
                "member-invited", "member-invited", "site-updated", "site-updated", "site-registered"),
                audit.stream().map(AccessChange::getAction).toList());
        assertEquals("lead-ke", audit.get(2).getActor());
        assertRefused(403, () -> Api.identity(AuditApi::new, leadKe).listAccessChanges(null, null, null, null, null, null));
    }

    String clientToken(String clientId, String secret) throws Exception {
        return KeycloakPeople.form(EmbeddedPlatform.settings().realmUrl() + "/protocol/openid-connect/token",
                Map.of("grant_type", "client_credentials", "client_id", clientId, "client_secret", secret)).path("access_token").asText();
    }

    static int tokenStatus(String clientId, String secret) throws Exception {
        return KeycloakPeople.post(EmbeddedPlatform.settings().realmUrl() + "/protocol/openid-connect/token",
                Map.of("grant_type", "client_credentials", "client_id", clientId, "client_secret", secret)).statusCode();
    }
}
