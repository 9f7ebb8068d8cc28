package io.chorus.deploy.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chorus.deploy.ChorusClient;
import io.chorus.deploy.Platform;
import io.chorus.deploy.PlatformSettings;
import io.chorus.deploy.bench.LatencyBenchmark;
import io.chorus.deploy.chaos.AcknowledgedWrites.Write;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Fault injection on a running platform: a mixed load (transcripts pushed and taken to release, codings, a withdrawal)
 * while each component in turn is killed with kill -9, kept down, and started again. The load's clients retry as a real
 * client would, with the same Idempotency-Key, until their write is acknowledged. At the end everything is reconciled:
 * each acknowledged write exists exactly once at its source, every released transcript is in coding-service once,
 * reporting's counts equal the sources, and no dead letter waits.
 */
public final class ChaosRun {

    public static final List<String> COMPONENTS = List.of("transcript-service", "coding-service", "reporting-service", "identity",
            PlatformSettings.KAFKA, PlatformSettings.MONGO, PlatformSettings.POSTGRES, PlatformSettings.KEYCLOAK);
    static final String SITE = "BU";
    static final int PARAGRAPHS = 3;
    /** Every third transcript is also double coded in a round and taken to consensus. */
    static final int CONSENSUS_EVERY = 3;
    static final int CONSENSUS_DECISIONS = 2;

    /**
     * @param outage how long each component stays down; {@code longOutage} for PostgreSQL and Kafka
     * @param pace   the load's pause after each transcript's eight writes
     */
    public record Settings(Duration outage, Duration longOutage, int writesPerOutage, Duration pace) {
    }

    /** One row of the table: what happened while the component was down and after it came back. */
    public record Outage(String component, int acknowledged, int clientErrors, double secondsUntilReady, int lost, int duplicated) {
    }

    public record Result(List<Outage> outages, int writes, long consensusDecided, int lost, int duplicated, List<String> mismatches) {
        public boolean reconciled() {
            return lost == 0 && duplicated == 0 && mismatches.isEmpty();
        }
    }

    private final Platform platform;
    private final List<String> components;
    private final ChorusClient client;
    private final Settings settings;
    private final Consumer<String> progress;
    private final Tokens tokens;
    private final AcknowledgedWrites writes;
    private final List<String> failures = new CopyOnWriteArrayList<>();

    public ChaosRun(Platform platform, Settings settings, Consumer<String> progress) {
        this(platform, settings, COMPONENTS, progress);
    }

    /** Kills the given components in turn, e.g. one instance of each service of a platform that runs several. */
    public ChaosRun(Platform platform, Settings settings, List<String> components, Consumer<String> progress) {
        this.platform = platform;
        this.components = List.copyOf(components);
        this.client = new ChorusClient(platform.settings());
        this.settings = settings;
        this.progress = progress;
        this.tokens = new Tokens(client);
        this.writes = new AcknowledgedWrites(progress);
    }

    private Map<String, Long> progressBefore;
    private final Map<String, Long> deadLettersBefore = new LinkedHashMap<>();

    public Result run() throws Exception {
        String analyst = tokens.user("analyst");
        progressBefore = progress(analyst);
        for (String service : List.of("coding-service", "reporting-service")) {
            deadLettersBefore.put(service, deadLetters(service));
        }
        String codebook = LatencyBenchmark.publishedCodebook(client, analyst);
        String code = LatencyBenchmark.firstCodable(client.get("coding-service", "/api/codebooks/" + codebook, analyst).body().path("codes"));
        AtomicBoolean loading = new AtomicBoolean(true);
        List<String> released = new CopyOnWriteArrayList<>();
        Thread load = new Thread(() -> {
            int n = 0;
            try {
                while (loading.get()) {
                    lifecycle(n++, codebook, code, released);
                    pause(settings.pace().toMillis());
                }
            } catch (RuntimeException e) {
                failures.add("the load stopped: " + e.getMessage());
            }
        }, "chaos-load");
        load.start();
        List<Outage> outages = new ArrayList<>();
        for (String component : components) {
            outages.add(outage(component));
        }
        loading.set(false);
        load.join(Duration.ofMinutes(5).toMillis());
        String withdrawn = released.isEmpty() ? null : released.get(0);
        if (withdrawn != null) {
            writes.write("withdrawal", () -> client.postIdempotent("transcript-service", "/api/sites/" + SITE + "/transcripts/" + withdrawn + "/withdrawal",
                    tokens.user("lead-bu"), "{\"reason\":\"the group withdrew (chaos run)\"}", key()), withdrawn, null);
        }
        progress.accept("load stopped after " + writes.size() + " acknowledged writes; reconciling");
        return reconcile(outages, code, codebook, released, withdrawn);
    }

