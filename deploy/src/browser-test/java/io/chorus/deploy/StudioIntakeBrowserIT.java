package io.chorus.deploy;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import io.chorus.client.coding.api.ReleasedTranscriptsApi;
import io.chorus.client.transcript.api.TranscriptsApi;
import io.chorus.client.transcript.model.ParagraphPush;
import io.chorus.client.transcript.model.TranscriptPush;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * A transcript's way to release in Studio, each step by the person whose job it is: a partner system pushes, the site
 * researcher back-checks (one alone, then a batch with a result per transcript), a translator translates side by side with
 * the draft kept over a reload, two other translators review, the lead releases, and the analyst finds it to code.
 */
class StudioIntakeBrowserIT extends StudioBrowserTest {

    static final String SITE = "BU";

    String pushed(String externalId, String session) throws Exception {
        TranscriptPush push = new TranscriptPush().externalId(externalId).language("lg").title("Intake").session(session).paragraphs(List.of(
                new ParagraphPush().speaker("M").text("Mwebale kujja."),
                new ParagraphPush().speaker("P2").text("Tukusanyukidde nnyo."),
                new ParagraphPush().speaker("M").text("Mutugambe ku bayambi.")));
        return Api.transcripts(TranscriptsApi::new, client.partnerToken(SITE)).pushTranscript(SITE, push, null).getId();
    }

    static Page.GetByRoleOptions named(String name) {
        return new Page.GetByRoleOptions().setName(name);
    }

    @Test
    void pushedBackCheckedTranslatedReviewedTwiceReleasedAndListedForTheAnalyst() throws Exception {
        String externalId = "intake-" + UUID.randomUUID();
        String otherExternalId = "intake-other-" + UUID.randomUUID();
        OwnStudy study = OwnStudy.register(client, "Studio intake");
        String session = study.session(client, SITE);
        String id = pushed(externalId, session);
        pushed(otherExternalId, session);
        String studio = EmbeddedPlatform.settings().studioUrl();

        // the site researcher: the uploaded stage lists both; one is back-checked alone, then both in one batch
        Page researcher = browser.signedIn(studio, "/#/intake/" + SITE, "researcher-bu");
        researcher.locator("stage-tabs button[data-stage=uploaded]").click();
        assertThat(researcher.locator("tr[data-external-id='" + externalId + "']")).containsText("uploaded");
        assertEquals(List.of(), StudioBrowser.seriousViolations(researcher), "axe-core on the intake");
        StudioBrowser.screenshot(researcher, "intake-by-stage");
        researcher.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(externalId)).click();
        researcher.getByRole(AriaRole.BUTTON, named("Confirm the back-check against the recording")).click();
        assertThat(researcher.getByTestId("stage")).hasText("back-checked");
        assertThat(researcher.getByTestId("history")).containsText("researcher-bu");
        researcher.getByRole(AriaRole.LINK, named("Back to the intake")).click();
        researcher.locator("stage-tabs button[data-stage=uploaded]").click();
        researcher.getByLabel("Select " + otherExternalId).check();
        researcher.getByRole(AriaRole.BUTTON, named("Back-check selected (1)")).click();
        assertThat(researcher.getByTestId("batch-results")).containsText(otherExternalId + ": now back-checked");
        researcher.locator("stage-tabs button[data-stage=back-checked]").click();
        researcher.getByLabel("Select " + externalId).check();
        researcher.getByLabel("Select " + otherExternalId).check();
        researcher.getByRole(AriaRole.BUTTON, named("Back-check selected (2)")).click();
        Locator results = researcher.getByTestId("batch-results");
        assertThat(results).containsText(externalId + ": 409");
        assertThat(results).containsText(otherExternalId + ": 409");
        StudioBrowser.screenshot(researcher, "intake-batch-result");

