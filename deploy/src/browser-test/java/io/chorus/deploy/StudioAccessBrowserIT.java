package io.chorus.deploy;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Files;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Who may act where, in Studio: a site lead grants and changes a role at their own site and is refused at another; an admin
 * registers a partner system, copies its secret (shown once), rotates it, and finds the changes in the audit and its CSV.
 */
class StudioAccessBrowserIT extends StudioBrowserTest {

    static Page.GetByRoleOptions named(String name) {
        return new Page.GetByRoleOptions().setName(name).setExact(true);
    }

    @Test
    void aLeadGrantsARoleAtTheirSiteAndIsRefusedAtAnother() throws Exception {
        String username = "studio-" + UUID.randomUUID().toString().substring(0, 8);
        Page lead = browser.signedIn(EmbeddedPlatform.settings().studioUrl(), "/#/access/BU", "lead-bu");
        Locator form = lead.locator("member-list form");
        form.getByLabel("Username").fill(username);
        form.getByLabel("First name").fill("Studio");
        form.getByLabel("Last name").fill("Tester");
        form.getByLabel("Role").selectOption("site-researcher");
        form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Grant")).click();
        Locator row = lead.locator("tr[data-username='" + username + "']");
        assertThat(row).containsText("site-researcher");
        row.getByLabel("New role of " + username).selectOption("translator");
        row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Change")).click();
        assertThat(row.locator("td").nth(1)).hasText("translator");
        assertEquals(List.of(), StudioBrowser.seriousViolations(lead), "axe-core on site access");
        StudioBrowser.screenshot(lead, "access-members");

        // another site: its members are not the lead's to see, and a grant there is refused by the server
        lead.navigate(EmbeddedPlatform.settings().studioUrl() + "/#/access/ULM");
        assertThat(lead.locator("member-list .refusal")).isVisible();
        Locator elsewhere = lead.locator("member-list form");
        elsewhere.getByLabel("Username").fill(username);
        elsewhere.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Grant")).click();
        assertThat(lead.locator("member-list [role=alert]")).containsText("ULM");
        assertThat(lead.locator("tr[data-username='" + username + "']")).hasCount(0);
    }

    @Test
    void anAdminRegistersAPartnerCopiesItsSecretOnceRotatesItAndFindsItInTheAudit() throws Exception {
        String name = "studio-" + UUID.randomUUID().toString().substring(0, 8);
        Page admin = browser.signedIn(EmbeddedPlatform.settings().studioUrl(), "/#/access/BU", "admin");
        admin.context().grantPermissions(List.of("clipboard-read", "clipboard-write"));
        admin.getByLabel("Name of the partner system").fill(name);
        admin.getByRole(AriaRole.BUTTON, named("Register a partner system")).click();
        Locator credentials = admin.getByTestId("credentials");
        assertThat(credentials).containsText("shown this once");
        String clientId = credentials.locator("h4").innerText().replace("Secret of ", "").trim();
        String secret = admin.getByTestId("secret").innerText().trim();
        admin.getByRole(AriaRole.BUTTON, named("Copy the secret")).click();
        assertThat(credentials.getByRole(AriaRole.STATUS)).hasText("Copied.");
        assertEquals(secret, admin.evaluate("navigator.clipboard.readText()"));
        assertEquals(200, IdentityIT.tokenStatus(clientId, secret), "the secret shown obtains a token");
        assertEquals(List.of(), StudioBrowser.seriousViolations(admin), "axe-core with a secret shown");
        StudioBrowser.screenshot(admin, "partner-secret-shown-once");
        admin.getByRole(AriaRole.BUTTON, named("I have stored it; hide the secret")).click();
        assertThat(admin.getByTestId("secret")).hasCount(0);

        Locator row = admin.locator("tr[data-client-id='" + clientId + "']");
        row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Rotate secret")).click();
        row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Yes, rotate secret")).click();
        assertThat(admin.getByTestId("secret")).isVisible();
        String rotated = admin.getByTestId("secret").innerText().trim();
        assertNotEquals(secret, rotated);
        assertEquals(401, IdentityIT.tokenStatus(clientId, secret), "the old secret stops working");
        assertEquals(200, IdentityIT.tokenStatus(clientId, rotated));

        // a site of this test's own: an income band change from a date joins its history
        String site = "S" + new java.util.Random().ints(4, 'A', 'Z' + 1).collect(StringBuilder::new, StringBuilder::appendCodePoint,
                StringBuilder::append);
        Api.identity(io.chorus.client.identity.api.SitesApi::new, client.userToken("admin")).registerSite(site, IdentityIT.nairobi(false), null);
        admin.navigate(EmbeddedPlatform.settings().studioUrl() + "/#/access/" + site);
        Locator history = admin.getByTestId("income-history");
        assertThat(history.locator("tbody tr")).hasCount(2);
        admin.getByLabel("New band").selectOption("UMIC");
        admin.getByLabel("From").fill("2026-07-01");
        admin.getByRole(AriaRole.BUTTON, named("Record the band change")).click();
        assertThat(history.locator("tbody tr")).hasCount(3);
        assertThat(history.locator("tbody tr").nth(2)).containsText("2026-07-01");
        assertThat(history.locator("tbody tr").nth(2)).containsText("UMIC");

        admin.navigate(EmbeddedPlatform.settings().studioUrl() + "/#/operations");
        admin.getByRole(AriaRole.BUTTON, named("Run the reconciliation check")).click();
        assertThat(admin.getByTestId("reconciliation")).containsText("differences");
        assertEquals(List.of(), StudioBrowser.seriousViolations(admin), "axe-core on operations");
        StudioBrowser.screenshot(admin, "operations");

        admin.navigate(EmbeddedPlatform.settings().studioUrl() + "/#/audit");
        admin.getByLabel("Person").fill("admin");
        admin.getByLabel("Site").fill("BU");
        admin.getByRole(AriaRole.BUTTON, named("Filter")).click();
        assertThat(admin.getByTestId("audit")).containsText("partner-secret-rotated client:" + clientId);
        assertEquals(List.of(), StudioBrowser.seriousViolations(admin), "axe-core on the audit");
        StudioBrowser.screenshot(admin, "audit");
        Download download = admin.waitForDownload(() -> admin.getByRole(AriaRole.BUTTON, named("Download CSV")).click());
        String csv = Files.readString(download.path());
        assertTrue(csv.startsWith("At (UTC),Actor,Action,Site,Target,Detail"), csv.lines().findFirst().orElse(""));
        assertTrue(csv.lines().anyMatch(line -> line.contains(",admin,partner-registered,BU,client:" + clientId)), "the CSV has the registration");
    }
}
