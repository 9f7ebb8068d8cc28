package io.chorus.deploy;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.chorus.client.coding.api.CodingApi;
import io.chorus.client.coding.api.MemosApi;
import io.chorus.client.coding.model.CodingUpdate;
import io.chorus.client.coding.model.CodingView;
import io.chorus.client.coding.model.MemoView;
import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** Changing a coding in Studio while someone else changes it (412), and memos on a passage and a code, from the keyboard. */
class StudioEditingBrowserIT extends StudioBrowserTest {

    @Test
    void aCodingChangedMeanwhileIsReloadedAndTheUsersChoiceIsKept() throws Exception {
        String analyst = client.userToken("analyst");
        CodableTranscript transcript = CodableTranscript.release(client, "Studio editing");
        Page page = browser.signedIn(EmbeddedPlatform.settings().studioUrl(), "/#/transcripts/" + transcript.id(), "analyst");
        assertThat(page.locator(".paragraph")).hasCount(2);
        page.keyboard().press("1");
        assertThat(page.getByTestId("coding")).hasCount(1);
        CodingView coding = Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> Api.coding(CodingApi::new, analyst)
                .listTranscriptCodings(transcript.id(), null, null).getItems(), items -> items.size() == 1).get(0);

        page.keyboard().press("e");
        assertThat(page.getByRole(AriaRole.DIALOG)).containsText("Coding of paragraph 1");
        // the same coding changed elsewhere (another tab, a colleague's script) after the dialog read it
        CodingApi codings = Api.coding(CodingApi::new, analyst);
        String etag = codings.getCodingWithHttpInfo(coding.getId()).getHeaders().get("etag").get(0);
        codings.updateCoding(coding.getId(), etag, new CodingUpdate().codeId(coding.getCodeId()).firstParagraph(1).lastParagraph(1)
                .valence(CodingUpdate.ValenceEnum.BARRIER));

        page.getByRole(AriaRole.DIALOG).locator("select[name=code]").selectOption(transcript.codable().get(1).getId().toString());
        page.getByLabel("Valence").selectOption("facilitator");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save")).click();
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("Someone changed this coding while you had it open");
        StudioBrowser.screenshot(page, "coding-conflict");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Reload, keep my choice")).click();
        assertThat(page.getByRole(AriaRole.DIALOG)).containsText("their version has");
        assertThat(page.getByRole(AriaRole.DIALOG)).containsText("barrier");
        assertThat(page.getByLabel("Valence")).hasValue("facilitator");
        assertEquals(List.of(), StudioBrowser.seriousViolations(page), "axe-core on the coding dialog");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save")).click();
        assertThat(page.getByRole(AriaRole.DIALOG)).hasCount(0);
        assertThat(page.getByTestId("coding")).containsText(transcript.codable().get(1).getName());

