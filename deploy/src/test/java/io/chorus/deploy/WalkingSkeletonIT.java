package io.chorus.deploy;

import static io.chorus.deploy.Api.assertRefused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chorus.client.coding.api.ReleasedTranscriptsApi;
import io.chorus.client.identity.api.IdentityApi;
import io.chorus.client.identity.model.Me;
import io.chorus.client.reporting.api.ReportsApi;
import io.chorus.client.transcript.api.TranscriptWorkflowApi;
import io.chorus.client.transcript.api.TranscriptsApi;
import io.chorus.client.transcript.model.ParagraphPush;
import io.chorus.client.transcript.model.TranscriptPush;
import io.chorus.client.transcript.model.TranscriptView;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The walking skeleton on real Keycloak tokens, Kafka, PostgreSQL and the MongoDB stand-in, through the generated clients. */
@ExtendWith(EmbeddedPlatform.class)
class WalkingSkeletonIT {

    final ChorusClient client = EmbeddedPlatform.client();

    static TranscriptPush transcript(String externalId) {
        return new TranscriptPush().externalId(externalId).language("en").title("FGD Pune").paragraphs(List.of(
                new ParagraphPush().speaker("M").text("What do you expect from peer support workers?"),
                new ParagraphPush().speaker("P3").text("They have lived it; that builds trust.")));
    }

    /** Released transcripts of one site in one study, as reporting counts them (the study keeps other tests' out). */
    static long releasedCount(String token, String site, String study) throws Exception {
        for (Map<String, ?> row : Api.reporting(ReportsApi::new, token).getProgressReport(null, null, study).getRows()) {
            if (site.equals(Api.cell(row, "site"))) {
                return ((Number) Api.cell(row, "released")).longValue();
            }
        }
        return 0;
    }

    /** Waits until reporting counts {@code expected} released transcripts of the site in the test's own study. */
    static void awaitReleased(ChorusClient client, String site, OwnStudy study, long expected) {
        String analyst = client.userToken("analyst");
        Awaitility.await().atMost(Duration.ofSeconds(60)).ignoreExceptions()
                .untilAsserted(() -> assertEquals(expected, releasedCount(analyst, site, study.code())));
    }

    /** Push, back-check, two reviews and release, as the site and the translation team do it. */
    static TranscriptView released(ChorusClient client, String site, TranscriptPush push) throws Exception {
        String id = Api.transcripts(TranscriptsApi::new, client.partnerToken(site)).pushTranscript(site, push, null).getId();
        String lead = client.userToken("lead-" + site.toLowerCase());
        Api.transcripts(TranscriptWorkflowApi::new, lead).backCheckTranscript(site, id, null);
        Api.transcripts(TranscriptWorkflowApi::new, client.userToken("translator-a")).reviewTranscript(site, id, null);
        Api.transcripts(TranscriptWorkflowApi::new, client.userToken("translator-b")).reviewTranscript(site, id, null);
        return Api.transcripts(TranscriptWorkflowApi::new, lead).releaseTranscript(site, id, null);
    }

    @Test
    void partnerPushesLeadReleasesCodingListsAndReportingCounts() throws Exception {
        String analyst = client.userToken("analyst");
        OwnStudy study = OwnStudy.register(client, "Walking skeleton");
        String session = study.session(client, "PU");

        TranscriptView pushed = Api.transcripts(TranscriptsApi::new, client.partnerToken("PU"))
                .pushTranscript("PU", transcript("pu-" + UUID.randomUUID()).session(session), null);
        String id = pushed.getId();
        assertEquals("PU 2", pushed.getParagraphs().get(1).getLabel());

        String lead = client.userToken("lead-pu");
        var workflow = Api.transcripts(TranscriptWorkflowApi::new, lead);
        assertRefused(409, () -> workflow.releaseTranscript("PU", id, null));
        assertEquals("translated", workflow.backCheckTranscript("PU", id, null).getStatus());
        Api.transcripts(TranscriptWorkflowApi::new, client.userToken("translator-a")).reviewTranscript("PU", id, null);
        assertEquals("reviewed", Api.transcripts(TranscriptWorkflowApi::new, client.userToken("translator-b"))
                .reviewTranscript("PU", id, null).getStatus());
        assertEquals("released", workflow.releaseTranscript("PU", id, null).getStatus());

        var coding = Api.coding(ReleasedTranscriptsApi::new, analyst);
        Awaitility.await().atMost(Duration.ofSeconds(30)).ignoreExceptions().untilAsserted(() -> {
            var coded = coding.getReleasedTranscript(id);
            assertEquals("PU", coded.getSite());
            assertEquals("They have lived it; that builds trust.", coded.getParagraphs().get(1).getEnglish());
        });
        assertTrue(coding.listReleasedTranscripts(null, null, null, null, "PU", 200, study.code()).getItems().stream().anyMatch(t -> t.getId().equals(id)),
                "the analyst lists the released transcript");
        awaitReleased(client, "PU", study, 1);
    }

