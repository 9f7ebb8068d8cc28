package io.chorus.deploy;

import static io.chorus.deploy.Api.assertRefused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chorus.client.coding.api.CodebooksApi;
import io.chorus.client.coding.api.CodingApi;
import io.chorus.client.coding.model.PageCodingView;
import io.chorus.client.coding.model.PhaseAssignment;
import io.chorus.client.reporting.api.AdministrationApi;
import io.chorus.client.reporting.api.ReportsApi;
import io.chorus.client.reporting.model.RebuildStatus;
import io.chorus.client.reporting.model.Report;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 5's "done when" on the real platform, read through the generated reporting client: the demo data
 * (53 published excerpts, coded with the published codebooks) gives the numbers worked out by hand from the
 * fixtures, and a rebuild from the Kafka topics reproduces every report exactly.
 */
@ExtendWith(EmbeddedPlatform.class)
class PaperReportsIT {

    final ChorusClient client = EmbeddedPlatform.client();

    static Map<String, ?> row(Report report, String column, String value) {
        for (Map<String, ?> row : report.getRows()) {
            if (value.equals(String.valueOf(Api.cell(row, column)))) {
                return row;
            }
        }
        throw new AssertionError("no row with " + column + " = " + value + " in " + report.getReport());
    }

    static double number(Map<String, ?> row, String column) {
        return ((Number) Api.cell(row, column)).doubleValue();
    }

    static Report frequency(ReportsApi reports, String study, String codebook, String by) throws Exception {
        return reports.getCodeFrequencyReport(null, by, codebook, null, null, null, null, null, null, null, null, study);
    }

