package io.chorus.deploy.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chorus.deploy.ChorusClient;
import io.chorus.deploy.Platform;
import io.chorus.deploy.PlatformSettings;
import io.chorus.deploy.bench.LatencyBenchmark;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
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

    /**
     * @param outage how long each component stays down; {@code longOutage} for PostgreSQL and Kafka
     * @param pace   the load's pause after each transcript's eight writes
     */
    public record Settings(Duration outage, Duration longOutage, int writesPerOutage, Duration pace) {
    }

    /** One row of the table: what happened while the component was down and after it came back. */
    public record Outage(String component, int acknowledged, int clientErrors, double secondsUntilReady, int lost, int duplicated) {
    }

    public record Result(List<Outage> outages, int writes, int lost, int duplicated, List<String> mismatches) {
        public boolean reconciled() {
            return lost == 0 && duplicated == 0 && mismatches.isEmpty();
        }
    }

    private final Platform platform;
    private final ChorusClient client;
    private final Settings settings;
    private final Consumer<String> progress;
    private final Tokens tokens;
    private final List<Write> writes = new CopyOnWriteArrayList<>();
    private final Map<String, Integer> errors = new ConcurrentHashMap<>();
    private final List<String> failures = new CopyOnWriteArrayList<>();
    private final Set<String> refusals = ConcurrentHashMap.newKeySet();
    private volatile String down = "none";

    public ChaosRun(Platform platform, Settings settings, Consumer<String> progress) {
        this.platform = platform;
        this.client = new ChorusClient(platform.settings());
        this.settings = settings;
        this.progress = progress;
        this.tokens = new Tokens(client);
    }

    /** One acknowledged write: what it made, and the outage it was acknowledged in. */
    record Write(String kind, String id, String transcript, String during) {
    }

    private long releasedBefore;
    private final Map<String, Long> deadLettersBefore = new LinkedHashMap<>();

    public Result run() throws Exception {
        String analyst = tokens.user("analyst");
        releasedBefore = reportedReleased(analyst);
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
                    lifecycle(n++, code, released);
                    pause(settings.pace().toMillis());
                }
            } catch (RuntimeException e) {
                failures.add("the load stopped: " + e.getMessage());
            }
        }, "chaos-load");
        load.start();
        List<Outage> outages = new ArrayList<>();
        for (String component : COMPONENTS) {
            outages.add(outage(component));
        }
        loading.set(false);
        load.join(Duration.ofMinutes(5).toMillis());
        String withdrawn = released.isEmpty() ? null : released.get(0);
        if (withdrawn != null) {
            write("withdrawal", () -> client.postIdempotent("transcript-service", "/api/sites/" + SITE + "/transcripts/" + withdrawn + "/withdrawal",
                    tokens.user("lead-bu"), "{\"reason\":\"the group withdrew (chaos run)\"}", key()), withdrawn, null);
        }
        progress.accept("load stopped after " + writes.size() + " acknowledged writes; reconciling");
        return reconcile(outages, code, codebook, released, withdrawn);
    }

    private Outage outage(String component) throws Exception {
        int before = writes.size();
        awaitWrites(before + settings.writesPerOutage() / 2, Duration.ofMinutes(3));
        Map<String, Integer> errorsBefore = Map.copyOf(errors);
        progress.accept("kill -9 " + component);
        platform.crash(component);
        down = component;
        int atCrash = writes.size();
        Duration outage = component.equals(PlatformSettings.POSTGRES) || component.equals(PlatformSettings.KAFKA)
                ? settings.longOutage() : settings.outage();
        Thread.sleep(outage.toMillis());
        long restarting = System.nanoTime();
        platform.restart(component);
        double seconds = (System.nanoTime() - restarting) / 1e9;
        down = "none";
        int acknowledged = writes.size() - atCrash;
        int clientErrors = errors.getOrDefault(component, 0) - errorsBefore.getOrDefault(component, 0);
        progress.accept(String.format("%s back, ready in %.1f s; %d writes acknowledged while it was down", component, seconds, acknowledged));
        return new Outage(component, acknowledged, clientErrors, seconds, 0, 0);
    }

    /** One transcript from push to release, then its codings; every step retried with its own Idempotency-Key. */
    private void lifecycle(int n, String code, List<String> released) {
        String path = "/api/sites/" + SITE + "/transcripts";
        ArrayNode paragraphs = ChorusClient.JSON.createArrayNode();
        for (int p = 1; p <= PARAGRAPHS; p++) {
            paragraphs.addObject().put("speaker", "P" + p).put("text", "Chaos " + n + ", turn " + p + ": they have lived it.");
        }
        ObjectNode push = ChorusClient.JSON.createObjectNode().put("externalId", "chaos-" + n + "-" + UUID.randomUUID()).put("language", "en");
        push.set("paragraphs", paragraphs);
        String pushKey = key();
        JsonNode pushed = write("push", () -> client.postIdempotent("transcript-service", path, tokens.partner(SITE), push, pushKey), null, "id");
        String id = pushed.path("id").asText();
        String backCheck = key();
        write("back-check", () -> client.postIdempotent("transcript-service", path + "/" + id + "/back-check", tokens.user("lead-bu"), "",
                backCheck), id, null,
                () -> transcriptWhere(id, t -> !t.path("status").asText().equals("uploaded")));
        for (String reviewer : List.of("translator-a", "translator-b")) {
            String review = key();
            write("review", () -> client.postIdempotent("transcript-service", path + "/" + id + "/reviews", tokens.user(reviewer), "", review),
                    id, null, () -> transcriptWhere(id, t -> t.path("reviewers").toString().contains("\"" + reviewer + "\"")));
        }
        String release = key();
        write("release", () -> client.postIdempotent("transcript-service", path + "/" + id + "/release", tokens.user("lead-bu"), "",
                release), id, null,
                () -> transcriptWhere(id, t -> t.path("status").asText().equals("released")));
        released.add(id);
        for (int p = 1; p <= PARAGRAPHS; p++) {
            ObjectNode coding = ChorusClient.JSON.createObjectNode().put("codeId", code).put("firstParagraph", p).put("lastParagraph", p);
            String codingKey = key();
            // coding-service has the transcript once its released event arrived: until then it answers 404
            int paragraph = p;
            write("coding", () -> client.postIdempotent("coding-service", "/api/transcripts/" + id + "/codings", tokens.user("analyst"),
                    coding, codingKey), id, "id", () -> codingAt(id, code, paragraph));
        }
    }

    private JsonNode transcriptWhere(String id, java.util.function.Predicate<JsonNode> done) {
        ChorusClient.Reply reply = client.get("transcript-service", "/api/sites/" + SITE + "/transcripts/" + id, tokens.user("lead-bu"));
        return reply.status() == 200 && done.test(reply.body()) ? reply.body() : null;
    }

    private JsonNode codingAt(String transcript, String code, int paragraph) {
        for (JsonNode coding : client.get("coding-service", "/api/codings?transcript=" + transcript + "&size=100", tokens.user("analyst"))
                .body().path("items")) {
            if (coding.path("codeId").asText().equals(code) && coding.path("firstParagraph").asInt() == paragraph) {
                return coding;
            }
        }
        return null;
    }

    interface Call {
        ChorusClient.Reply send();
    }

    private JsonNode write(String kind, Call call, String transcript, String idField) {
        return write(kind, call, transcript, idField, () -> null);
    }

    /**
     * Retries until the write is acknowledged (2xx), as a client with an Idempotency-Key may; records it once. A 409
     * after a retry can mean the first attempt took effect and its answer was lost: then {@code alreadyDone} looks,
     * as a client would, and returns what the first attempt made.
     */
    private JsonNode write(String kind, Call call, String transcript, String idField, java.util.function.Supplier<JsonNode> alreadyDone) {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        long backoff = 200;
        while (true) {
            String during = down;
            try {
                ChorusClient.Reply reply = call.send();
                JsonNode body = reply.status() / 100 == 2 ? reply.body() : reply.status() == 409 ? alreadyDone.get() : null;
                if (body != null) {
                    writes.add(new Write(kind, idField == null ? transcript : body.path(idField).asText(), transcript, during));
                    return body;
                }
                errors.merge(during, 1, Integer::sum);
                if (refusals.add(kind + " " + reply.status())) {
                    progress.accept("a " + kind + " was answered " + reply.status() + " (retrying): " + reply.body());
                }
            } catch (RuntimeException unreachable) {
                errors.merge(during, 1, Integer::sum);
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(kind + " was never acknowledged");
            }
            pause(backoff);
            backoff = Math.min(2_000, backoff * 2);
        }
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
        for (Write w : writes) {
            if (w.kind().equals("push") && !atSource.contains(w.id())) {
                lostBy.merge(w.during(), 1, Integer::sum);
            }
        }
        long pushes = writes.stream().filter(w -> w.kind().equals("push")).map(Write::id).distinct().count();
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
        return new Result(rows, writes.size(), lost, duplicated, mismatches);
    }

    private List<String> differences(String analyst, String admin, String code, String codebook, List<String> released, String withdrawn,
            Map<String, Integer> lostBy, Map<String, Integer> duplicatedBy, boolean count) {
        List<String> differences = new ArrayList<>();
        int codingsExpected = 0;
        for (String id : released) {
            boolean gone = id.equals(withdrawn);
            int status = client.get("coding-service", "/api/transcripts/" + id, analyst).status();
            if (gone != (status == 404)) {
                differences.add("transcript " + id + " is " + (gone ? "withdrawn but still" : "released but not") + " in coding-service");
            }
            if (gone) {
                continue;
            }
            JsonNode codings = client.get("coding-service", "/api/codings?transcript=" + id + "&size=100", analyst).body();
            Set<String> ids = new TreeSet<>();
            codings.path("items").forEach(c -> ids.add(c.path("id").asText()));
            for (Write w : writes) {
                if (w.kind().equals("coding") && w.transcript().equals(id)) {
                    codingsExpected++;
                    if (!ids.contains(w.id())) {
                        differences.add("acknowledged coding " + w.id() + " is missing");
                        if (count) {
                            lostBy.merge(w.during(), 1, Integer::sum);
                        }
                    }
                }
            }
            long acknowledged = writes.stream().filter(w -> w.kind().equals("coding") && w.transcript().equals(id)).count();
            if (codings.path("total").asLong() > acknowledged) {
                differences.add("transcript " + id + " has " + codings.path("total").asLong() + " codings; " + acknowledged + " acknowledged");
                if (count) {
                    duplicatedBy.merge("none", (int) (codings.path("total").asLong() - acknowledged), Integer::sum);
                }
            }
        }
        long releasedNow = releasedBefore + released.stream().filter(id -> !id.equals(withdrawn)).count();
        long reported = reportedReleased(analyst);
        if (reported != releasedNow) {
            differences.add("reporting counts " + reported + " released transcripts at " + SITE + "; the source has " + releasedNow);
        }
        int passages = LatencyBenchmark.count(client, analyst, "/api/reports/code-frequency?codebook=" + codebook, code);
        if (passages != codingsExpected) {
            differences.add("reporting counts " + passages + " coded passages; coding-service has " + codingsExpected);
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

    private long reportedReleased(String analyst) {
        for (JsonNode row : client.get("reporting-service", "/api/reports/progress", analyst).body().path("rows")) {
            if (SITE.equals(row.path("site").asText())) {
                return row.path("released").asLong();
            }
        }
        return 0;
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
        table.append(String.format("%d writes acknowledged in all; lost %d, duplicated %d; %s%n", result.writes(), result.lost(),
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