    @Test
    void theSitePartnerCannotPushForAnotherSite() throws Exception {
        assertRefused(403, () -> Api.transcripts(TranscriptsApi::new, client.partnerToken("PU"))
                .pushTranscript("BU", transcript("foreign-" + UUID.randomUUID()), null));
        assertEquals(0, Api.transcripts(TranscriptsApi::new, client.partnerToken("BU")).listTranscripts("BU", null, null, 200, null).getItems()
                .stream().filter(t -> t.getExternalId().startsWith("foreign-")).count());
    }

    @Test
    void anotherSitesObjectIsNotFound() throws Exception {
        String id = Api.transcripts(TranscriptsApi::new, client.partnerToken("BU")).pushTranscript("BU", transcript("bu-" + UUID.randomUUID()), null)
                .getId();
        String leadUlm = client.userToken("lead-ulm");
        assertRefused(404, () -> Api.transcripts(TranscriptsApi::new, leadUlm).getTranscript("BU", id));
        assertRefused(404, () -> Api.transcripts(TranscriptWorkflowApi::new, leadUlm).releaseTranscript("BU", id, null));
        assertEquals(id, Api.transcripts(TranscriptsApi::new, client.userToken("lead-bu")).getTranscript("BU", id).getId());
    }

    @Test
    void everyApiNeedsATokenAndRolesAreEnforced() throws Exception {
        assertRefused(401, () -> Api.transcripts(TranscriptsApi::new, null).listTranscripts("BU", null, null, null, null));
        assertRefused(401, () -> Api.coding(ReleasedTranscriptsApi::new, null).listReleasedTranscripts(null, null, null, null, null, null, null));
        assertRefused(401, () -> Api.reporting(ReportsApi::new, null).getProgressReport(null, null, null));
        assertRefused(401, () -> Api.identity(IdentityApi::new, null).getMe());
        for (String service : List.of("transcript-service", "coding-service", "reporting-service", "identity")) {
            // health and the contract itself are public, and not part of the contract
            assertEquals(200, client.get(service, "/q/health/ready", null).status(), service + " health is public");
            assertEquals(200, client.get(service, "/q/openapi?format=json", null).status(), service + " OpenAPI is public");
        }
        assertRefused(403, () -> Api.transcripts(TranscriptsApi::new, client.userToken("analyst"))
                .pushTranscript("BU", transcript("analyst-" + UUID.randomUUID()), null));
        assertRefused(403, () -> Api.reporting(ReportsApi::new, client.partnerToken("BU")).getProgressReport(null, null, null));
    }

    @Test
    void tokensCarryTheSitesOfTheCallersGroups() throws Exception {
        Me partner = Api.identity(IdentityApi::new, client.partnerToken("DS")).getMe();
        assertEquals(Set.of("DS"), partner.getSites());
        assertEquals(Map.of("DS", Set.of("partner-system")), partner.getSiteRoles());
        assertEquals(Set.of("BU"), Api.identity(IdentityApi::new, client.userToken("lead-bu")).getMe().getSites());
    }
}
