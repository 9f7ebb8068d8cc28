package io.chorus.deploy;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.microsoft.playwright.Page;
import io.chorus.client.coding.api.ReleasedTranscriptsApi;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** The original language stays with its site in Studio too: a member of the site shows it beside the English, an analyst cannot. */
class StudioOriginalsBrowserIT extends StudioBrowserTest {

    @Test
    void aMemberOfTheSiteShowsTheOriginalBesideTheEnglishAndAnAnalystDoesNot() throws Exception {
        String marker = "Sonnenblume-" + UUID.randomUUID().toString().substring(0, 8);
        String id = AccessSweepIT.releasedGermanAtUlm(client, marker + " Willkommen.", "Danke.");
        String analyst = client.userToken("analyst");
        Awaitility.await().atMost(Duration.ofSeconds(60)).ignoreExceptions()
                .until(() -> Api.coding(ReleasedTranscriptsApi::new, analyst).getReleasedTranscript(id) != null);

        Page lead = browser.signedIn(EmbeddedPlatform.settings().studioUrl(), "/#/transcripts/" + id, "lead-ulm");
        assertThat(lead.locator(".paragraph")).hasCount(2);
        lead.keyboard().press("o");
        assertThat(lead.getByTestId("original").first()).containsText(marker + " Willkommen.");
        assertThat(lead.getByTestId("original").nth(1)).containsText("Danke.");
        assertEquals(List.of(), StudioBrowser.seriousViolations(lead), "axe-core with the original shown");
        StudioBrowser.screenshot(lead, "original-beside-english");

        Page analystPage = browser.signedIn(EmbeddedPlatform.settings().studioUrl(), "/#/transcripts/" + id, "analyst");
        assertThat(analystPage.locator(".paragraph")).hasCount(2);
        assertThat(analystPage.getByText("Show the original")).hasCount(0);
        analystPage.keyboard().press("o");
        assertThat(analystPage.getByTestId("original")).hasCount(0);
        assertThat(analystPage.getByText(marker)).hasCount(0);
        StudioBrowser.screenshot(analystPage, "analyst-english-only");
    }
}