    @Test
    void theDemoStudysTablesMatchTheFixturesAndARebuildReproducesThem() throws Exception {
        DemoData.Loaded demo = DemoData.load(client, System.out::println);
        ReportsApi reports = Api.reporting(ReportsApi::new, client.userToken("analyst"));
        String mhw = demo.codebooks().get("mhw-perspectives-themes");
        String influences = demo.codebooks().get("implementation-influences");
        String cfir = demo.codebooks().get("cfir-2009");
        awaitDemoTables(client, demo);
        String relativeAdvantage = null;
        for (Map<String, ?> r : frequency(reports, null, cfir, null).getRows()) {
            if ("CFIR-1.3".equals(Api.cell(r, "frameworkRef"))) {
                relativeAdvantage = String.valueOf(Api.cell(r, "codeId"));
            }
        }
        Report quotes = reports.getQuotesReport(null, relativeAdvantage, null, null, null, null, null, null, null, "haun2024", null);
        assertEquals(1, quotes.getRows().size());
        assertTrue(String.valueOf(Api.cell(quotes.getRows().get(0), "english")).startsWith("The hospital managers will benefit"));
        assertEquals("facilitator", Api.cell(quotes.getRows().get(0), "valence"));
        assertNull(Api.cell(quotes.getRows().get(0), "original"), "analysts read English only");
        assertRefused(403, () -> frequency(Api.reporting(ReportsApi::new, client.partnerToken("BU")), "krumm2022", mhw, null));
        assertEquals(200, client.get("reporting-service", "/api/reports/code-frequency?study=krumm2022&format=xlsx&codebook=" + mhw,
                client.userToken("analyst")).status(), "the XLSX rendering (a file, read raw)");

        // a rebuild from the topics gives identical reports
        String code = relativeAdvantage;
        Map<String, Callable<Report>> compared = new LinkedHashMap<>();
        compared.put("krumm by site", () -> frequency(reports, "krumm2022", mhw, "site"));
        compared.put("krumm by income", () -> frequency(reports, "krumm2022", mhw, "income"));
        compared.put("ramesh valence", () -> reports.getFacilitatorsBarriersReport(null, null, influences, null, null, null, null, null, null, null, "ramesh2022"));
        compared.put("ramesh roles", () -> reports.getParticipantsByRoleReport(null, null, null, null, null, null, null, null, "ramesh2022"));
        compared.put("haun pre-post", () -> reports.getPrePostReport(null, cfir, null, null, null, null, null, null, null, null, null, "haun2024"));
        compared.put("quotes", () -> reports.getQuotesReport(null, code, null, null, null, null, null, null, null, null, null));
        compared.put("co-occurrence", () -> reports.getCoOccurrenceReport(null, null, null, null, null, null, null, null, null));
        compared.put("progress", () -> reports.getProgressReport(null, null, "krumm2022"));
        Map<String, String> before = new LinkedHashMap<>();
        for (var report : compared.entrySet()) {
            before.put(report.getKey(), report.getValue().call().toString());
        }
        assertRefused(403, () -> Api.reporting(AdministrationApi::new, client.userToken("analyst")).startRebuild(null));
        AdministrationApi admin = Api.reporting(AdministrationApi::new, client.userToken("admin"));
        var started = admin.startRebuildWithHttpInfo(null);
        assertEquals(202, started.getStatusCode());
        String id = started.getData().getId();
        Awaitility.await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1))
                .until(() -> !"running".equals(String.valueOf(admin.getRebuild(id).getState())));
        RebuildStatus finished = admin.getRebuild(id);
        assertEquals("done", String.valueOf(finished.getState()), finished.toString());
        assertTrue(finished.getReplayed() > 100, finished.toString());
        assertNull(finished.getError());
        for (var report : compared.entrySet()) {
            assertEquals(before.get(report.getKey()), report.getValue().call().toString(), "after the rebuild: " + report.getKey());
        }
        assertEquals(0, admin.getReconciliation().getDifferences(), "the rebuilt cells equal the facts they are made of");
    }

    /**
     * Issue 14 over the real Kafka: coding-service announces a phase's codebook and the phase's code reports count that
     * codebook's codes alone; issue 15's cursor listing walks every coding once through the generated client.
     */
    @Test
    void aPhasesReportCountsItsAssignedCodebookAndTheListingWalksByCursor() throws Exception {
        DemoData.Loaded demo = DemoData.load(client, line -> { });
        String mhw = demo.codebooks().get("mhw-perspectives-themes");
        ReportsApi reports = Api.reporting(ReportsApi::new, client.userToken("analyst"));
        int mhwCodes = frequency(reports, "krumm2022", mhw, null).getRows().size();
        Api.coding(CodebooksApi::new, client.userToken("analyst")).assignPhaseCodebook("krumm2022", "pre-intervention",
                new PhaseAssignment().codebookId(UUID.fromString(mhw)));
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            Report scoped = reports.getCodeFrequencyReport(null, null, null, null, null, null, null, "pre-intervention", null, null,
                    null, "krumm2022");
            assertEquals(mhw, scoped.getFilters().get("codebook"));
            assertEquals(mhwCodes, scoped.getRows().size(), "the phase's codebook only");
        });
        assertRefused(422, () -> reports.getCodeFrequencyReport(null, null, null, null, null, null, null, "no-such-phase", null, null,
                null, "krumm2022"));

        CodingApi codings = Api.coding(CodingApi::new, client.userToken("analyst"));
        long total = codings.listCodings(null, null, null, null, null, null, null, 1, true, null, null).getTotal();
        Set<UUID> seen = new HashSet<>();
        String after = null;
        do {
            PageCodingView page = codings.listCodings(after, null, null, null, null, null, null, 7, null, null, null);
            assertNull(page.getTotal(), "counted only when asked for");
            page.getItems().forEach(c -> assertTrue(seen.add(c.getId()), "each coding once"));
            after = page.getNext();
        } while (after != null);
        long totalAfter = codings.listCodings(null, null, null, null, null, null, null, 1, true, null, null).getTotal();
        assertTrue(total > 7, "several pages: " + total);
        // other suites' events may still add codings, which come last in this order
        assertTrue(seen.size() >= total && seen.size() <= totalAfter, seen.size() + " seen of " + total + ".." + totalAfter);
    }

    /**
     * Waits until reporting holds the whole demo (events arrive within seconds) and checks every table once all of them
     * are in. Each class that loads the demo calls it, so that none leaves demo events in flight for the next class.
     */
    static void awaitDemoTables(ChorusClient client, DemoData.Loaded demo) {
        ReportsApi reports = Api.reporting(ReportsApi::new, client.userToken("analyst"));
        Awaitility.await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(2))
                .untilAsserted(() -> assertDemoTables(reports, demo.codebooks().get("mhw-perspectives-themes"),
                        demo.codebooks().get("implementation-influences"), demo.codebooks().get("cfir-2009")));
    }

    static void assertDemoTables(ReportsApi reports, String mhw, String influences, String cfir) throws Exception {

        // Krumm et al.: 6 transcripts (BU, AD, ULM, BGU, DS, UKE). Every one has an "expected benefits" excerpt;
        // "roles and boundaries" appears in all but DS.
        Report bySite = frequency(reports, "krumm2022", mhw, "site");
        Map<String, ?> benefits = row(bySite, "code", "Expected benefits from peer support");
        assertEquals(1.0, number(benefits, "share"), 1e-9);
        assertEquals(6, (int) number(benefits, "sites"));
        Map<String, ?> roles = row(bySite, "code", "PSWs' roles and boundaries");
        assertEquals(5, (int) number(roles, "documents"));
        assertEquals(5.0 / 6, number(roles, "share"), 1e-9);
        assertEquals(0, (int) number(roles, "DS.documents"));
        // income as of the session date (2019-10-15): Tanzania (DS) was still low income, so LIC = BU + DS
        Map<String, ?> byIncome = row(frequency(reports, "krumm2022", mhw, "income"), "code", "Expected benefits from peer support");
        assertEquals(2, (int) number(byIncome, "LIC.documents"));
        assertEquals(3, (int) number(byIncome, "HIC.documents"));
        assertEquals(1, (int) number(byIncome, "LMIC.documents"));

        // Ramesh et al.: 5 transcripts (BU, BGU, DS, ULM, UKE); organisational level in 4 (not ULM), initial training in 3
        Report ramesh = frequency(reports, "ramesh2022", influences, null);
        assertEquals(0.8, number(row(ramesh, "code", "Organisational level"), "share"), 1e-9);
        assertEquals(0.6, number(row(ramesh, "code", "PSW initial training"), "share"), 1e-9);
        Report valence = reports.getFacilitatorsBarriersReport(null, null, influences, null, null, null, null, null, null, null, "ramesh2022");
        assertEquals(6, (int) number(row(valence, "code", "Organisational level"), "facilitators"));
        assertEquals(9, (int) number(row(valence, "code", "Organisational level"), "barriers"));
        assertEquals(3, (int) number(row(valence, "code", "Societal level"), "barriers"));
        // 19 distinct speakers with a number: 10 PSWs, 8 clinicians, 1 manager
        Report people = reports.getParticipantsByRoleReport(null, null, null, null, null, null, null, null, "ramesh2022");
        assertEquals(10, (int) number(row(people, "role", "PSW"), "total"));
        assertEquals(8, (int) number(row(people, "role", "Mental health clinician"), "total"));
        assertEquals(1, (int) number(row(people, "role", "Manager"), "total"));

        // Haun et al.: BU's pre-intervention transcript speaks of relative advantage; nothing after the intervention
        Report prePost = reports.getPrePostReport(null, cfir, null, null, null, null, null, null, null, null, null, "haun2024");
        Map<String, ?> interventionAtBu = null;
        for (Map<String, ?> r : prePost.getRows()) {
            if ("Intervention Characteristics".equals(Api.cell(r, "code")) && "BU".equals(Api.cell(r, "site"))) {
                interventionAtBu = r;
            }
        }
        assertEquals(1.0, number(interventionAtBu, "pre.share"), 1e-9);
        assertNull(Api.cell(interventionAtBu, "post.share"));
    }
}
