package io.chorus.deploy.bench;

import io.chorus.deploy.ChorusClient;
import io.chorus.deploy.Platform;
import io.chorus.deploy.PlatformSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

/**
 * coding-service at scale: lists and filters over 1,000,000 codings (200 transcripts x 5,000 codings,
 * 20 sites, 200 codes), and the agreement of two coders on a 500-paragraph transcript with 200 codes.
 * The rows are bulk-inserted into the service's PostgreSQL; every timing is an HTTP call with a real
 * Keycloak token. Starts its own embedded platform: {@code ./platform bench-coding [codings]}.
 */
public final class CodingBenchmark {

    static final int CODES = 200;
    static final int PARAGRAPHS = 500;

    private CodingBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int codings = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        Path root = Path.of(System.getProperty("chorus.root", ".")).toAbsolutePath().normalize();
        Path state = Files.createTempDirectory("chorus-coding-bench");
        try (Platform platform = new Platform(PlatformSettings.withFreePorts(root, state, root.resolve("deploy/target/keycloak-bench")),
                line -> System.out.println("[bench platform] " + line))) {
            platform.start();
            ChorusClient client = new ChorusClient(platform.settings());
            String analyst = client.userToken("analyst");
            String codebook = client.post("coding-service", "/api/codebooks", analyst, "{\"name\":\"bench\"}").body().path("id").asText();
            String url = "jdbc:postgresql://localhost:" + platform.settings().port(PlatformSettings.POSTGRES) + "/chorus_coding";
            long start = System.nanoTime();
            String roundId;
            try (Connection db = DriverManager.getConnection(url, "chorus", "chorus"); Statement sql = db.createStatement()) {
                roundId = seed(sql, codebook, codings);
            }
            System.out.printf("seeded %,d codings in %.1f s%n", codings, (System.nanoTime() - start) / 1e9);
            String someCode = client.get("coding-service", "/api/codebooks/" + codebook, analyst).body()
                    .path("codes").path(7).path("id").asText();
            time(client, analyst, "list, first page of everything (size 100)", "/api/codings?size=100");
            time(client, analyst, "list, page 50 of everything", "/api/codings?size=100&page=50");
            time(client, analyst, "filter by site", "/api/codings?site=S07&size=100");
            time(client, analyst, "filter by code and site", "/api/codings?code=" + someCode + "&site=S07&size=100");
            time(client, analyst, "filter by transcript", "/api/codings?transcript=bench-t-0042&size=100");
            time(client, analyst, "filter by coder and valence", "/api/codings?coder=coder-3&valence=barrier&size=100");
            time(client, analyst, "agreement, 500 paragraphs x 200 codes, 2 coders", "/api/rounds/" + roundId + "/agreement");
        }
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

    static void time(ChorusClient client, String token, String label, String path) {
        for (int i = 0; i < 5; i++) {
            check(client.get("coding-service", path, token));
        }
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            long start = System.nanoTime();
            check(client.get("coding-service", path, token));
            millis.add((System.nanoTime() - start) / 1e6);
        }
        Collections.sort(millis);
        System.out.printf("%-55s p50 %7.1f ms   p95 %7.1f ms%n", label, millis.get(millis.size() / 2),
                millis.get((int) Math.ceil(millis.size() * 0.95) - 1));
    }

    private static void check(ChorusClient.Reply reply) {
        if (reply.status() != 200) {
            throw new IllegalStateException("answered " + reply.status() + ": " + reply.body());
        }
    }
}
