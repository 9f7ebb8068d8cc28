package io.chorus.deploy;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Page;
import io.chorus.client.coding.api.AssistantApi;
import io.chorus.client.coding.api.CodingApi;
import io.chorus.client.coding.model.CodeSuggestion;
import io.chorus.client.transcript.model.ParagraphPush;
import io.chorus.client.coding.model.CodeView;
import io.chorus.client.coding.model.CodingView;
import io.chorus.client.reporting.api.ReportsApi;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** Chorus Studio in a real Chromium against the real platform: an analyst signs in and codes from the keyboard. */
class StudioWorkbenchBrowserIT extends StudioBrowserTest {

    @Test
    void anAnalystSignsInOpensATranscriptCodesAPassageWithANumberKeyAndTheReportCountsIt() throws Exception {
        String analyst = client.userToken("analyst");
        CodableTranscript transcript = CodableTranscript.release(client, "Studio workbench");
        OwnStudy study = transcript.study();
        String id = transcript.id();
        String externalId = transcript.externalId();
        CodeView pinnedFirst = transcript.codable().get(0);

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
    void theAssistantsSuggestionsForTheParagraphInViewAreRejectedAndAcceptedWithOneKey() throws Exception {
        String analyst = client.userToken("analyst");
        CodableTranscript transcript = CodableTranscript.release(client, "Studio suggestions");
        // the codebook's definitions are embedded in the background: suggestions come once they are
        AssistantApi assistant = Api.coding(AssistantApi::new, analyst);
        List<CodeSuggestion> expected = Awaitility.await().atMost(Duration.ofSeconds(60)).until(() ->
                assistant.suggestCodes(transcript.id(), 2, transcript.codebook().getId(), 3).getSuggestions(), list -> list.size() == 3);

        Page page = browser.signedIn(EmbeddedPlatform.settings().studioUrl(), "/#/transcripts/" + transcript.id(), "analyst");
        assertThat(page.locator(".paragraph")).hasCount(2);
        page.keyboard().press("ArrowDown");
        page.keyboard().press("s");
        assertThat(page.getByTestId("suggestion")).hasCount(3);
        assertThat(page.getByTestId("suggestion").first()).containsText(expected.get(0).getCode());
        StudioBrowser.screenshot(page, "suggestions");
        page.keyboard().press("x");
        assertThat(page.getByTestId("suggestion")).hasCount(2);
        page.keyboard().press("a");
        assertThat(page.getByTestId("coding")).hasCount(1);
        assertThat(page.getByTestId("coding")).containsText(expected.get(1).getCode());
        assertThat(page.getByTestId("suggestion")).hasCount(1);

        CodingView accepted = Api.coding(CodingApi::new, analyst).listTranscriptCodings(transcript.id(), null, null).getItems().get(0);
        assertEquals(expected.get(1).getCodeId(), accepted.getCodeId());
        assertEquals(2, accepted.getFirstParagraph());
        assertTrue(accepted.getProvenance().startsWith("accepted suggestion of assistant:"), accepted.getProvenance());
    }

    @Test
    void aLongTranscriptRendersOnlyTheParagraphsAroundTheViewAndTheKeyboardReachesEveryOne() throws Exception {
        String analyst = client.userToken("analyst");
        List<ParagraphPush> turns = new java.util.ArrayList<>();
        for (int n = 1; n <= 400; n++) {
            turns.add(new ParagraphPush().speaker("P" + (n % 3 + 1)).text("Turn " + n + " of a long focus group."));
        }
        CodableTranscript transcript = CodableTranscript.release(client, "Studio long transcript", turns);
        Page page = browser.signedIn(EmbeddedPlatform.settings().studioUrl(), "/#/transcripts/" + transcript.id(), "analyst");
        assertThat(page.locator(".paragraph").first()).containsText("Turn 1 ");
        assertTrue(page.locator(".paragraph").count() < 150, "rendered: " + page.locator(".paragraph").count());

        page.keyboard().press("End");
        assertThat(page.locator(".paragraph.focused")).containsText("Turn 400 ");
        assertThat(page.locator(".paragraph.focused")).isInViewport();
        page.keyboard().press("PageUp");
        page.keyboard().press("ArrowUp");
        assertThat(page.locator(".paragraph.focused")).containsText("Turn 389 ");
        page.keyboard().press("1");
        assertThat(page.getByTestId("coding")).hasCount(1);
        page.keyboard().press("Home");
        assertThat(page.locator(".paragraph.focused")).containsText("Turn 1 ");
        assertThat(page.getByTestId("coding")).hasCount(0);
        assertTrue(page.locator(".paragraph").count() < 150, "rendered: " + page.locator(".paragraph").count());
        CodingView coded = Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> Api.coding(CodingApi::new, analyst)
                .listTranscriptCodings(transcript.id(), null, null).getItems(), items -> items.size() == 1).get(0);
        assertEquals(389, coded.getFirstParagraph());
    }

