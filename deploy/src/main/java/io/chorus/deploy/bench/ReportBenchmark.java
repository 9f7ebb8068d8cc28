package io.chorus.deploy.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.chorus.deploy.ChorusClient;
import io.chorus.deploy.Platform;
import io.chorus.deploy.PlatformSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * reporting-service at paper scale: 10,000 transcripts and 1,000,000 codings across 20 sites and 200
 * codes (20 themes of 9 sub-codes). Loads the facts into reporting's PostgreSQL, materialises the cells
 * the way the read model keeps them, then times the reports over HTTP (p50/p95 of 40 calls with a real
 * Keycloak token) next to the same code-frequency answer computed from the raw coding rows, and checks
 * that both answers agree. {@code ./platform bench-reports [codings]}.
 */
public final class ReportBenchmark {

    static final int SITES = 20;
    static final int THEMES = 20;
    static final int SUBCODES = 9;

    private ReportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int codings = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int transcripts = codings / 100;
        Path root = Path.of(System.getProperty("chorus.root", ".")).toAbsolutePath().normalize();
        Path state = Files.createTempDirectory("chorus-report-bench");
        try (Platform platform = new Platform(PlatformSettings.withFreePorts(root, state, root.resolve("deploy/target/keycloak-bench")),
                line -> System.out.println("[bench platform] " + line))) {
            platform.start();
            ChorusClient client = new ChorusClient(platform.settings());
            String analyst = client.userToken("analyst");
            String url = "jdbc:postgresql://localhost:" + platform.settings().port(PlatformSettings.POSTGRES) + "/chorus_reporting";
            try (Connection db = DriverManager.getConnection(url, "chorus", "chorus"); Statement sql = db.createStatement()) {
                long start = System.nanoTime();
                seed(sql, transcripts, codings);
                System.out.printf("loaded %,d transcripts and %,d codings in %.1f s%n", transcripts, codings, seconds(start));
                start = System.nanoTime();
                materialise(sql);
                System.out.printf("materialised the report cells in %.1f s%n", seconds(start));
                String base = "/api/reports/code-frequency?study=bench&codebook=bench-book";
                time(client, analyst, "code frequency by site (20 sites, 200 codes rolled up)", base + "&by=site");
                time(client, analyst, "code frequency by income level", base + "&by=income");
                time(client, analyst, "code frequency, one site, top level", base + "&site=S07&level=1");
                time(client, analyst, "facilitators and barriers by income", "/api/reports/facilitators-barriers?study=bench&codebook=bench-book&by=income");
                time(client, analyst, "pre versus post per code and site", "/api/reports/pre-post?study=bench&codebook=bench-book&pre=pre&post=post");
                time(client, analyst, "co-occurrence", "/api/reports/co-occurrence?study=bench&codebook=bench-book");
                time(client, analyst, "progress", "/api/reports/progress");
                rawFrequency(db, client, analyst, base + "&by=site");
            }
        }
    }

    static void seed(Statement sql, int transcripts, int codings) throws Exception {
        sql.execute("insert into site (code, name, country, prior_peer_support) select 'S' || lpad(g::text, 2, '0'), 'Site ' || g, 'XX', "
                + "g % 2 = 0 from generate_series(0, " + (SITES - 1) + ") g on conflict do nothing");
        sql.execute("insert into site_income select 'S' || lpad(g::text, 2, '0'), date '1900-01-01', "
                + "(array['HIC','UMIC','LMIC','LIC'])[1 + g % 4] from generate_series(0, " + (SITES - 1) + ") g on conflict do nothing");
        sql.execute("insert into code_fact select 'theme-' || t, 'bench-book', 'bench', 1, null, 'Theme ' || t, null, true "
                + "from generate_series(1, " + THEMES + ") t");
        sql.execute("insert into code_fact select 'code-' || t || '-' || c, 'bench-book', 'bench', 1, 'theme-' || t, "
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
                + "where f.round_id is null group by 1, 2");
        sql.execute("insert into code_cell select tc.code_id, t.site, t.cell_study, t.cell_phase, t.cell_band, t.cell_role, count(*), "
                + "sum(tc.passages), sum(tc.facilitators), sum(tc.barriers), sum(tc.mixed), sum(tc.neutral) "
                + "from transcript_code tc join transcript_fact t on t.transcript_id = tc.transcript_id group by 1, 2, 3, 4, 5, 6");
        sql.execute("insert into transcript_pair select a.transcript_id, a.code_id, b.code_id, count(*) from coding_fact a "
                + "join coding_fact b on a.transcript_id = b.transcript_id and a.code_id < b.code_id "
                + "and a.first_paragraph <= b.last_paragraph and b.first_paragraph <= a.last_paragraph group by 1, 2, 3");
        sql.execute("insert into pair_cell select p.code_a, p.code_b, t.site, t.cell_study, t.cell_phase, t.cell_band, t.cell_role, count(*), "
                + "sum(p.passages) from transcript_pair p join transcript_fact t on t.transcript_id = p.transcript_id group by 1, 2, 3, 4, 5, 6, 7");
        sql.execute("update transcript_fact t set coded = exists (select 1 from coding_fact f where f.transcript_id = t.transcript_id)");
        sql.execute("vacuum analyze");
    }

    /** The same code-frequency-by-site answer straight from the coding rows, checked against the API's. */
    static void rawFrequency(Connection db, ChorusClient client, String token, String path) throws Exception {
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
        report("same answer from the raw coding rows (SQL, 10 runs)", millis);
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
    }

    static void time(ChorusClient client, String token, String label, String path) {
        for (int i = 0; i < 5; i++) {
            check(client.get("reporting-service", path, token));
        }
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            long start = System.nanoTime();
            check(client.get("reporting-service", path, token));
            millis.add((System.nanoTime() - start) / 1e6);
        }
        report(label, millis);
    }

    static void report(String label, List<Double> millis) {
        Collections.sort(millis);
        System.out.printf("%-58s p50 %8.1f ms   p95 %8.1f ms%n", label, millis.get(millis.size() / 2),
                millis.get((int) Math.ceil(millis.size() * 0.95) - 1));
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
