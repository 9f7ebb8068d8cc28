package io.chorus.deploy;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.chorus.client.coding.api.CodingApi;
import io.chorus.client.coding.model.CodingView;
import io.chorus.client.transcript.model.ParagraphPush;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** Search in Studio: keyword in context, the export with its progress, and coding all hits with its preview and undo. */
class StudioSearchBrowserIT extends StudioBrowserTest {

    @Test
    void anAnalystSearchesExportsTheHitsCodesThemAllAndUndoesIt() throws Exception {
        String analyst = client.userToken("analyst");
        // a word no other test writes, so that the hits are this test's own
        String word = "kestrel" + UUID.randomUUID().toString().replaceAll("[^a-f]", "");
        CodableTranscript transcript = CodableTranscript.release(client, "Studio search", List.of(
                new ParagraphPush().speaker("M").text("Who do you talk to about the " + word + " group?"),
                new ParagraphPush().speaker("P3").text("Nobody, really."),
                new ParagraphPush().speaker("P4").text("The " + word + " group meets on Fridays; the peer worker runs it.")));

        Page page = browser.signedIn(EmbeddedPlatform.settings().studioUrl(), "/#/search", "analyst");
        page.getByLabel("Words").fill(word);
        page.getByLabel("Study").fill(transcript.study().code());
        page.getByLabel("Words").press("Enter");
        assertThat(page.getByTestId("hit")).hasCount(2);
        assertThat(page.getByTestId("hit").first().locator("mark")).hasText(word);
        assertThat(page.getByTestId("hit").last()).containsText("BU 3");
        assertEquals(List.of(), StudioBrowser.seriousViolations(page), "axe-core on search");

        Download download = page.waitForDownload(() ->
                page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Export as CSV")).click());
        assertThat(page.getByRole(AriaRole.STATUS).first()).containsText("Exported");
        String csv = Files.readString(download.path());
        assertEquals(2, csv.lines().filter(line -> line.contains(word)).count(), csv);

        page.locator("code-all-hits select").first().selectOption(transcript.codebook().getId().toString());
        page.locator("code-all-hits select[name=code]").selectOption(transcript.codable().get(2).getId().toString());
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Preview")).click();
        assertThat(page.getByTestId("preview")).containsText("Would make 2 codings in 1 transcripts from 2 hits");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Code 2 passages")).click();
        assertThat(page.getByTestId("bulk-result")).containsText("Coded 2 passages, skipped 0");
        StudioBrowser.screenshot(page, "search-coded");
        List<CodingView> coded = Api.coding(CodingApi::new, analyst).listTranscriptCodings(transcript.id(), null, null).getItems();
        assertEquals(List.of(1, 3), coded.stream().map(CodingView::getFirstParagraph).sorted().toList());
        assertEquals(List.of(transcript.codable().get(2).getId()), coded.stream().map(CodingView::getCodeId).distinct().toList());

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Undo")).click();
        assertThat(page.getByTestId("bulk-result")).containsText("Undone: 2 codings removed");
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() ->
                Api.coding(CodingApi::new, analyst).listTranscriptCodings(transcript.id(), null, null).getItems().isEmpty());

        page.getByTestId("hit").last().getByRole(AriaRole.LINK).click();
        assertThat(page.locator(".paragraph.focused")).containsText("Fridays");
    }
}