    private Outage outage(String component) throws Exception {
        int before = writes.size();
        awaitWrites(before + settings.writesPerOutage() / 2, Duration.ofMinutes(3));
        int errorsBefore = writes.errorsDuring(component);
        progress.accept("kill -9 " + component);
        platform.crash(component);
        writes.down(component);
        int atCrash = writes.size();
        Duration outage = component.equals(PlatformSettings.POSTGRES) || component.equals(PlatformSettings.KAFKA)
                ? settings.longOutage() : settings.outage();
        Thread.sleep(outage.toMillis());
        long restarting = System.nanoTime();
        platform.restart(component);
        double seconds = (System.nanoTime() - restarting) / 1e9;
        writes.down("none");
        int acknowledged = writes.size() - atCrash;
        int clientErrors = writes.errorsDuring(component) - errorsBefore;
        progress.accept(String.format("%s back, ready in %.1f s; %d writes acknowledged while it was down", component, seconds, acknowledged));
        return new Outage(component, acknowledged, clientErrors, seconds, 0, 0);
    }

    /** One transcript from push to release, then its codings; every step retried with its own Idempotency-Key. */
    private void lifecycle(int n, String codebook, String code, List<String> released) {
        String path = "/api/sites/" + SITE + "/transcripts";
        ArrayNode paragraphs = ChorusClient.JSON.createArrayNode();
        for (int p = 1; p <= PARAGRAPHS; p++) {
            paragraphs.addObject().put("speaker", "P" + p).put("text", "Chaos " + n + ", turn " + p + ": they have lived it.");
        }
        ObjectNode push = ChorusClient.JSON.createObjectNode().put("externalId", "chaos-" + n + "-" + UUID.randomUUID()).put("language", "en");
        push.set("paragraphs", paragraphs);
        String pushKey = key();
        JsonNode pushed = writes.write("push", () -> client.postIdempotent("transcript-service", path, tokens.partner(SITE), push, pushKey), null, "id");
        String id = pushed.path("id").asText();
        String backCheck = key();
        writes.write("back-check", () -> client.postIdempotent("transcript-service", path + "/" + id + "/back-check", tokens.user("lead-bu"), "",
                backCheck), id, null,
                () -> transcriptWhere(id, t -> !t.path("status").asText().equals("uploaded")));
        for (String reviewer : List.of("translator-a", "translator-b")) {
            String review = key();
            writes.write("review", () -> client.postIdempotent("transcript-service", path + "/" + id + "/reviews", tokens.user(reviewer), "", review),
                    id, null, () -> transcriptWhere(id, t -> t.path("reviewers").toString().contains("\"" + reviewer + "\"")));
        }
        String release = key();
        writes.write("release", () -> client.postIdempotent("transcript-service", path + "/" + id + "/release", tokens.user("lead-bu"), "",
                release), id, null,
                () -> transcriptWhere(id, t -> t.path("status").asText().equals("released")));
        released.add(id);
        for (int p = 1; p <= PARAGRAPHS; p++) {
            ObjectNode coding = ChorusClient.JSON.createObjectNode().put("codeId", code).put("firstParagraph", p).put("lastParagraph", p);
            String codingKey = key();
            // coding-service has the transcript once its released event arrived: until then it answers 404
            int paragraph = p;
            writes.write("coding", () -> client.postIdempotent("coding-service", "/api/transcripts/" + id + "/codings", tokens.user("analyst"),
                    coding, codingKey), id, "id", () -> codingAt(id, code, paragraph, "analyst", null));
        }
        if (n % CONSENSUS_EVERY == CONSENSUS_EVERY - 1) {
            doubleCoded(n, id, codebook, code);
        }
        member(n);
    }

    /** The site lead adds a translator to the site (identity, and a Keycloak user behind it). */
    private void member(int n) {
        String username = "chaos-" + n + "-" + UUID.randomUUID().toString().substring(0, 8);
        ObjectNode member = ChorusClient.JSON.createObjectNode().put("username", username).put("role", "translator");
        String memberKey = key();
        writes.write("member", () -> client.postIdempotent("identity", "/api/sites/" + SITE + "/members", tokens.user("lead-bu"), member,
                memberKey), null, "username", () -> memberOf(username));
    }

