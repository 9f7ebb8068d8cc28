package io.chorus.deploy;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import io.chorus.client.coding.api.CodingApi;
import io.chorus.client.transcript.model.ParagraphPush;
import io.chorus.deploy.bench.BenchContext;
import io.chorus.deploy.bench.BenchResults;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;

/**
 * S1 of {@code ./platform bench}: Chorus Studio in Chromium on this machine. How many bytes of compressed script the first load
 * transfers, how long a 5,000-paragraph transcript takes from the link to a workbench that takes keys, and how long a coding
 * takes to show after its key is pressed (optimistically, then reconciled with the server's answer).
 */
public final class StudioBenchmark {

    static final int PARAGRAPHS = 5_000;
    private static final Page.GetByLabelOptions EXACT = new Page.GetByLabelOptions().setExact(true);
    private static final String READER = "document.querySelector('chorus-studio')?.shadowRoot?.querySelector('transcript-reader')";

    private StudioBenchmark() {
    }

    public static void run(BenchContext context, BenchResults results) throws Exception {
        EmbeddedPlatform.adopt(context.platform());
        ChorusClient client = context.client();
        List<ParagraphPush> paragraphs = new ArrayList<>();
        for (int n = 1; n <= PARAGRAPHS; n++) {
            paragraphs.add(new ParagraphPush().speaker("P" + (n % 7 + 1)).text("Turn " + n + ": peer workers have lived it, so people "
                    + "trust them; " + "the ward staff ".repeat(n % 4) + "talk about what changed since the programme began."));
        }
        CodableTranscript transcript = CodableTranscript.release(client, "Studio benchmark", paragraphs);
        String studio = context.platform().settings().studioUrl();
        try (StudioBrowser browser = new StudioBrowser()) {
            Map<String, Long> scripts = new LinkedHashMap<>();
            Page page = browser.signedIn(studio, "/#/transcripts", "analyst", response -> firstScript(studio, response, scripts));
            long bytes = scripts.values().stream().mapToLong(Long::longValue).sum();
            results.value("S1", "S1.script", "compressed script of Studio's first load (" + scripts.size() + " files)", "bytes", bytes,
                    "<= 300 KB", bytes <= 300 * 1024);

            List<Double> opening = new ArrayList<>();
            for (int i = 0; i < context.size(10, 3); i++) {
                opening.add(open(page, transcript.id()));
                page.evaluate("location.hash = '#/transcripts'");
                page.waitForFunction("() => document.querySelector('chorus-studio')?.shadowRoot?.querySelector('transcript-list')");
            }
            results.timing("S1", "S1.open", "a " + PARAGRAPHS + "-paragraph transcript opens, ready for keys", opening, 95, 1500.0);

            open(page, transcript.id());
            List<Double> marking = new ArrayList<>();
            int codings = context.size(30, 10);
            for (int i = 0; i < codings; i++) {
                page.keyboard().press("ArrowDown");
                marking.add(keyToMark(page, i));
            }
            results.timing("S1", "S1.mark", "a key press until its coding shows", marking, 95, 100.0);
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> Api.coding(CodingApi::new, client.userToken("analyst"))
                    .listTranscriptCodings(transcript.id(), null, null).getItems().size() == codings);
            page.waitForFunction("() => " + READER + ".shadowRoot.querySelectorAll('.bar.pending').length === 0");

            translating(context, results, browser, studio, paragraphs);
        }
    }

    /**
     * The translation editor on a back-checked 5,000-paragraph transcript: how long it takes to open, and whether what was typed
     * survives a 412 and a 503 on submit (the draft stays in the browser) and is then saved whole.
     */
    private static void translating(BenchContext context, BenchResults results, StudioBrowser browser, String studio,
            List<ParagraphPush> paragraphs) throws Exception {
        ChorusClient client = context.client();
        String id = Api.transcripts(io.chorus.client.transcript.api.TranscriptsApi::new, client.partnerToken("BU")).pushTranscript("BU",
                new io.chorus.client.transcript.model.TranscriptPush().externalId("bench-translate-" + java.util.UUID.randomUUID())
                        .language("lg").paragraphs(paragraphs), null).getId();
        Api.transcripts(io.chorus.client.transcript.api.TranscriptWorkflowApi::new, client.userToken("lead-bu")).backCheckTranscript("BU",
                id, null);
        Page page = browser.signedIn(studio, "/#/intake/BU", "translator-bu");
        List<Double> opening = new ArrayList<>();
        for (int i = 0; i < context.size(10, 3); i++) {
            page.evaluate("id => { window.openedAt = performance.now(); location.hash = '#/intake/BU/transcripts/' + id + '/translate'; }", id);
            opening.add(((Number) page.waitForFunction("() => document.querySelector('chorus-studio')?.shadowRoot"
                    + "?.querySelector('translation-editor')?.shadowRoot?.querySelector('textarea') ? performance.now() - window.openedAt : null")
                    .jsonValue()).doubleValue());
            page.evaluate("location.hash = '#/intake/BU'");
            page.waitForFunction("() => document.querySelector('chorus-studio')?.shadowRoot?.querySelector('intake-screen')");
        }
        results.timing("S1", "S1.translate-open", "the translation editor opens a " + PARAGRAPHS + "-paragraph transcript", opening, 95, 1500.0);

        page.evaluate("id => { location.hash = '#/intake/BU/transcripts/' + id + '/translate'; }", id);
        int typed = 20;
        for (int n = 1; n <= typed; n++) {
            page.getByLabel("English of BU " + n, EXACT).fill("English of turn " + n);
        }
        int kept = 0;
        for (int status : new int[] {412, 503}) {
            page.route("**/translation", route -> route.fulfill(new com.microsoft.playwright.Route.FulfillOptions().setStatus(status)
                    .setHeaders(Map.of("Content-Type", "application/problem+json", "Retry-After", "1"))
                    .setBody("{\"title\":\"refused for the benchmark\",\"status\":" + status + "}")));
            page.getByText("Submit the translation").click();
            page.waitForFunction("() => document.querySelector('chorus-studio').shadowRoot.querySelector('translation-editor')"
                    + ".shadowRoot.querySelector('.refusal')", null, new Page.WaitForFunctionOptions().setTimeout(30_000));
            page.unroute("**/translation");
            page.reload();
            page.getByLabel("English of BU " + typed, EXACT).waitFor();
            kept = 0;
            for (int n = 1; n <= typed; n++) {
                kept += ("English of turn " + n).equals(page.getByLabel("English of BU " + n, EXACT).inputValue()) ? 1 : 0;
            }
        }
        results.value("S1", "S1.translate-kept", "typed paragraphs still there after a 412 and a 503 on submit, and a reload", "paragraphs",
                kept, "= " + typed, kept == typed);
    }

    /** Milliseconds from the hash change to a reader with its paragraphs rendered and its codebook loaded. */
    private static double open(Page page, String transcriptId) {
        page.evaluate("id => { window.openedAt = performance.now(); location.hash = '#/transcripts/' + id; }", transcriptId);
        Object ready = page.waitForFunction("() => { const r = " + READER + "; return r?.shadowRoot?.querySelector('.paragraph') "
                + "&& r.codes.length > 0 ? performance.now() - window.openedAt : null; }").jsonValue();
        return ((Number) ready).doubleValue();
    }

    /** Milliseconds from the key's keydown to one more coding bar on the screen. */
    private static double keyToMark(Page page, int before) {
        page.evaluate("() => window.addEventListener('keydown', () => { window.pressedAt = performance.now(); }, { capture: true, once: true })");
        page.keyboard().press("1");
        Object shown = page.waitForFunction("before => " + READER + ".shadowRoot.querySelectorAll('[data-testid=coding]').length > before "
                + "? performance.now() - window.pressedAt : null", before).jsonValue();
        return ((Number) shown).doubleValue();
    }

    /** The first answer for each script Studio itself serves, by its compressed size on the wire. */
    private static void firstScript(String studio, Response response, Map<String, Long> scripts) {
        if (response.url().startsWith(studio) && "script".equals(response.request().resourceType())) {
            scripts.putIfAbsent(response.url(), (long) response.request().sizes().responseBodySize);
        }
    }
}