        CodingView changed = codings.getCoding(coding.getId());
        assertEquals(transcript.codable().get(1).getId(), changed.getCodeId());
        assertEquals("facilitator", changed.getValence());
    }

    @Test
    void aSelectedSpanIsCodedAtItsOffsetsAndHighlighted() throws Exception {
        String analyst = client.userToken("analyst");
        CodableTranscript transcript = CodableTranscript.release(client, "Studio span");
        Page page = browser.signedIn(EmbeddedPlatform.settings().studioUrl(), "/#/transcripts/" + transcript.id(), "analyst");
        assertThat(page.locator(".paragraph")).hasCount(2);
        // "They have lived it; that builds trust.": the user selects "have lived" with the mouse
        page.evaluate("() => { const reader = document.querySelector('chorus-studio').shadowRoot.querySelector('transcript-reader');"
                + " const english = reader.shadowRoot.querySelector('.english[data-n=\"2\"]'); const range = document.createRange();"
                + " const text = [...english.childNodes].find(node => node.nodeType === Node.TEXT_NODE);"
                + " range.setStart(text, 5); range.setEnd(text, 15);"
                + " const selection = window.getSelection(); selection.removeAllRanges(); selection.addRange(range);"
                + " english.dispatchEvent(new MouseEvent('mouseup', { bubbles: true, composed: true })); }");
        page.keyboard().press("1");
        assertThat(page.locator("mark.coded")).hasText("have lived");
        StudioBrowser.screenshot(page, "span-highlighted");
        CodingView coding = Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> Api.coding(CodingApi::new, analyst)
                .listTranscriptCodings(transcript.id(), null, null).getItems(), items -> items.size() == 1).get(0);
        assertEquals(List.of(2, 2, 5, 15), List.of(coding.getFirstParagraph(), coding.getLastParagraph(), coding.getStartOffset(),
                coding.getEndOffset()));

        // a second span inside the first ("lived", overlapping) is selected across the highlight's element and shows deeper
        page.evaluate("() => { const reader = document.querySelector('chorus-studio').shadowRoot.querySelector('transcript-reader');"
                + " const mark = reader.shadowRoot.querySelector('mark.coded'); const range = document.createRange();"
                + " const text = [...mark.childNodes].find(node => node.nodeType === Node.TEXT_NODE);"
                + " range.setStart(text, 5); range.setEnd(text, 10);"
                + " const selection = window.getSelection(); selection.removeAllRanges(); selection.addRange(range);"
                + " mark.dispatchEvent(new MouseEvent('mouseup', { bubbles: true, composed: true })); }");
        page.keyboard().press("2");
        assertThat(page.locator("mark.coded")).hasCount(2);
        assertThat(page.locator("mark.coded").last()).hasText("lived");
        assertThat(page.locator("mark.coded").last()).hasAttribute("style", "--depth:2");
        List<CodingView> both = Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> Api.coding(CodingApi::new, analyst)
                .listTranscriptCodings(transcript.id(), null, null).getItems(), items -> items.size() == 2);
        CodingView inner = both.stream().filter(c -> c.getCodeId().equals(transcript.codable().get(1).getId())).findFirst().orElseThrow();
        assertEquals(List.of(10, 15), List.of(inner.getStartOffset(), inner.getEndOffset()));
    }

    @Test
    void memosAreWrittenOnAPassageAndOnACodeAndARefusalIsShownAtItsField() throws Exception {
        String analyst = client.userToken("analyst");
        CodableTranscript transcript = CodableTranscript.release(client, "Studio memos");
        Page page = browser.signedIn(EmbeddedPlatform.settings().studioUrl(), "/#/transcripts/" + transcript.id(), "analyst");
        assertThat(page.locator(".paragraph")).hasCount(2);
        page.keyboard().press("Shift+ArrowDown");
        page.keyboard().press("m");
        assertThat(page.getByRole(AriaRole.DIALOG)).containsText("Memo on BU 1–BU 2");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save memo")).click();
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("title");
        assertThat(page.getByLabel("Title")).hasAttribute("aria-invalid", "true");
        page.getByLabel("Title").fill("Trust");
        page.getByLabel("Memo", new Page.GetByLabelOptions().setExact(true)).fill("Lived experience comes up before any training.");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save memo")).click();
        assertThat(page.getByTestId("memo")).hasCount(2);

        String code = transcript.codable().get(0).getName();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Memo on " + code)).click();
        assertThat(page.getByRole(AriaRole.DIALOG)).containsText("Memo on the code " + code);
        page.getByLabel("Title").fill("Boundary");
        page.getByLabel("Memo", new Page.GetByLabelOptions().setExact(true)).fill("Policy mentions without a decision are not coded here.");
        page.getByLabel("Title").press("Enter");
        assertThat(page.getByRole(AriaRole.DIALOG)).hasCount(0);
        StudioBrowser.screenshot(page, "memos");

        List<MemoView> onPassage = Api.coding(MemosApi::new, analyst).listMemos(null, null, null, "passage", transcript.id()).getItems();
        assertEquals(1, onPassage.size());
        assertEquals(1, onPassage.get(0).getFirstParagraph());
        assertEquals(2, onPassage.get(0).getLastParagraph());
        List<MemoView> onCode = Api.coding(MemosApi::new, analyst).listMemos(transcript.codable().get(0).getId(), null, null, "code", null)
                .getItems();
        assertEquals(List.of("Boundary"), onCode.stream().map(MemoView::getTitle).toList());
    }
}
