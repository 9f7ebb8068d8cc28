package io.chorus.deploy.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.chorus.deploy.ChorusClient;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * reporting-service at paper scale: 10,000 transcripts and 1,000,000 codings across 20 sites and 200
 * codes (20 themes of 9 sub-codes). Loads the facts into reporting's PostgreSQL, materialises the cells
 * the way the read model keeps them, then times the reports over HTTP (p50/p95 of 40 calls with a real
 * Keycloak token) next to the same code-frequency answer computed from the raw coding rows, and checks
 * that both answers agree (P3 of {@code ./platform bench}).
 */
final class ReportBenchmark {

    static final int SITES = 20;
    static final int THEMES = 20;
    static final int SUBCODES = 9;
    static final String BOOK = "00000000-0000-4000-8000-0000000b00c5";

    private ReportBenchmark() {
    }

    static void run(BenchContext context, BenchResults results) throws Exception {
        int codings = context.size(1_000_000, 100_000);
        int transcripts = codings / 100;
        ChorusClient client = context.client();
        String analyst = client.userToken("analyst");
        try (Connection db = DriverManager.getConnection(context.jdbcUrl("chorus_reporting"), "chorus", "chorus");
                Statement sql = db.createStatement()) {
            long start = System.nanoTime();
            seed(sql, transcripts, codings);
            results.value("P3", "P3.load", String.format("load %,d transcripts and %,d codings (SQL)", transcripts, codings), "s",
                    seconds(start), null, null);
            start = System.nanoTime();
            materialise(sql);
            results.value("P3", "P3.materialise", "materialise the report cells in bulk", "s", seconds(start), null, null);
            String base = "/api/reports/code-frequency?study=bench&codebook=" + BOOK;
            String filters = "?study=bench&codebook=" + BOOK;
            time(client, analyst, results, "P3.frequency-by-site", "code frequency by site (20 sites, 200 codes rolled up)", base + "&by=site");
            time(client, analyst, results, "P3.frequency-by-income", "code frequency by income level", base + "&by=income");
            time(client, analyst, results, "P3.one-site-top-level", "code frequency, one site, top level", base + "&site=S07&level=1");
            time(client, analyst, results, "P3.valence-by-income", "facilitators and barriers by income",
                    "/api/reports/facilitators-barriers" + filters + "&by=income");
            time(client, analyst, results, "P3.pre-post", "pre versus post per code and site", "/api/reports/pre-post" + filters + "&pre=pre&post=post");
            time(client, analyst, results, "P3.co-occurrence", "co-occurrence", "/api/reports/co-occurrence" + filters);
            time(client, analyst, results, "P3.progress", "progress", "/api/reports/progress");
            List<Double> raw = rawFrequency(db, client, analyst, base + "&by=site");
            results.timing("P3", "P3.raw-frequency-by-site", "the same frequency answer from the raw coding rows (SQL)", raw, null);
            double ratio = BenchResults.percentile(raw, 50) / results.find("P3.frequency-by-site").p50();
            results.value("P3", "P3.ratio", "raw rows p50 / read model p50 (code frequency by site)", "x", ratio, ">= 100 x", ratio >= 100);
        }
    }

    static void seed(Statement sql, int transcripts, int codings) throws Exception {
        sql.execute("insert into session_fact select 'S' || lpad(g::text, 2, '0'), 'bench-' || p, 'bench', p, 'focus-group', "
                + "date '2020-01-01', 90, null, '', 1 from generate_series(0, " + (SITES - 1) + ") g, unnest(array['pre','post']) p");
        sql.execute("insert into site (code, name, country, prior_peer_support) select 'S' || lpad(g::text, 2, '0'), 'Site ' || g, 'XX', "
                + "g % 2 = 0 from generate_series(0, " + (SITES - 1) + ") g on conflict do nothing");
        sql.execute("insert into site_income select 'S' || lpad(g::text, 2, '0'), date '1900-01-01', "
                + "(array['HIC','UMIC','LMIC','LIC'])[1 + g % 4] from generate_series(0, " + (SITES - 1) + ") g on conflict do nothing");
        sql.execute("insert into code_fact select 'theme-' || t, '" + BOOK + "', 'bench', 1, null, 'Theme ' || t, null, true "
                + "from generate_series(1, " + THEMES + ") t");
        sql.execute("insert into code_fact select 'code-' || t || '-' || c, '" + BOOK + "', 'bench', 1, 'theme-' || t, "
                + "'Code ' || t || '.' || c, null, true from generate_series(1, " + THEMES + ") t, generate_series(1, " + SUBCODES + ") c");
        sql.execute("insert into transcript_fact select 'bt-' || g, 'S' || lpad((g % " + SITES + ")::text, 2, '0'), null, 'en', 1, now(), "
                + "'bench', case when g % 3 = 0 then 'post' else 'pre' end, (array['HIC','UMIC','LMIC','LIC'])[1 + (g % " + SITES + ") % 4], "
                + "'' from generate_series(0, " + (transcripts - 1) + ") g");
        // 100 codings per transcript, one per paragraph, on sub-codes; every seventh spans two paragraphs
        sql.execute("insert into coding_fact select 'bc-' || g, 'bt-' || (g / 100), 'S' || lpad(((g / 100) % " + SITES + ")::text, 2, '0'), "
                + "'code-' || (1 + (g * 7 + g / 100) % " + THEMES + ") || '-' || (1 + (g / 3) % " + SUBCODES + "), 'analyst', null, false, "
                + "1 + g % 100, 1 + g % 100 + case when g % 7 = 0 then 1 else 0 end, "
                + "(array['facilitator','barrier','mixed','neutral', null])[1 + g % 5], 0 from generate_series(0, " + (codings - 1) + ") g");
        sql.execute("vacuum analyze");
    }

