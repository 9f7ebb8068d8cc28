package io.chorus.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The walking skeleton on real Keycloak tokens, Kafka, PostgreSQL and the MongoDB stand-in. */
@ExtendWith(EmbeddedPlatform.class)
class WalkingSkeletonIT {

    static final String TRANSCRIPTS = "transcript-service";
    static final String CODING = "coding-service";
    static final String REPORTING = "reporting-service";

    final ChorusClient client = EmbeddedPlatform.client();

    static String transcript(String externalId) {
        return """
                {"externalId":"%s","language":"en","title":"FGD Pune",
                 "paragraphs":[{"speaker":"M","text":"What do you expect from peer support workers?"},
                               {"speaker":"P3","text":"They have lived it; that builds trust."}]}"""
                .formatted(externalId);
    }

    static long releasedCount(ChorusClient client, String token, String site) {
        JsonNode sites = client.get(REPORTING, "/api/reports/progress", token).body().path("rows");
        for (JsonNode row : sites) {
            if (row.path("site").asText().equals(site)) {
                return row.path("released").asLong();
            }
        }
        return 0;
    }

    @Test
    void partnerPushesLeadReleasesCodingListsAndReportingCounts() {
        String partner = client.partnerToken("PU");
        String analyst = client.userToken("analyst");
        long before = releasedCount(client, analyst, "PU");

        ChorusClient.Reply pushed = client.post(TRANSCRIPTS, "/api/sites/PU/transcripts", partner, transcript("pu-" + UUID.randomUUID()));
        assertEquals(201, pushed.status(), pushed.body().toString());
        String id = pushed.body().path("id").asText();
        assertEquals("PU 2", pushed.body().path("paragraphs").path(1).path("label").asText());

        String base = "/api/sites/PU/transcripts/" + id;
        String lead = client.userToken("lead-pu");
        assertEquals(409, client.post(TRANSCRIPTS, base + "/release", lead, "").status(), "not reviewed yet");
        assertEquals("translated", client.post(TRANSCRIPTS, base + "/back-check", lead, "").body().path("status").asText());
        assertEquals(200, client.post(TRANSCRIPTS, base + "/reviews", client.userToken("translator-a"), "").status());
        assertEquals("reviewed", client.post(TRANSCRIPTS, base + "/reviews", client.userToken("translator-b"), "")
                .body().path("status").asText());
        ChorusClient.Reply released = client.post(TRANSCRIPTS, base + "/release", lead, "");
        assertEquals(200, released.status(), released.body().toString());
        assertEquals("released", released.body().path("status").asText());

        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            ChorusClient.Reply coded = client.get(CODING, "/api/transcripts/" + id, analyst);
            assertEquals(200, coded.status(), coded.body().toString());
            assertEquals("PU", coded.body().path("site").asText());
            assertEquals("They have lived it; that builds trust.", coded.body().path("paragraphs").path(1).path("english").asText());
        });
        JsonNode listed = client.get(CODING, "/api/transcripts?site=PU&size=200", analyst).body().path("items");
        assertTrue(listed.findValuesAsText("id").contains(id), "the analyst lists the released transcript");
        Awaitility.await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertEquals(before + 1, releasedCount(client, analyst, "PU")));
    }

    @Test
    void theSitePartnerCannotPushForAnotherSite() {
        ChorusClient.Reply refused = client.post(TRANSCRIPTS, "/api/sites/BU/transcripts", client.partnerToken("PU"),
                transcript("foreign-" + UUID.randomUUID()));
        assertEquals(403, refused.status());
        assertEquals("application/problem+json", refused.contentType());
        assertEquals(0, client.get(TRANSCRIPTS, "/api/sites/BU/transcripts", client.partnerToken("BU")).body().path("items")
                .findValuesAsText("externalId").stream().filter(e -> e.startsWith("foreign-")).count());
    }

    @Test
    void anotherSitesObjectIsNotFound() {
        String id = client.post(TRANSCRIPTS, "/api/sites/BU/transcripts", client.partnerToken("BU"), transcript("bu-" + UUID.randomUUID()))
                .body().path("id").asText();
        String leadUlm = client.userToken("lead-ulm");
        assertEquals(404, client.get(TRANSCRIPTS, "/api/sites/BU/transcripts/" + id, leadUlm).status());
        assertEquals(404, client.post(TRANSCRIPTS, "/api/sites/BU/transcripts/" + id + "/release", leadUlm, "").status());
        assertEquals(200, client.get(TRANSCRIPTS, "/api/sites/BU/transcripts/" + id, client.userToken("lead-bu")).status());
    }

    @Test
    void everyApiNeedsATokenAndRolesAreEnforced() {
        for (String service : List.of(TRANSCRIPTS, CODING, REPORTING, "identity")) {
            String path = switch (service) {
                case TRANSCRIPTS -> "/api/sites/BU/transcripts";
                case CODING -> "/api/transcripts";
                case REPORTING -> "/api/reports/progress";
                default -> "/api/me";
            };
            assertEquals(401, client.get(service, path, null).status(), service + " without a token");
            assertEquals(200, client.get(service, "/q/health/ready", null).status(), service + " health is public");
            assertEquals(200, client.get(service, "/q/openapi?format=json", null).status(), service + " OpenAPI is public");
        }
        ChorusClient.Reply forbidden = client.post(TRANSCRIPTS, "/api/sites/BU/transcripts", client.userToken("analyst"),
                transcript("analyst-" + UUID.randomUUID()));
        assertEquals(403, forbidden.status(), "an analyst token on a partner-only endpoint");
        assertEquals(403, client.get(REPORTING, "/api/reports/progress", client.partnerToken("BU")).status());
    }

    @Test
    void tokensCarryTheSitesOfTheCallersGroups() {
        JsonNode me = client.get("identity", "/api/me", client.partnerToken("DS")).body();
        assertEquals("[\"DS\"]", me.path("sites").toString());
        assertEquals("[\"partner-system\"]", me.path("siteRoles").path("DS").toString());
        JsonNode lead = client.get("identity", "/api/me", client.userToken("lead-bu")).body();
        assertEquals("[\"BU\"]", lead.path("sites").toString());
    }
}