    private JsonNode memberOf(String username) {
        for (JsonNode member : client.get("identity", "/api/sites/" + SITE + "/members", tokens.user("lead-bu")).body()) {
            if (member.path("username").asText().equals(username)) {
                return member;
            }
        }
        return null;
    }

    /** Two coders code the transcript blind in a round, the round closes, and a consensus of two passages is decided. */
    private void doubleCoded(int n, String id, String codebook, String code) {
        String name = "chaos round " + n + " " + UUID.randomUUID();
        ObjectNode round = ChorusClient.JSON.createObjectNode().put("name", name).put("codebookId", codebook);
        round.putArray("assignments").addObject().put("transcriptId", id).putArray("coders").add("analyst").add("analyst-b");
        String roundKey = key();
        String roundId = writes.write("round", () -> client.postIdempotent("coding-service", "/api/rounds", tokens.user("analyst"), round,
                roundKey), id, "id", () -> myRound(name)).path("id").asText();
        ArrayNode basedOn = ChorusClient.JSON.createArrayNode();
        for (String coder : List.of("analyst", "analyst-b")) {
            ObjectNode coding = ChorusClient.JSON.createObjectNode().put("codeId", code).put("firstParagraph", 1).put("lastParagraph", 1)
                    .put("roundId", roundId);
            String codingKey = key();
            basedOn.add(writes.write("round coding", () -> client.postIdempotent("coding-service", "/api/transcripts/" + id + "/codings",
                    tokens.user(coder), coding, codingKey), id, "id", () -> codingAt(id, code, 1, coder, roundId)).path("id").asText());
        }
        String roundPath = "/api/rounds/" + roundId;
        writes.write("closure", () -> client.post("coding-service", roundPath + "/closure", tokens.user("analyst"), "",
                client.get("coding-service", roundPath, tokens.user("analyst")).etag()), id, null, () -> {
                    JsonNode now = client.get("coding-service", roundPath, tokens.user("analyst")).body();
                    return now.path("status").asText().equals("closed") ? now : null;
                });
        ObjectNode consensus = ChorusClient.JSON.createObjectNode();
        ArrayNode decisions = consensus.putArray("codings");
        decisions.addObject().put("codeId", code).put("firstParagraph", 1).put("lastParagraph", 1).set("basedOn", basedOn);
        decisions.addObject().put("codeId", code).put("firstParagraph", 2).put("lastParagraph", 2);
        String consensusPath = roundPath + "/transcripts/" + id + "/consensus";
        writes.write("consensus", () -> client.put("coding-service", consensusPath, tokens.user("analyst"), consensus), id, null, () -> {
            JsonNode decided = client.get("coding-service", consensusPath, tokens.user("analyst")).body();
            return decided.path("codings").size() == CONSENSUS_DECISIONS ? decided : null;
        });
    }

    private JsonNode myRound(String name) {
        for (JsonNode assignment : client.get("coding-service", "/api/rounds/mine", tokens.user("analyst")).body()) {
            if (assignment.path("roundName").asText().equals(name)) {
                return ChorusClient.JSON.createObjectNode().put("id", assignment.path("roundId").asText());
            }
        }
        return null;
    }

    private JsonNode transcriptWhere(String id, java.util.function.Predicate<JsonNode> done) {
        ChorusClient.Reply reply = client.get("transcript-service", "/api/sites/" + SITE + "/transcripts/" + id, tokens.user("lead-bu"));
        return reply.status() == 200 && done.test(reply.body()) ? reply.body() : null;
    }

    private JsonNode codingAt(String transcript, String code, int paragraph, String coder, String round) {
        for (JsonNode coding : client.get("coding-service", "/api/codings?transcript=" + transcript + "&size=100", tokens.user(coder))
                .body().path("items")) {
            if (coding.path("codeId").asText().equals(code) && coding.path("firstParagraph").asInt() == paragraph
                    && coding.path("coder").asText().equals(coder) && Objects.equals(round, coding.path("roundId").textValue())
                    && !coding.path("consensus").asBoolean()) {
                return coding;
            }
        }
        return null;
    }

