package io.chorus.deploy;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.chorus.client.coding.api.CodingApi;
import io.chorus.client.coding.api.ReleasedTranscriptsApi;
import io.chorus.client.coding.model.CodeView;
import io.chorus.client.coding.model.NewCoding;
import io.chorus.client.reporting.api.ReportsApi;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * The paper's tables in Studio: an analyst filters code frequency to a study and codebook, sees the table and the service's
 * figure, and downloads it as XLSX and PDF (the files opened and checked); a site lead sees the other site's share withheld,
 * with the reason.
 */
class StudioReportsBrowserIT extends StudioBrowserTest {

    static final Page.GetByLabelOptions EXACT = new Page.GetByLabelOptions().setExact(true);

    static Page.GetByRoleOptions named(String name) {
        return new Page.GetByRoleOptions().setName(name).setExact(true);
    }

    /** The texts of an .xlsx's shared strings (where its cells' words are). */
    static String sharedStrings(byte[] xlsx) throws Exception {
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(xlsx))) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                if (entry.getName().equals("xl/sharedStrings.xml")) {
                    return new String(zip.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        }
        throw new AssertionError("no xl/sharedStrings.xml: not a spreadsheet");
    }

    @Test
    void aReportIsFilteredDownloadedAsXlsxAndPdfAndWithheldFiguresSaySo() throws Exception {
        CodableTranscript bu = CodableTranscript.release(client, "Studio reports");
        String ulmSession = bu.study().session(client, "ULM");
        String ulm = WalkingSkeletonIT.released(client, "ULM", WalkingSkeletonIT.transcript("reports-ulm-" + UUID.randomUUID())
                .session(ulmSession)).getId();
        String analystToken = client.userToken("analyst");
        CodeView code = bu.codable().get(0);
        Awaitility.await().atMost(Duration.ofSeconds(60)).ignoreExceptions()
                .until(() -> Api.coding(ReleasedTranscriptsApi::new, analystToken).getReleasedTranscript(ulm) != null);
        for (String transcript : List.of(bu.id(), ulm)) {
            Api.coding(CodingApi::new, analystToken).createCoding(transcript, new NewCoding().codeId(code.getId()).firstParagraph(1)
                    .lastParagraph(1), null);
        }
        ReportsApi reports = Api.reporting(ReportsApi::new, analystToken);
        Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertTrue(reports.getCodeFrequencyReport(null, null,
                bu.codebook().getId().toString(), null, null, null, null, null, null, null, null, bu.study().code()).getRows().stream()
                .anyMatch(row -> code.getName().equals(Api.cell(row, "code")) && Api.cell(row, "documents") instanceof Number documents
                        && documents.longValue() == 2)));

        Page analyst = browser.signedIn(EmbeddedPlatform.settings().studioUrl(), "/#/reports", "analyst");
        analyst.getByLabel("Report", EXACT).selectOption("code-frequency");
        analyst.getByLabel("Study", EXACT).fill(bu.study().code());
        analyst.getByLabel("Codebook", EXACT).selectOption(bu.codebook().getId().toString());
        analyst.getByRole(AriaRole.BUTTON, named("Show")).click();
        assertThat(analyst.getByTestId("report").locator("tr", new com.microsoft.playwright.Locator.LocatorOptions().setHasText(code.getName())))
                .containsText("2");
        assertThat(analyst.locator("figure img")).isVisible();
        assertEquals(List.of(), StudioBrowser.seriousViolations(analyst), "axe-core on a report");
        StudioBrowser.screenshot(analyst, "report-code-frequency");

        Download xlsx = analyst.waitForDownload(() -> analyst.getByRole(AriaRole.BUTTON, named("XLSX")).click());
        assertEquals("code-frequency.xlsx", xlsx.suggestedFilename());
        byte[] workbook = Files.readAllBytes(xlsx.path());
        assertTrue(sharedStrings(workbook).contains(code.getName()), "the spreadsheet has the code's row");
        Download pdf = analyst.waitForDownload(() -> analyst.getByRole(AriaRole.BUTTON, named("PDF")).click());
        byte[] document = Files.readAllBytes(pdf.path());
        assertEquals("%PDF-", new String(document, 0, 5, StandardCharsets.US_ASCII), "a PDF document");
        assertTrue(document.length > 1000, "with a figure in it: " + document.length + " bytes");

        // the same coding as a quote, copied in the paper's citation form
        analyst.context().grantPermissions(List.of("clipboard-read", "clipboard-write"));
        analyst.navigate(EmbeddedPlatform.settings().studioUrl() + "/#/quotes");
        analyst.getByLabel("Codebook", EXACT).selectOption(bu.codebook().getId().toString());
        analyst.getByLabel("Code", EXACT).selectOption(code.getId().toString());
        analyst.getByLabel("Study", EXACT).fill(bu.study().code());
        analyst.getByRole(AriaRole.BUTTON, named("Show quotes")).click();
        assertThat(analyst.getByTestId("quotes").locator("li")).hasCount(2);
        analyst.getByTestId("quotes").locator("li").filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText("BU 1"))
                .getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Copy with BU 1")).click();
        assertEquals("\u201cWhat do you expect from peer support workers?\u201d (BU 1)", analyst.evaluate("navigator.clipboard.readText()"));
        assertEquals(List.of(), StudioBrowser.seriousViolations(analyst), "axe-core on the quotes");
        StudioBrowser.screenshot(analyst, "quotes");

        // the lead of BU: BU's own column, the total over BU and ULM withheld (it would give away ULM's figure)
        Page lead = browser.signedIn(EmbeddedPlatform.settings().studioUrl(), "/#/reports", "lead-bu");
        lead.getByLabel("Report", EXACT).selectOption("code-frequency");
        lead.getByLabel("Study", EXACT).fill(bu.study().code());
        lead.getByLabel("Codebook", EXACT).selectOption(bu.codebook().getId().toString());
        lead.getByRole(AriaRole.BUTTON, named("Show")).click();
        assertThat(lead.getByTestId("report").locator("td.withheld").first()).hasText("withheld");
        assertThat(lead.getByTestId("report-notes")).containsText("withheld");
        StudioBrowser.screenshot(lead, "report-withheld");
    }
}
