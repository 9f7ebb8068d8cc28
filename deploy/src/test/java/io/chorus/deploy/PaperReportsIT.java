package io.chorus.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 5's "done when" on the real platform: the demo data (53 published excerpts, coded with the
 * published codebooks) gives the numbers worked out by hand from the fixtures, and a rebuild from the
 * Kafka topics reproduces every report exactly.
 */
@ExtendWith(EmbeddedPlatform.class)
class PaperReportsIT {

    static final String REPORTING = "reporting-service";

    final ChorusClient client = EmbeddedPlatform.client();

    static JsonNode row(JsonNode report, String column, String value) {
        for (JsonNode row : report.path("rows")) {
            if (row.path(column).asText().equals(value)) {
                return row;
            }
        }
        throw new AssertionError("no row with " + column + " = " + value + " in " + report.path("report"));
    }

    @Test
    void theDemoStudysTablesMatchTheFixturesAndARebuildReproducesThem() throws Exception {
        DemoData.Loaded demo = DemoData.load(client, System.out::println);
        String analyst = client.userToken("analyst");
        String mhw = demo.codebooks().get("mhw-perspectives-themes");
        String influences = demo.codebooks().get("implementation-influences");
        String cfir = demo.codebooks().get("cfir-2009");
        String krumm = "/api/reports/code-frequency?study=krumm2022&codebook=" + mhw;
        // events arrive within seconds; every table is checked once all of them are in
        Awaitility.await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(2))
                .untilAsserted(() -> assertDemoTables(analyst, krumm, influences, cfir));
        String relativeAdvantage = null;
        for (JsonNode r : client.get(REPORTING, "/api/reports/code-frequency?codebook=" + cfir, analyst).body().path("rows")) {
            if (r.path("frameworkRef").asText().equals("CFIR-1.3")) {
                relativeAdvantage = r.path("codeId").asText();
            }
        }
        JsonNode quotes = client.get(REPORTING, "/api/reports/quotes?study=haun2024&code=" + relativeAdvantage, analyst).body();
        assertEquals(1, quotes.path("rows").size());
        assertTrue(quotes.path("rows").path(0).path("english").asText().startsWith("The hospital managers will benefit"));
        assertEquals("facilitator", quotes.path("rows").path(0).path("valence").asText());
        assertTrue(quotes.path("rows").path(0).path("original").isNull(), "analysts read English only");
        assertEquals(403, client.get(REPORTING, krumm, client.partnerToken("BU")).status());
        assertEquals(200, client.get(REPORTING, krumm + "&format=xlsx", analyst).status());

        // a rebuild from the topics gives identical reports
        List<String> reports = List.of(krumm + "&by=site", krumm + "&by=income",
                "/api/reports/facilitators-barriers?study=ramesh2022&codebook=" + influences,
                "/api/reports/participants-by-role?study=ramesh2022", "/api/reports/pre-post?study=haun2024&codebook=" + cfir,
                "/api/reports/quotes?code=" + relativeAdvantage, "/api/reports/co-occurrence", "/api/reports/progress");
        Map<String, JsonNode> before = new java.util.LinkedHashMap<>();
        reports.forEach(path -> before.put(path, client.get(REPORTING, path, analyst).body()));
        String admin = client.userToken("admin");
        assertEquals(403, client.post(REPORTING, "/api/admin/rebuilds", analyst, "").status());
        ChorusClient.Reply started = client.post(REPORTING, "/api/admin/rebuilds", admin, "");
        assertEquals(202, started.status(), started.body().toString());
        String status = "/api/admin/rebuilds/" + started.body().path("id").asText();
        Awaitility.await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).until(() ->
                !client.get(REPORTING, status, admin).body().path("state").asText().equals("running"));
        JsonNode finished = client.get(REPORTING, status, admin).body();
        assertEquals("done", finished.path("state").asText(), finished.toString());
        assertTrue(finished.path("replayed").asLong() > 100, finished.toString());
        assertNull(finished.path("error").textValue());
        for (String path : reports) {
            assertEquals(before.get(path), client.get(REPORTING, path, analyst).body(), "after the rebuild: " + path);
        }
    }

    void assertDemoTables(String analyst, String krumm, String influences, String cfir) {

        // Krumm et al.: 6 transcripts (BU, AD, ULM, BGU, DS, UKE). Every one has an "expected benefits" excerpt;
        // "roles and boundaries" appears in all but DS.
        JsonNode bySite = client.get(REPORTING, krumm + "&by=site", analyst).body();
        JsonNode benefits = row(bySite, "code", "Expected benefits from peer support");
        assertEquals(1.0, benefits.path("share").asDouble(), 1e-9);
        assertEquals(6, benefits.path("sites").asInt());
        JsonNode roles = row(bySite, "code", "PSWs' roles and boundaries");
        assertEquals(5, roles.path("documents").asInt());
        assertEquals(5.0 / 6, roles.path("share").asDouble(), 1e-9);
        assertEquals(0, roles.path("DS.documents").asInt());
        // income as of the session date (2019-10-15): Tanzania (DS) was still low income, so LIC = BU + DS
        JsonNode byIncome = row(client.get(REPORTING, krumm + "&by=income", analyst).body(), "code", "Expected benefits from peer support");
        assertEquals(2, byIncome.path("LIC.documents").asInt());
        assertEquals(3, byIncome.path("HIC.documents").asInt());
        assertEquals(1, byIncome.path("LMIC.documents").asInt());

        // Ramesh et al.: 5 transcripts (BU, BGU, DS, ULM, UKE); organisational level in 4 (not ULM), initial training in 3
        JsonNode ramesh = client.get(REPORTING, "/api/reports/code-frequency?study=ramesh2022&codebook=" + influences, analyst).body();
        assertEquals(0.8, row(ramesh, "code", "Organisational level").path("share").asDouble(), 1e-9);
        assertEquals(0.6, row(ramesh, "code", "PSW initial training").path("share").asDouble(), 1e-9);
        JsonNode valence = client.get(REPORTING, "/api/reports/facilitators-barriers?study=ramesh2022&codebook=" + influences, analyst).body();
        assertEquals(6, row(valence, "code", "Organisational level").path("facilitators").asInt());
        assertEquals(9, row(valence, "code", "Organisational level").path("barriers").asInt());
        assertEquals(3, row(valence, "code", "Societal level").path("barriers").asInt());
        // 19 distinct speakers with a number: 10 PSWs, 8 clinicians, 1 manager
        JsonNode people = client.get(REPORTING, "/api/reports/participants-by-role?study=ramesh2022", analyst).body();
        assertEquals(10, row(people, "role", "PSW").path("total").asInt());
        assertEquals(8, row(people, "role", "Mental health clinician").path("total").asInt());
        assertEquals(1, row(people, "role", "Manager").path("total").asInt());

        // Haun et al.: BU's pre-intervention transcript speaks of relative advantage; nothing after the intervention
        JsonNode prePost = client.get(REPORTING, "/api/reports/pre-post?study=haun2024&codebook=" + cfir, analyst).body();
        JsonNode interventionAtBu = null;
        for (JsonNode r : prePost.path("rows")) {
            if (r.path("code").asText().equals("Intervention Characteristics") && r.path("site").asText().equals("BU")) {
                interventionAtBu = r;
            }
        }
        assertEquals(1.0, interventionAtBu.path("pre.share").asDouble(), 1e-9);
        assertTrue(interventionAtBu.path("post.share").isNull());
    }
}