    /** What CodeCells keeps incrementally, computed in bulk. */
    static void materialise(Statement sql) throws Exception {
        sql.execute("insert into transcript_code select f.transcript_id, a.ancestor, count(*), "
                + "count(*) filter (where f.valence = 'facilitator'), count(*) filter (where f.valence = 'barrier'), "
                + "count(*) filter (where f.valence = 'mixed'), count(*) filter (where f.valence = 'neutral') "
                + "from coding_fact f join (select code_id, code_id as ancestor from code_fact union all "
                + "select code_id, parent_id from code_fact where parent_id is not null) a on a.code_id = f.code_id "
                + "where f.round_id is null and f.transcript_id like 'bt-%' group by 1, 2");
        sql.execute("insert into code_cell select tc.code_id, t.site, t.cell_study, t.cell_phase, t.cell_band, t.cell_role, count(*), "
                + "sum(tc.passages), sum(tc.facilitators), sum(tc.barriers), sum(tc.mixed), sum(tc.neutral) "
                + "from transcript_code tc join transcript_fact t on t.transcript_id = tc.transcript_id where t.transcript_id like 'bt-%' "
                + "group by 1, 2, 3, 4, 5, 6");
        sql.execute("insert into transcript_pair select a.transcript_id, a.code_id, b.code_id, count(*) from coding_fact a "
                + "join coding_fact b on a.transcript_id = b.transcript_id and a.code_id < b.code_id "
                + "and a.first_paragraph <= b.last_paragraph and b.first_paragraph <= a.last_paragraph where a.transcript_id like 'bt-%' "
                + "group by 1, 2, 3");
        sql.execute("insert into pair_cell select p.code_a, p.code_b, t.site, t.cell_study, t.cell_phase, t.cell_band, t.cell_role, count(*), "
                + "sum(p.passages) from transcript_pair p join transcript_fact t on t.transcript_id = p.transcript_id "
                + "where t.transcript_id like 'bt-%' group by 1, 2, 3, 4, 5, 6, 7");
        sql.execute("update transcript_fact t set coded = exists (select 1 from coding_fact f where f.transcript_id = t.transcript_id) "
                + "where t.transcript_id like 'bt-%'");
        sql.execute("vacuum analyze");
    }

    /** The same code-frequency-by-site answer straight from the coding rows, checked against the API's. */
    static List<Double> rawFrequency(Connection db, ChorusClient client, String token, String path) throws Exception {
        String raw = "select a.ancestor, t.site, count(distinct f.transcript_id), count(*) from coding_fact f "
                + "join (select code_id, code_id as ancestor from code_fact union all select code_id, parent_id from code_fact "
                + "where parent_id is not null) a on a.code_id = f.code_id join transcript_fact t on t.transcript_id = f.transcript_id "
                + "where f.round_id is null and t.cell_study = 'bench' group by 1, 2";
        Map<String, long[]> answer = new HashMap<>();
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            long start = System.nanoTime();
            try (PreparedStatement query = db.prepareStatement(raw); ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    answer.put(rows.getString(1) + "|" + rows.getString(2), new long[] {rows.getLong(3), rows.getLong(4)});
                }
            }
            if (i >= 2) {
                millis.add((System.nanoTime() - start) / 1e6);
            }
        }
        JsonNode api = client.get("reporting-service", path, token).body();
        int compared = 0;
        for (JsonNode row : api.path("rows")) {
            for (int s = 0; s < SITES; s++) {
                String site = "S" + (s < 10 ? "0" : "") + s;
                long[] expected = answer.getOrDefault(row.path("codeId").asText() + "|" + site, new long[2]);
                if (expected[0] != row.path(site + ".documents").asLong() || expected[1] != row.path(site + ".passages").asLong()) {
                    throw new IllegalStateException("read model and raw rows disagree for " + row.path("code") + " at " + site);
                }
                compared++;
            }
        }
        System.out.printf("read model and raw rows agree on all %,d code x site cells%n", compared);
        return millis;
    }

    static void time(ChorusClient client, String token, BenchResults results, String id, String label, String path) {
        for (int i = 0; i < 5; i++) {
            check(client.get("reporting-service", path, token));
        }
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            long start = System.nanoTime();
            check(client.get("reporting-service", path, token));
            millis.add((System.nanoTime() - start) / 1e6);
        }
        results.timing("P3", id, label, millis, id.equals("P3.progress") ? null : 20.0);
    }

    static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    private static void check(ChorusClient.Reply reply) {
        if (reply.status() != 200) {
            throw new IllegalStateException("answered " + reply.status() + ": " + reply.body());
        }
    }
}