        // the translator: original and English side by side; what is typed survives a reload, then goes in one submit
        Page translator = browser.signedIn(studio, "/#/intake/" + SITE + "/transcripts/" + id, "translator-bu");
        translator.getByRole(AriaRole.LINK, named("Translate")).click();
        translator.getByLabel("English of BU 1").fill("Thank you for coming.");
        assertThat(translator.getByTestId("draft")).containsText("1 of 3 translated");
        translator.reload();
        assertThat(translator.getByLabel("English of BU 1")).hasValue("Thank you for coming.");
        translator.getByLabel("English of BU 2").fill("We are very glad to be here.");
        translator.getByLabel("English of BU 2").press("Alt+ArrowDown");
        assertThat(translator.getByLabel("English of BU 3")).isFocused();
        translator.keyboard().type("Tell us about the peer helpers.");
        assertEquals(List.of(), StudioBrowser.seriousViolations(translator), "axe-core on the translation editor");
        StudioBrowser.screenshot(translator, "translation-editor");
        // the service is busy through every retry: the refusal says so, and nothing typed is lost
        translator.route("**/translation", route -> route.fulfill(new Route.FulfillOptions().setStatus(503)
                .setHeaders(Map.of("Content-Type", "application/problem+json", "Retry-After", "1"))
                .setBody("{\"title\":\"Service Unavailable\",\"status\":503,\"detail\":\"A database is unavailable\"}")));
        translator.getByRole(AriaRole.BUTTON, named("Submit the translation")).click();
        assertThat(translator.getByRole(AriaRole.ALERT)).containsText("your draft is kept in this browser",
                new LocatorAssertions.ContainsTextOptions().setTimeout(20_000));
        translator.unroute("**/translation");
        translator.reload();
        assertThat(translator.getByLabel("English of BU 3")).hasValue("Tell us about the peer helpers.");
        translator.getByRole(AriaRole.BUTTON, named("Submit the translation")).click();
        assertThat(translator.getByTestId("draft")).containsText("the transcript is now translated");

        // a site-check query on a paragraph, answered by the site; an open one would block the release
        translator.getByRole(AriaRole.LINK, named("Back to the transcript")).click();
        assertThat(translator.getByTestId("stage")).hasText("translated");
        translator.getByLabel("Paragraph", new Page.GetByLabelOptions().setExact(true)).fill("2");
        translator.getByLabel("Question").fill("Does nnyo mean very or much here?");
        translator.getByRole(AriaRole.BUTTON, named("Raise a query")).click();
        assertThat(translator.getByText("Site-check queries (1 open)")).isVisible();
        researcher.navigate(studio + "/#/intake/" + SITE + "/transcripts/" + id);
        researcher.getByLabel("Answer", new Page.GetByLabelOptions().setExact(true)).fill("Very: they were very glad.");
        researcher.getByRole(AriaRole.BUTTON, named("Answer")).click();
        assertThat(researcher.getByText("Site-check queries (0 open)")).isVisible();
        assertThat(researcher.getByText("Answer: Very: they were very glad.")).isVisible();

        // two reviewers, neither the translator
        for (String reviewer : List.of("translator-a", "translator-b")) {
            Page review = browser.signedIn(studio, "/#/intake/" + SITE + "/transcripts/" + id, reviewer);
            review.getByRole(AriaRole.BUTTON, named("Approve the translation as reviewer")).click();
            assertThat(review.getByRole(AriaRole.STATUS).filter(new Locator.FilterOptions().setHasText("Reviewed"))).isVisible();
            review.context().close();
        }

        Page lead = browser.signedIn(studio, "/#/intake/" + SITE + "/transcripts/" + id, "lead-bu");
        assertThat(lead.getByTestId("stage")).hasText("reviewed");
        lead.getByRole(AriaRole.BUTTON, named("Release for analysis")).click();
        assertThat(lead.getByTestId("stage")).hasText("released");
        assertThat(lead.getByTestId("history")).containsText("translator-b");
        assertEquals(List.of(), StudioBrowser.seriousViolations(lead), "axe-core on a transcript's page");
        StudioBrowser.screenshot(lead, "transcript-released");
        // a released transcript changes only as a new version, whose diff shows the paragraph before and after
        lead.getByLabel("Paragraph", new Page.GetByLabelOptions().setExact(true)).fill("3");
        lead.getByLabel("English", new Page.GetByLabelOptions().setExact(true)).fill("Tell us about the peer support workers.");
        lead.getByLabel("Reason").fill("the site's glossary says peer support workers");
        lead.getByRole(AriaRole.BUTTON, named("Save as a new version")).click();
        Locator diff = lead.getByTestId("diff");
        assertThat(diff).containsText("Tell us about the peer helpers.");
        assertThat(diff).containsText("Tell us about the peer support workers.");
        assertThat(diff.locator("tbody tr")).hasCount(1);
        StudioBrowser.screenshot(lead, "transcript-revised");