    private Result reconcile(List<Outage> outages, String code, String codebook, List<String> released, String withdrawn) {
        String analyst = tokens.user("analyst");
        String admin = tokens.user("admin");
        List<String> mismatches = new ArrayList<>(failures);
        Map<String, Integer> lostBy = new LinkedHashMap<>();
        Map<String, Integer> duplicatedBy = new LinkedHashMap<>();
        // transcripts: each acknowledged push exists once at its source, and each released one once in coding-service
        Set<String> atSource = new TreeSet<>();
        int listed = 0;
        for (int page = 0; ; page++) {
            JsonNode items = client.get("transcript-service", "/api/sites/" + SITE + "/transcripts?size=200&page=" + page,
                    tokens.user("lead-bu")).body().path("items");
            for (JsonNode t : items) {
                if (t.path("externalId").asText().startsWith("chaos-")) {
                    atSource.add(t.path("id").asText());
                    listed++;
                }
            }
            if (items.size() < 200) {
                break;
            }
        }
        writes.of("push").filter(w -> !atSource.contains(w.id())).forEach(w -> lostBy.merge(w.during(), 1, Integer::sum));
        // members: each acknowledged one is a member of the site once
        Map<String, Integer> members = new java.util.HashMap<>();
        client.get("identity", "/api/sites/" + SITE + "/members", tokens.user("lead-bu")).body().forEach(m -> {
            if (m.path("username").asText().startsWith("chaos-")) {
                members.merge(m.path("username").asText(), 1, Integer::sum);
            }
        });
        writes.of("member").filter(w -> !members.containsKey(w.id())).forEach(w -> lostBy.merge(w.during(), 1, Integer::sum));
        members.forEach((username, times) -> {
            if (times > 1) {
                duplicatedBy.merge("none", times - 1, Integer::sum);
            }
        });
        if (members.size() != writes.of("member").count()) {
            mismatches.add("identity lists " + members.size() + " chaos members; " + writes.of("member").count() + " were acknowledged");
        }
        long pushes = writes.of("push").map(Write::id).distinct().count();
        if (listed != pushes) {
            mismatches.add("transcript-service lists " + listed + " chaos transcripts; " + pushes + " pushes were acknowledged");
        }
        // wait for the events to settle, then compare every consumer with its source
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        List<String> differences;
        do {
            differences = differences(analyst, admin, code, codebook, released, withdrawn, lostBy, duplicatedBy, false);
            if (!differences.isEmpty()) {
                pause(1_000);
            }
        } while (!differences.isEmpty() && System.nanoTime() < deadline);
        differences = differences(analyst, admin, code, codebook, released, withdrawn, lostBy, duplicatedBy, true);
        mismatches.addAll(differences);
        List<Outage> rows = outages.stream().map(o -> new Outage(o.component(), o.acknowledged(), o.clientErrors(), o.secondsUntilReady(),
                lostBy.getOrDefault(o.component(), 0), duplicatedBy.getOrDefault(o.component(), 0))).toList();
        int lost = lostBy.values().stream().mapToInt(Integer::intValue).sum();
        int duplicated = duplicatedBy.values().stream().mapToInt(Integer::intValue).sum();
        return new Result(rows, writes.size(), writes.of("consensus").count(), lost, duplicated, mismatches);
    }

