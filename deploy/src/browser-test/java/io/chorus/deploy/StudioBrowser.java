package io.chorus.deploy;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Debian's Chromium driven by Playwright: Playwright's own browser download cannot reach its servers here, so it launches
 * the installed executable ({@code CHROMIUM}, else /usr/bin/chromium) with the flags a closed network needs.
 */
final class StudioBrowser implements AutoCloseable {

    static final Path SCREENSHOTS = Path.of("target/studio-screenshots");

    private final Playwright playwright;
    private final Browser browser;

    StudioBrowser() {
        playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        String executable = System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium");
        if (!Files.isExecutable(Path.of(executable))) {
            throw new IllegalStateException("no Chromium at " + executable + ": apt-get install -y chromium (or set CHROMIUM)");
        }
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(Path.of(executable)).setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync")));
    }

    /** A fresh browser profile signed in to Studio as {@code username} through Keycloak's login page (code flow with PKCE). */
    Page signedIn(String studioUrl, String path, String username) {
        return signedIn(studioUrl, path, username, response -> { });
    }

    /** As above, with every answer the page receives from the first request on shown to {@code responses}. */
    Page signedIn(String studioUrl, String path, String username, java.util.function.Consumer<com.microsoft.playwright.Response> responses) {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1400, 900));
        Page page = context.newPage();
        page.onResponse(responses);
        // what the app logs goes into the test's output, where a failure is read
        page.onConsoleMessage(message -> System.out.println("[studio console " + message.type() + "] " + message.text()));
        page.onPageError(error -> System.out.println("[studio page error] " + error));
        page.navigate(studioUrl + path);
        page.locator("#username").fill(username);
        page.locator("#password").fill("chorus");
        page.locator("#kc-login").click();
        page.getByTestId("who").waitFor();
        return page;
    }

    /** What axe-core finds on the page that is serious or critical, as "rule: where" lines (none is the bar). */
    static List<String> seriousViolations(Page page) {
        AxeResults results = new AxeBuilder(page).analyze();
        return results.getViolations().stream().filter(v -> "serious".equals(v.getImpact()) || "critical".equals(v.getImpact()))
                .map(v -> v.getId() + ": " + v.getNodes().stream().map(n -> String.valueOf(n.getTarget())).toList()).toList();
    }

    static void screenshot(Page page, String name) throws Exception {
        Files.createDirectories(SCREENSHOTS);
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(true));
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
