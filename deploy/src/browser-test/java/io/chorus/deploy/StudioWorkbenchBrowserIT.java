package io.chorus.deploy;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.microsoft.playwright.Page;
import io.chorus.client.coding.api.CodebooksApi;
import io.chorus.client.coding.api.CodingApi;
import io.chorus.client.coding.api.ReleasedTranscriptsApi;
import io.chorus.client.coding.model.CodeView;
import io.chorus.client.coding.model.CodebookView;
import io.chorus.client.coding.model.CodingView;
import io.chorus.client.coding.model.PhaseAssignment;
import io.chorus.client.reporting.api.ReportsApi;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** Chorus Studio in a real Chromium against the real platform: an analyst signs in and codes from the keyboard. */
class StudioWorkbenchBrowserIT extends StudioBrowserTest {

    @Test
    void anAnalystSignsInOpensATranscriptCodesAPassageWithANumberKeyAndTheReportCountsIt() throws Exception {
        String analyst = client.userToken("analyst");
        OwnStudy study = OwnStudy.register(client, "Studio workbench");
        CodebookView codebook = Api.coding(CodebooksApi::new, analyst).importCodebookTemplate("implementation-influences", null);
        String etag = Api.coding(CodebooksApi::new, analyst).getCodebookWithHttpInfo(codebook.getId()).getHeaders().get("etag").get(0);
        Api.coding(CodebooksApi::new, analyst).publishCodebook(codebook.getId(), etag, null);
        Api.coding(CodebooksApi::new, analyst).assignPhaseCodebook(study.code(), study.phase(), new PhaseAssignment().codebookId(codebook.getId()));
        String session = study.session(client, "BU");
        String externalId = "studio-" + UUID.randomUUID();
        String id = WalkingSkeletonIT.released(client, "BU", WalkingSkeletonIT.transcript(externalId).session(session)).getId();
        Awaitility.await().atMost(Duration.ofSeconds(60)).ignoreExceptions().untilAsserted(() -> assertEquals(codebook.getId(),
                Api.coding(ReleasedTranscriptsApi::new, analyst).getReleasedTranscript(id).getCodebookId()));
        CodeView pinnedFirst = codable(codebook.getCodes()).findFirst().orElseThrow();

        Page page = browser.signedIn(EmbeddedPlatform.settings().studioUrl(), "/#/transcripts/" + id, "analyst");
        assertThat(page.getByTestId("who")).containsText("analyst");
        StudioBrowser.screenshot(page, "workbench-opened");
        assertThat(page.locator(".paragraph")).hasCount(2);
        assertThat(page.locator("codebook-panel li").first()).containsText(pinnedFirst.getName());
        page.keyboard().press("ArrowDown");
        page.keyboard().press("1");
        assertThat(page.getByTestId("coding")).hasCount(1);
        assertThat(page.getByTestId("coding")).containsText(pinnedFirst.getName());
        StudioBrowser.screenshot(page, "workbench-coded");
        assertEquals(List.of(), StudioBrowser.seriousViolations(page), "axe-core on the workbench");

        List<CodingView> codings = Awaitility.await().atMost(Duration.ofSeconds(10)).until(() ->
                Api.coding(CodingApi::new, analyst).listTranscriptCodings(id, null, null).getItems(), items -> items.size() == 1);
        assertEquals(pinnedFirst.getId(), codings.get(0).getCodeId());
        assertEquals(2, codings.get(0).getFirstParagraph());
        assertEquals(2, codings.get(0).getLastParagraph());
        assertEquals("analyst", codings.get(0).getCoder());

        ReportsApi reports = Api.reporting(ReportsApi::new, analyst);
        Awaitility.await().atMost(Duration.ofSeconds(60)).ignoreExceptions().untilAsserted(() -> {
            Map<String, ?> row = reports.getCodeFrequencyReport(null, null, null, null, null, null, null, study.phase(), null, null, null,
                    study.code()).getRows().stream().filter(r -> pinnedFirst.getName().equals(Api.cell(r, "code")))
                    .findFirst().orElseThrow();
            assertEquals(1, ((Number) Api.cell(row, "passages")).intValue(), String.valueOf(row));
        });

        page.keyboard().press("u");
        assertThat(page.getByTestId("coding")).hasCount(0);
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() ->
                Api.coding(CodingApi::new, analyst).listTranscriptCodings(id, null, null).getItems().isEmpty());

        page.navigate(EmbeddedPlatform.settings().studioUrl() + "/#/transcripts");
        page.getByLabel("Study").fill(study.code());
        page.getByLabel("Coded").selectOption("false");
        page.getByLabel("Study").press("Enter");
        assertThat(page.locator("tbody tr")).hasCount(1);
        assertThat(page.locator("tbody tr")).containsText(externalId);
        assertThat(page.locator("tbody tr")).containsText(study.phase());
        StudioBrowser.screenshot(page, "transcripts-filtered");
    }

    @Test
    void aRefusalIsShownInTheServersWordsAtTheFieldItPointsTo() throws Exception {
        Page page = browser.signedIn(EmbeddedPlatform.settings().studioUrl(), "/#/transcripts", "lead-bu");
        assertThat(page.getByTestId("who")).containsText("site-lead at BU");
        assertEquals(List.of(), StudioBrowser.seriousViolations(page), "axe-core on the transcript list");
        page.getByLabel("Site").fill("ULM");
        page.getByLabel("Site").press("Enter");
        assertThat(page.getByRole(com.microsoft.playwright.options.AriaRole.ALERT)).containsText("ULM");
        assertThat(page.getByLabel("Site")).hasAttribute("aria-invalid", "true");
        StudioBrowser.screenshot(page, "refusal-at-its-field");
    }

    /** The codes a coding may take, in the codebook's order: what Studio pins to the number keys. */
    private static Stream<CodeView> codable(List<CodeView> codes) {
        return codes.stream().flatMap(code -> Stream.concat(
                Boolean.TRUE.equals(code.getCodable()) && code.getRetiredIn() == null ? Stream.of(code) : Stream.empty(),
                codable(code.getChildren() == null ? List.of() : code.getChildren())));
    }
}