    private List<String> differences(String analyst, String admin, String code, String codebook, List<String> released, String withdrawn,
            Map<String, Integer> lostBy, Map<String, Integer> duplicatedBy, boolean count) {
        List<String> differences = new ArrayList<>();
        long passagesExpected = 0;
        long doubleCoded = 0;
        for (String id : released) {
            boolean gone = id.equals(withdrawn);
            int status = client.get("coding-service", "/api/transcripts/" + id, analyst).status();
            if (gone != (status == 404)) {
                differences.add("transcript " + id + " is " + (gone ? "withdrawn but still" : "released but not") + " in coding-service");
            }
            if (gone) {
                continue;
            }
            JsonNode codings = client.get("coding-service", "/api/codings?transcript=" + id + "&size=100&total=true", analyst).body();
            Set<String> ids = new TreeSet<>();
            codings.path("items").forEach(c -> ids.add(c.path("id").asText()));
            List<Write> acknowledged = writes.on(id, Set.of("coding", "round coding")).toList();
            for (Write w : acknowledged) {
                if (!ids.contains(w.id())) {
                    differences.add("acknowledged " + w.kind() + " " + w.id() + " is missing");
                    if (count) {
                        lostBy.merge(w.during(), 1, Integer::sum);
                    }
                }
            }
            long expected = acknowledged.size();
            if (writes.on(id, Set.of("consensus")).findAny().isPresent()) {
                doubleCoded++;
                expected += CONSENSUS_DECISIONS;
                passagesExpected += CONSENSUS_DECISIONS;
                int decided = consensusOf(id, analyst).size();
                if (decided != CONSENSUS_DECISIONS) {
                    differences.add("transcript " + id + " has " + decided + " consensus codings; " + CONSENSUS_DECISIONS + " were decided");
                }
            } else {
                passagesExpected += writes.on(id, Set.of("coding")).count();
            }
            if (codings.path("total").asLong() != expected) {
                differences.add("transcript " + id + " has " + codings.path("total").asLong() + " codings; " + expected + " acknowledged");
                if (count && codings.path("total").asLong() > expected) {
                    duplicatedBy.merge("none", (int) (codings.path("total").asLong() - expected), Integer::sum);
                }
            }
        }
        Map<String, Long> expectedProgress = Map.of("released", released.stream().filter(id -> !id.equals(withdrawn)).count(),
                "doubleCoded", doubleCoded, "agreementMeasured", doubleCoded);
        Map<String, Long> progressNow = progress(analyst);
        expectedProgress.forEach((column, added) -> {
            long source = progressBefore.get(column) + added;
            if (progressNow.get(column) != source) {
                differences.add("reporting's progress counts " + progressNow.get(column) + " " + column + " at " + SITE + "; the source has "
                        + source);
            }
        });
        int passages = LatencyBenchmark.count(client, analyst, "/api/reports/code-frequency?codebook=" + codebook, code);
        if (passages != passagesExpected) {
            differences.add("reporting counts " + passages + " coded passages; coding-service has " + passagesExpected);
        }
        JsonNode reconciliation = client.get("reporting-service", "/api/admin/reconciliation", admin).body();
        if (reconciliation.path("differences").asInt() != 0) {
            differences.add("reporting's cells differ from its facts: " + reconciliation);
        }
        for (String service : List.of("coding-service", "reporting-service")) {
            long dead = deadLetters(service) - deadLettersBefore.get(service);
            if (dead != 0) {
                differences.add(service + " has " + dead + " new dead letters");
            }
        }
        return differences;
    }

    private long deadLetters(String service) {
        return client.get(service, "/api/admin/dead-letters", tokens.user("admin")).body().path("total").asLong();
    }

    /** The site's row of the progress report: released, double-coded and agreement-measured transcripts. */
    private Map<String, Long> progress(String analyst) {
        Map<String, Long> columns = new LinkedHashMap<>(Map.of("released", 0L, "doubleCoded", 0L, "agreementMeasured", 0L));
        for (JsonNode row : client.get("reporting-service", "/api/reports/progress", analyst).body().path("rows")) {
            if (SITE.equals(row.path("site").asText())) {
                columns.replaceAll((column, zero) -> row.path(column).asLong());
            }
        }
        return columns;
    }

    private JsonNode consensusOf(String transcript, String analyst) {
        return writes.on(transcript, Set.of("round")).findFirst().map(round -> client.get("coding-service", "/api/rounds/" + round.id()
                + "/transcripts/" + transcript + "/consensus", analyst).body().path("codings")).orElse(ChorusClient.JSON.createArrayNode());
    }

    private void awaitWrites(int count, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (writes.size() < count && System.nanoTime() < deadline) {
            pause(100);
        }
    }

    public static String table(Result result) {
        StringBuilder table = new StringBuilder(String.format("%n%-20s %12s %13s %16s %6s %11s%n", "component killed", "acknowledged",
                "client errors", "ready again (s)", "lost", "duplicated"));
        for (Outage o : result.outages()) {
            table.append(String.format("%-20s %12d %13d %16.1f %6d %11d%n", o.component(), o.acknowledged(), o.clientErrors(),
                    o.secondsUntilReady(), o.lost(), o.duplicated()));
        }
        table.append(String.format("%d writes acknowledged in all (%d transcripts double coded to consensus); lost %d, duplicated %d; %s%n",
                result.writes(), result.consensusDecided(), result.lost(),
                result.duplicated(), result.mismatches().isEmpty() ? "sources, coding-service and reports reconcile"
                        : "NOT reconciled: " + String.join("; ", result.mismatches())));
        return table.toString();
    }

    private static String key() {
        return UUID.randomUUID().toString();
    }

    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
