package io.chorus.deploy;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.chorus.client.transcript.api.ParticipantsApi;
import io.chorus.client.transcript.api.TranscriptsApi;
import io.chorus.client.transcript.model.ParagraphPush;
import io.chorus.client.transcript.model.ParticipantData;
import io.chorus.client.transcript.model.TranscriptPush;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A withdrawal of consent in Studio: the confirmation says what is erased, and the participant's turns read [withdrawn] after it. */
class StudioWithdrawalBrowserIT extends StudioBrowserTest {

    @Test
    void aWithdrawalIsConfirmedAndTheParticipantsWordsAreGone() throws Exception {
        String number = "W" + UUID.randomUUID().toString().substring(0, 6).toUpperCase().replace("-", "");
        String partner = client.partnerToken("BU");
        Api.transcripts(ParticipantsApi::new, partner).putParticipant("BU", number, new ParticipantData().age(41).role("PSW")
                .gender(ParticipantData.GenderEnum.FEMALE), null);
        String id = Api.transcripts(TranscriptsApi::new, partner).pushTranscript("BU", new TranscriptPush()
                .externalId("withdrawal-" + UUID.randomUUID()).language("lg").paragraphs(List.of(
                        new ParagraphPush().speaker("M").text("Mwebale kujja."),
                        new ParagraphPush().speaker(number).text("Nze ndi musawo mu ddwaliro."))), null).getId();

        Page researcher = browser.signedIn(EmbeddedPlatform.settings().studioUrl(), "/#/intake/BU/participants", "researcher-bu");
        // from the keyboard: Enter finds; on the button, Enter asks; the answer takes the focus, and Enter confirms
        researcher.getByLabel("Find participant").fill(number);
        researcher.getByLabel("Find participant").press("Enter");
        Locator row = researcher.locator("tr[data-number='" + number + "']");
        assertThat(row).containsText("given");
        row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Withdraw consent")).focus();
        researcher.keyboard().press("Enter");
        Locator question = row.getByRole(AriaRole.ALERTDIALOG);
        assertThat(question).containsText("replaced by [withdrawn]");
        assertThat(question).containsText("cannot be undone");
        assertEquals(List.of(), StudioBrowser.seriousViolations(researcher), "axe-core on the withdrawal's confirmation");
        StudioBrowser.screenshot(researcher, "withdrawal-confirmation");
        assertThat(question.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Yes, withdraw consent"))).isFocused();
        researcher.keyboard().press("Enter");
        assertThat(researcher.getByRole(AriaRole.STATUS).filter(new Locator.FilterOptions().setHasText("Consent of")))
                .containsText("1 paragraphs redacted in 1 transcripts");
        assertThat(row).containsText("withdrawn");

        researcher.navigate(EmbeddedPlatform.settings().studioUrl() + "/#/intake/BU/transcripts/" + id);
        Locator paragraphs = researcher.getByTestId("paragraphs").locator("tbody tr");
        assertThat(paragraphs.nth(1)).containsText("[withdrawn]");
        assertThat(researcher.getByText("Nze ndi musawo")).hasCount(0);
        assertThat(paragraphs.nth(0)).containsText("Mwebale kujja.");
        StudioBrowser.screenshot(researcher, "withdrawal-effect");

        researcher.navigate(EmbeddedPlatform.settings().studioUrl() + "/#/intake/BU/sessions");
        assertThat(researcher.getByTestId("sessions")).isVisible();
        assertEquals(List.of(), StudioBrowser.seriousViolations(researcher), "axe-core on the sessions");
    }

    @Test
    void aSiteLeadAsksForAParticipantsDataAndDownloadsTheArchive() throws Exception {
        String number = "D" + UUID.randomUUID().toString().substring(0, 6).toUpperCase().replace("-", "");
        Api.transcripts(ParticipantsApi::new, client.partnerToken("BU")).putParticipant("BU", number, new ParticipantData().age(35)
                .role("MHW"), null);
        Page lead = browser.signedIn(EmbeddedPlatform.settings().studioUrl(), "/#/intake/BU/participants", "lead-bu");
        lead.getByLabel("Find participant").fill(number);
        lead.getByLabel("Find participant").press("Enter");
        Locator row = lead.locator("tr[data-number='" + number + "']");
        row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Ask for their data")).click();
        Locator download = row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Download their data (.zip)"));
        assertThat(download).isVisible(new com.microsoft.playwright.assertions.LocatorAssertions.IsVisibleOptions().setTimeout(60_000));
        com.microsoft.playwright.Download archive = lead.waitForDownload(download::click);
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(archive.path().toFile())) {
            String participant = new String(zip.getInputStream(zip.getEntry("participant.json")).readAllBytes(),
                    java.nio.charset.StandardCharsets.UTF_8);
            org.junit.jupiter.api.Assertions.assertTrue(participant.contains(number), participant);
        }
        assertThat(lead.getByRole(AriaRole.STATUS).filter(new Locator.FilterOptions().setHasText("downloaded"))).isVisible();
    }
}
