package io.chorus.deploy;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.chorus.client.coding.api.CodingApi;
import io.chorus.refi.PositionCounting;
import java.io.File;
import java.util.List;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/** A released transcript exported from Studio as .qdpx, coded in a desktop tool (NVivo positions), and brought back with its job's result. */
class StudioExchangeBrowserIT extends StudioBrowserTest {

    @Test
    void aQdpxIsExportedCodedElsewhereAndImportedBackWithItsJobsResult() throws Exception {
        CodableTranscript transcript = CodableTranscript.release(client, "Studio exchange");
        Page analyst = browser.signedIn(EmbeddedPlatform.settings().studioUrl(), "/#/exchange", "analyst-b");
        Locator export = analyst.locator("section[aria-labelledby=export-heading]");
        export.getByLabel("Transcript ids").fill(transcript.id());
        export.getByLabel("Positions").selectOption("nvivo");
        Download download = analyst.waitForDownload(() -> export.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions()
                .setName("Export .qdpx")).click());
        assertThat(export.getByRole(AriaRole.STATUS)).containsText("Exported");
        File exported = download.path().toFile();
        try (ZipFile zip = new ZipFile(exported)) {
            assertTrue(zip.getEntry("project.qde") != null, "a REFI-QDA project");
        }

        // coded in NVivo: one passage with the first code, positions as NVivo counts them
        File coded = RefiQdaIT.codedIn(exported, "NVivo 14.24.1 (Windows)", PositionCounting.NVIVO,
                transcript.codable().get(0).getId().toString(), "builds trust");
        Locator back = analyst.locator("section[aria-labelledby=codings-heading]");
        back.getByLabel("Coded file").setInputFiles(coded.toPath());
        back.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Import the codings")).click();
        assertThat(analyst.getByTestId("job-status")).hasText("done");
        assertThat(analyst.getByTestId("job")).containsText("1 codings and 0 codes added");
        assertEquals(List.of(), StudioBrowser.seriousViolations(analyst), "axe-core on the exchange");
        StudioBrowser.screenshot(analyst, "qdpx-import-done");
        assertEquals(1, Api.coding(CodingApi::new, client.userToken("analyst-b")).listTranscriptCodings(transcript.id(), null, null)
                .getItems().stream().filter(c -> "analyst-b".equals(c.getCoder())).count(), "the coding is in Chorus");
    }

    @Test
    void aSiteLeadMovesADesktopProjectIntoTheSiteAndSeesItsJob() throws Exception {
        String study = "studio-refi-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        Api.transcripts(io.chorus.client.transcript.api.StudiesApi::new, client.userToken("admin")).putStudy(study,
                new io.chorus.client.transcript.model.StudyData().title("Studio project import").phases(List.of("pre-intervention")), null);
        File project = ProjectImportIT.nvivoProject("FGD " + java.util.UUID.randomUUID());
        Page lead = browser.signedIn(EmbeddedPlatform.settings().studioUrl(), "/#/exchange", "lead-bu");
        Locator form = lead.locator("section[aria-labelledby=project-heading]");
        form.getByLabel("Project file").setInputFiles(project.toPath());
        form.getByLabel("Study").fill(study);
        form.getByLabel("Phase").fill("pre-intervention");
        form.getByLabel("Language").fill("en");
        form.getByLabel("Identifiers to replace").fill("person: Maria");
        form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Import the project")).click();
        Locator job = form.getByTestId("job");
        assertThat(job.getByTestId("job-status")).hasText("done", new com.microsoft.playwright.assertions.LocatorAssertions.HasTextOptions()
                .setTimeout(60_000));
        assertThat(job).containsText("1 transcripts made");
        assertThat(job).containsText("Codings placed: 2 of 2");
        StudioBrowser.screenshot(lead, "project-import-done");
    }
}