        String analystToken = client.userToken("analyst");
        // the revision reaches the analyst's copy too
        Awaitility.await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> "Tell us about the peer support workers."
                .equals(Api.coding(ReleasedTranscriptsApi::new, analystToken).getReleasedTranscript(id).getParagraphs().get(2).getEnglish()));
        Page analyst = browser.signedIn(studio, "/#/transcripts", "analyst");
        analyst.getByLabel("Study").fill(study.code());
        analyst.getByRole(AriaRole.BUTTON, named("Filter")).click();
        assertThat(analyst.locator("tbody tr")).hasCount(1);
        analyst.getByRole(AriaRole.LINK, named(externalId)).click();
        assertThat(analyst.locator(".paragraph").nth(2)).containsText("Tell us about the peer support workers.");
    }

    @Test
    void aTranscriptPushedByHandIsPreviewedPseudonymisedAndStoredOnlyOnceChecked() throws Exception {
        String externalId = "by-hand-" + UUID.randomUUID();
        TranscriptsApi sites = Api.transcripts(TranscriptsApi::new, client.partnerToken(SITE));
        long before = sites.countTranscriptsByStage(SITE).getTotal();
        Page researcher = browser.signedIn(EmbeddedPlatform.settings().studioUrl(), "/#/intake/" + SITE, "researcher-bu");
        researcher.getByRole(AriaRole.LINK, named("Push a transcript by hand")).click();
        researcher.getByLabel("External id").fill(externalId);
        researcher.getByLabel("Language").fill("lg");
        researcher.getByLabel("Turns, one per line").fill("M: Nakato Grace, mwebale kujja.\nP1: Webale, Musisi yatugamba.\nnga bwe kiri.");
        researcher.getByLabel("Identifiers to replace").fill("person: Nakato Grace");
        researcher.getByRole(AriaRole.BUTTON, named("Preview")).click();
        Locator preview = researcher.getByTestId("preview-paragraphs");
        assertThat(preview.locator("tr")).hasCount(2);
        assertThat(preview).not().containsText("Nakato Grace");
        assertThat(preview.locator("tr").nth(1)).containsText("nga bwe kiri.");
        assertThat(researcher.getByTestId("name-candidates")).containsText("Musisi");
        assertThat(researcher.getByRole(AriaRole.BUTTON, named("Store the transcript"))).isDisabled();
        assertEquals(List.of(), StudioBrowser.seriousViolations(researcher), "axe-core on the push preview");
        StudioBrowser.screenshot(researcher, "push-preview");
        // nothing is stored by a preview
        assertEquals(before, sites.countTranscriptsByStage(SITE).getTotal());

        researcher.getByLabel("I have checked that no names").check();
        researcher.getByRole(AriaRole.BUTTON, named("Store the transcript")).click();
        assertThat(researcher.getByTestId("stage")).hasText("uploaded");
        assertThat(researcher.locator("h2")).containsText(externalId);
    }

    /** A minimal Word document: one paragraph per line. */
    static java.nio.file.Path docx(List<String> lines) throws Exception {
        StringBuilder body = new StringBuilder();
        for (String line : lines) {
            body.append("<w:p><w:r><w:t xml:space=\"preserve\">").append(line).append("</w:t></w:r></w:p>");
        }
        java.nio.file.Path file = java.nio.file.Files.createTempFile("turns-", ".docx");
        file.toFile().deleteOnExit();
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(java.nio.file.Files.newOutputStream(file))) {
            zip.putNextEntry(new java.util.zip.ZipEntry("[Content_Types].xml"));
            zip.write(("<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                    + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                    + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                    + "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument."
                    + "wordprocessingml.document.main+xml\"/></Types>").getBytes(java.nio.charset.StandardCharsets.UTF_8));
            zip.putNextEntry(new java.util.zip.ZipEntry("_rels/.rels"));
            zip.write(("<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                    + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
                    + "officeDocument\" Target=\"word/document.xml\"/></Relationships>").getBytes(java.nio.charset.StandardCharsets.UTF_8));
            zip.putNextEntry(new java.util.zip.ZipEntry("word/document.xml"));
            zip.write(("<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>" + body
                    + "</w:body></w:document>").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        return file;
    }

    @Test
    void aWordDocumentOfTurnsIsPreviewedLikePastedOnes() throws Exception {
        Page researcher = browser.signedIn(EmbeddedPlatform.settings().studioUrl(), "/#/intake/" + SITE + "/push", "researcher-bu");
        researcher.getByLabel("External id").fill("by-docx-" + UUID.randomUUID());
        researcher.getByLabel("Language").fill("lg");
        researcher.getByLabel("or a file").setInputFiles(docx(List.of("M: Mwebale kujja.", "P1: Webale nnyo.", "nga bwe kiri.")));
        researcher.getByRole(AriaRole.BUTTON, named("Preview")).click();
        Locator preview = researcher.getByTestId("preview-paragraphs");
        assertThat(preview.locator("tr")).hasCount(2);
        assertThat(preview.locator("tr").nth(1)).containsText("Webale nnyo.");
        assertThat(preview.locator("tr").nth(1)).containsText("nga bwe kiri.");
    }
}
