package io.chorus.deploy.bench;

import io.chorus.deploy.ChorusClient;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * coding-service at scale: lists and filters over 1,000,000 codings (200 transcripts x 5,000 codings,
 * 20 sites, 200 codes), and the agreement of two coders on a 500-paragraph transcript with 200 codes.
 * The rows are bulk-inserted into the service's PostgreSQL; every timing is an HTTP call with a real
 * Keycloak token (P4 and P5 of {@code ./platform bench}).
 */
final class CodingBenchmark {

    static final int CODES = 200;
    static final int PARAGRAPHS = 500;

    private CodingBenchmark() {
    }

    record Seeded(String analyst, String roundId, String someCode) {
    }

    private static Seeded seeded;

    /** Seeds once per run, for whichever of P4 and P5 comes first. */
    static synchronized Seeded seeded(BenchContext context, BenchResults results) throws Exception {
        if (seeded == null) {
            int codings = context.size(1_000_000, 100_000);
            ChorusClient client = context.client();
            String analyst = client.userToken("analyst");
            String codebook = client.post("coding-service", "/api/codebooks", analyst, "{\"name\":\"bench\"}").body().path("id").asText();
            long start = System.nanoTime();
            String roundId;
            try (Connection db = DriverManager.getConnection(context.jdbcUrl("chorus_coding"), "chorus", "chorus");
                    Statement sql = db.createStatement()) {
                roundId = seed(sql, codebook, codings);
            }
            results.value("P4", "P4.load", String.format("load %,d codings into coding-service (SQL)", codings), "s",
                    (System.nanoTime() - start) / 1e9, null, null);
            String someCode = client.get("coding-service", "/api/codebooks/" + codebook, analyst).body().path("codes").path(7).path("id").asText();
            seeded = new Seeded(analyst, roundId, someCode);
        }
        return seeded;
    }

    static void runAgreement(BenchContext context, BenchResults results) throws Exception {
        Seeded data = seeded(context, results);
        time(context.client(), data.analyst(), results, "P4", "P4.agreement", "agreement, 500 paragraphs x 200 codes, 2 coders, every coefficient",
                "/api/rounds/" + data.roundId() + "/agreement", 50, 50.0);
    }

    static void runListing(BenchContext context, BenchResults results) throws Exception {
        Seeded data = seeded(context, results);
        ChorusClient client = context.client();
        String token = data.analyst();
        time(client, token, results, "P5", "P5.first-page", "list, first page of everything (size 100)", "/api/codings?size=100", 95, 30.0);
        time(client, token, results, "P5", "P5.page-50", "list, page 50 of everything", "/api/codings?size=100&page=50", 95, 30.0);
        time(client, token, results, "P5", "P5.site", "filter by site", "/api/codings?site=S07&size=100", 95, 30.0);
        time(client, token, results, "P5", "P5.code-site", "filter by code and site", "/api/codings?code=" + data.someCode() + "&site=S07&size=100", 95, 30.0);
        time(client, token, results, "P5", "P5.transcript", "filter by transcript", "/api/codings?transcript=bench-t-0042&size=100", 95, 30.0);
        time(client, token, results, "P5", "P5.coder-valence", "filter by coder and valence", "/api/codings?coder=coder-3&valence=barrier&size=100", 95, 30.0);
    }

    static String seed(Statement sql, String codebook, int codings) throws Exception {
        sql.execute("insert into code (id, codebook_id, name, origin, codable, position, added_in) "
                + "select gen_random_uuid(), '" + codebook + "', 'code ' || g, 'inductive', true, g, 1 from generate_series(1, " + CODES + ") g");
        int transcripts = Math.max(1, codings / 5000);
        sql.execute("insert into released_transcript (id, site, external_id, language, version, released_at) "
                + "select 'bench-t-' || lpad(g::text, 4, '0'), 'S' || lpad((g % 20)::text, 2, '0'), 'x' || g, 'en', 1, now() "
                + "from generate_series(0, " + (transcripts - 1) + ") g");
        sql.execute("insert into released_transcript (id, site, external_id, language, version, released_at) "
                + "values ('bench-pair', 'S01', 'pair', 'en', 1, now())");
        sql.execute("insert into transcript_paragraph (transcript_id, n, label, speaker, english) "
                + "select 'bench-pair', n, 'S01 ' || n, 'P1', repeat('word ', 40) from generate_series(1, "
                + PARAGRAPHS + ") n");
        sql.execute("create temporary table bench_code as select id, row_number() over (order by position) as k from code "
                + "where codebook_id = '" + codebook + "'");
        sql.execute("insert into coding (id, transcript_id, site, code_id, coder, consensus, first_paragraph, last_paragraph, "
                + "valence, created_at, updated_at) "
                + "select gen_random_uuid(), 'bench-t-' || lpad(((g / 5000) % " + transcripts + ")::text, 4, '0'), "
                + "'S' || lpad((((g / 5000) % " + transcripts + ") % 20)::text, 2, '0'), c.id, 'coder-' || (g % 8), false, "
                + "1 + g % 300, 1 + g % 300 + g % 3, (array['facilitator','barrier','mixed','neutral'])[1 + g % 4], "
                + "now() - (g || ' seconds')::interval, now() from generate_series(0, " + (codings - 1) + ") g "
                + "join bench_code c on c.k = 1 + g % " + CODES);
        String round = UUID.randomUUID().toString();
        sql.execute("insert into coding_round (id, name, codebook_id, independent, status, created_by, created_at, closed_at) "
                + "values ('" + round + "', 'bench', '" + codebook + "', true, 'closed', 'bench', now(), now())");
        sql.execute("insert into round_assignment values ('" + round + "', 'bench-pair', 'coder-a'), ('" + round + "', 'bench-pair', 'coder-b')");
        // each coder codes every paragraph with two codes; coder b differs on every fifth
        sql.execute("insert into coding (id, transcript_id, site, code_id, coder, round_id, consensus, first_paragraph, "
                + "last_paragraph, created_at, updated_at) "
                + "select gen_random_uuid(), 'bench-pair', 'S01', c.id, who, '" + round + "', false, n, n, now(), now() "
                + "from generate_series(1, " + PARAGRAPHS + ") n cross join (values ('coder-a'), ('coder-b')) w(who) "
                + "cross join generate_series(0, 1) j "
                + "join bench_code c on c.k = 1 + ((n * 7 + j * 13 + case when who = 'coder-b' and n % 5 = 0 then 1 else 0 end) % " + CODES + ")");
        sql.execute("vacuum analyze");  // what autovacuum does to a table after a bulk load
        return round;
    }

    static void time(ChorusClient client, String token, BenchResults results, String phase, String id, String label, String path,
            int goalPercentile, Double goal) {
        for (int i = 0; i < 5; i++) {
            check(client.get("coding-service", path, token));
        }
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            long start = System.nanoTime();
            check(client.get("coding-service", path, token));
            millis.add((System.nanoTime() - start) / 1e6);
        }
        results.timing(phase, id, label, millis, goalPercentile, goal);
    }

    private static void check(ChorusClient.Reply reply) {
        if (reply.status() != 200) {
            throw new IllegalStateException("answered " + reply.status() + ": " + reply.body());
        }
    }
}