    @Test
    void everyCodingOfATranscriptIsCountedEvenBeyondOnePageOfTheListing() throws Exception {
        String analyst = client.userToken("analyst");
        List<ParagraphPush> turns = new java.util.ArrayList<>();
        for (int n = 1; n <= 300; n++) {
            turns.add(new ParagraphPush().speaker("P" + (n % 3 + 1)).text("Turn " + n + " of a well coded focus group."));
        }
        CodableTranscript transcript = CodableTranscript.release(client, "Studio many codings", turns);
        CodeView every = transcript.codable().get(1);
        CodeView most = transcript.codable().get(2);
        List<io.chorus.client.coding.model.BatchCodingItem> items = new java.util.ArrayList<>();
        for (int n = 1; n <= 300; n++) {
            items.add(new io.chorus.client.coding.model.BatchCodingItem().transcriptId(transcript.id()).codeId(every.getId())
                    .firstParagraph(n).lastParagraph(n));
            if (n <= 250) {
                items.add(new io.chorus.client.coding.model.BatchCodingItem().transcriptId(transcript.id()).codeId(most.getId())
                        .firstParagraph(n).lastParagraph(n));
            }
        }
        Api.coding(CodingApi::new, analyst).createCodingBatch(new io.chorus.client.coding.model.CodingBatch().atomic(true).items(items), null);

        Page page = browser.signedIn(EmbeddedPlatform.settings().studioUrl(), "/#/transcripts/" + transcript.id(), "analyst");
        assertThat(page.locator("codebook-panel li[data-code='" + every.getId() + "'] .count")).hasText("300");
        assertThat(page.locator("codebook-panel li[data-code='" + most.getId() + "'] .count")).hasText("250");
        page.keyboard().press("End");
        assertThat(page.locator(".paragraph.focused [data-testid=coding]")).hasCount(1);
    }

    @Test
    void aBusyServiceIsAskedAgainAfterItsRetryAfterWhileANoticeSaysSo() throws Exception {
        Page page = browser.signedIn(EmbeddedPlatform.settings().studioUrl(), "/#/rounds", "analyst");
        java.util.concurrent.atomic.AtomicInteger asked = new java.util.concurrent.atomic.AtomicInteger();
        page.route(url -> url.contains("/api/transcripts?"), route -> {
            if (asked.incrementAndGet() == 1) {
                route.fulfill(new com.microsoft.playwright.Route.FulfillOptions().setStatus(503)
                        .setHeaders(Map.of("Retry-After", "2", "Content-Type", "application/problem+json",
                                "Access-Control-Allow-Origin", EmbeddedPlatform.settings().studioUrl()))
                        .setBody("{\"title\":\"Service Unavailable\",\"status\":503}"));
            } else {
                route.resume();
            }
        });
        page.evaluate("location.hash = '#/transcripts'");
        assertThat(page.getByText("A service is busy: Studio tries again in 2 s")).isVisible();
        StudioBrowser.screenshot(page, "busy-service");
        assertThat(page.getByText("A service is busy")).hasCount(0, new com.microsoft.playwright.assertions.LocatorAssertions
                .HasCountOptions().setTimeout(10_000));
        assertThat(page.getByText(java.util.regex.Pattern.compile("Page 1 of \\d+"))).isVisible();
        assertThat(page.getByRole(com.microsoft.playwright.options.AriaRole.ALERT)).hasCount(0);
        assertEquals(2, asked.get());
    }

    @Test
    void aTranslatorLandsOnTheIntakeAndHasNoCodingScreens() throws Exception {
        Page page = browser.signedIn(EmbeddedPlatform.settings().studioUrl(), "/#/transcripts", "translator-a");
        assertThat(page.getByRole(com.microsoft.playwright.options.AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(2)))
                .containsText("Intake at");
        assertThat(page.getByRole(com.microsoft.playwright.options.AriaRole.LINK, new Page.GetByRoleOptions().setName("Intake").setExact(true))).hasCount(1);
        assertThat(page.getByRole(com.microsoft.playwright.options.AriaRole.LINK, new Page.GetByRoleOptions().setName("Rounds"))).hasCount(0);
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
}
