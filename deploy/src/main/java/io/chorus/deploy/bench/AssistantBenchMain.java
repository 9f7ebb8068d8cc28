package io.chorus.deploy.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chorus.deploy.ChorusClient;
import io.chorus.deploy.DemoData;
import io.chorus.deploy.Platform;
import io.chorus.deploy.PlatformSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code ./platform bench-assistant [--quick]}: how good and how fast the on-premises assistant is, on its own embedded
 * platform. Quality on the demo study against its published coding (each excerpt coded with its paper's theme): the
 * assistant's own leave-one-transcript-out cross-validation (top-1, top-3, macro F1), today's similarity method beside
 * the learned model, and the Cohen's kappa of an assistant pass against the reference in a round, through the round
 * agreement API. A learning curve on a generated study of twenty codes: accuracy on held-out transcripts after 0, 10, 20,
 * 40 ... coded paragraphs, up to 10,000 (1,000 with --quick), with each training's time, coding-service's memory with the
 * largest model loaded and suggestion latency. Speed of the embedding job: 10,000 released paragraphs (2,000 with
 * --quick). Writes target/bench/assistant.json.
 */
public final class AssistantBenchMain {

    private record Reference(String transcriptId, int paragraph, String codeId, String codebookId, String site) {
    }

    private AssistantBenchMain() {
    }

    public static void main(String[] args) throws Exception {
        boolean quick = Arrays.asList(args).contains("--quick");
        Path root = Path.of(System.getProperty("chorus.root", ".")).toAbsolutePath().normalize();
        Path state = Files.createTempDirectory("chorus-bench-assistant");
        BenchResults results = new BenchResults(quick);
        long begin = System.nanoTime();
        try (Platform platform = new Platform(PlatformSettings.withFreePorts(root, state, io.chorus.deploy.bench.BenchMain.keycloakHome(root)),
                line -> System.out.println("[bench platform] " + line))) {
            platform.start();
            ChorusClient client = new ChorusClient(platform.settings());
            DemoData.Loaded demo = DemoData.load(client, System.out::println);
            waitUntilIndexed(client);
            String analyst = client.userToken("analyst"); // a token lasts 5 minutes: each phase takes a fresh one
            List<Reference> references = references(client, analyst, demo);
            System.out.printf("%n== quality: %d published excerpts, leave-one-transcript-out, today's method and the learned model ==%n",
                    references.size());
            quality(client, demo.codebooks(), results);
            latency(client, client.userToken("analyst"), references, results);
            System.out.printf("%n== agreement: an assistant pass against the published coding, per study ==%n");
            agreement(client, client.userToken("analyst"), references, demo.codebooks(), results);
            System.out.printf("%n== learning curve on a generated study ==%n");
            new AssistantLearningCurve(client, platform, results).run(quick ? 1_000 : 10_000);
            System.out.printf("%n== speed of the embedding job ==%n");
            embedding(client, quick ? 2_000 : 10_000, results);
        }
        BenchMain.deleteRecursively(state);
        results.print(System.out);
        Path written = results.write(root.resolve("target/bench/assistant.json"));
        System.out.printf("%nwrote %s; the whole run took %.1f min%n", root.relativize(written), (System.nanoTime() - begin) / 6e10);
    }

    /** Every demo coding (the analyst's, outside rounds) with its codebook. */
    private static List<Reference> references(ChorusClient client, String analyst, DemoData.Loaded demo) {
        Map<String, String> codebookOfCode = new HashMap<>();
        for (String codebook : demo.codebooks().values()) {
            collect(client.get("coding-service", "/api/codebooks/" + codebook, analyst).body().path("codes"), codebook, codebookOfCode);
        }
        List<Reference> references = new ArrayList<>();
        JsonNode codings = client.get("coding-service", "/api/codings?coder=analyst&consensus=false&size=500", analyst).body().path("items");
        for (JsonNode coding : codings) {
            String codebook = codebookOfCode.get(coding.path("codeId").asText());
            if (codebook != null && coding.path("roundId").isNull()) {
                references.add(new Reference(coding.path("transcriptId").asText(), coding.path("firstParagraph").asInt(),
                        coding.path("codeId").asText(), codebook, coding.path("site").asText()));
            }
        }
        return references;
    }

    /** Per study: the assistant trained on the published coding, and its cross-validation, fold by transcript, against today's method. */
    private static void quality(ChorusClient client, Map<String, String> codebooks, BenchResults results) {
        int paragraphs = 0;
        double[] before = new double[3];
        double[] after = new double[3];
        for (Map.Entry<String, String> study : codebooks.entrySet()) {
            JsonNode model = AssistantLearningCurve.train(client, study.getValue(), null);
            JsonNode evaluation = model.path("evaluation");
            int n = evaluation.path("paragraphs").asInt();
            paragraphs += n;
            String name = study.getKey();
            System.out.printf("%s: %d paragraphs in %d transcripts, %d folds; today %s; learned %s (trained in %d ms)%n", name, n,
                    evaluation.path("transcripts").asInt(), evaluation.path("folds").asInt(), evaluation.path("baseline"),
                    evaluation.path("learned"), model.path("trainingMillis").asLong());
            String[] measures = {"top1", "top3", "macroF1"};
            for (int i = 0; i < measures.length; i++) {
                double was = evaluation.path("baseline").path(measures[i]).asDouble();
                double is = evaluation.path("learned").path(measures[i]).asDouble();
                before[i] += was * n;
                after[i] += is * n;
                results.value("A1", "a1." + name + "." + measures[i] + ".before", name + ": " + measures[i] + ", today's method (LOTO)",
                        measures[i].startsWith("top") ? "%" : "", measures[i].startsWith("top") ? 100 * was : was, null, null);
                results.value("A1", "a1." + name + "." + measures[i] + ".after", name + ": " + measures[i] + ", learned (LOTO)",
                        measures[i].startsWith("top") ? "%" : "", measures[i].startsWith("top") ? 100 * is : is, null, null);
            }
        }
        results.value("A1", "a1.top1.before", "top-1, today's method, all studies (LOTO)", "%", 100 * before[0] / paragraphs, null, null);
        results.value("A1", "a1.top1.after", "top-1, learned, all studies (LOTO)", "%", 100 * after[0] / paragraphs, null, null);
        results.value("A1", "a1.top3.before", "top-3, today's method, all studies (LOTO)", "%", 100 * before[1] / paragraphs, null, null);
        results.value("A1", "a1.top3.after", "top-3, learned, all studies (LOTO)", "%", 100 * after[1] / paragraphs, "≥ 70 %",
                100 * after[1] / paragraphs >= 70);
        results.value("A1", "a1.macroF1.before", "macro F1, today's method, paragraph-weighted mean of studies", "", before[2] / paragraphs, null, null);
        results.value("A1", "a1.macroF1.after", "macro F1, learned, paragraph-weighted mean of studies", "", after[2] / paragraphs, null, null);
    }

    /** Suggestion latency on the demo study with its models loaded: 4 passes over the excerpts after a first one. */
    private static void latency(ChorusClient client, String analyst, List<Reference> references, BenchResults results) {
        List<Double> latencies = new ArrayList<>();
        for (int pass = 0; pass < 5; pass++) {
            for (Reference reference : references) {
                long start = System.nanoTime();
                expect(client.get("coding-service", "/api/transcripts/" + reference.transcriptId() + "/paragraphs/" + reference.paragraph()
                        + "/suggestions?k=3&codebook=" + reference.codebookId(), analyst), 200, "suggestions");
                if (pass > 0) {
                    latencies.add((System.nanoTime() - start) / 1e6);
                }
            }
        }
        results.timing("A3", "a3.suggest", "suggestions for a paragraph, GET, demo study (" + latencies.size() + " calls)", latencies, 100.0);
    }

    /** Per study: the reference coded again in a round by the analyst, an assistant pass (top-1, any score), then the round's kappa. */
    private static void agreement(ChorusClient client, String analyst, List<Reference> references, Map<String, String> codebooks,
            BenchResults results) {
        Map<String, List<Reference>> byCodebook = new LinkedHashMap<>();
        references.forEach(r -> byCodebook.computeIfAbsent(r.codebookId(), c -> new ArrayList<>()).add(r));
        for (Map.Entry<String, List<Reference>> study : byCodebook.entrySet()) {
            ObjectNode round = ChorusClient.JSON.createObjectNode().put("name", "Assistant benchmark " + study.getKey())
                    .put("codebookId", study.getKey());
            var assignments = round.putArray("assignments");
            study.getValue().stream().map(Reference::transcriptId).distinct().forEach(t -> {
                ObjectNode assignment = assignments.addObject().put("transcriptId", t);
                assignment.putArray("coders").add("analyst");
            });
            ChorusClient.Reply created = client.post("coding-service", "/api/rounds", analyst, round);
            expect(created, 201, "round");
            String roundId = created.body().path("id").asText();
            for (Reference reference : study.getValue()) {
                ObjectNode coding = ChorusClient.JSON.createObjectNode().put("codeId", reference.codeId())
                        .put("firstParagraph", reference.paragraph()).put("lastParagraph", reference.paragraph()).put("roundId", roundId);
                expect(client.post("coding-service", "/api/transcripts/" + reference.transcriptId() + "/codings", analyst, coding), 201,
                        "reference coding");
            }
            long start = System.nanoTime();
            ChorusClient.Reply pass = client.post("coding-service", "/api/rounds/" + roundId + "/assistant-pass", analyst,
                    ChorusClient.JSON.createObjectNode().put("threshold", -1).put("perParagraph", 1));
            expect(pass, 200, "assistant pass");
            double seconds = (System.nanoTime() - start) / 1e9;
            ChorusClient.Reply current = client.get("coding-service", "/api/rounds/" + roundId, analyst);
            expect(client.post("coding-service", "/api/rounds/" + roundId + "/closure", analyst, "", current.etag()), 200, "closure");
            JsonNode agreement = client.get("coding-service", "/api/rounds/" + roundId + "/agreement", analyst).body();
            JsonNode pooled = agreement.path("pooledPresence");
            String name = codebooks.entrySet().stream().filter(e -> e.getValue().equals(study.getKey())).map(Map.Entry::getKey).findFirst()
                    .orElse(study.getKey());
            System.out.printf("%s: %d paragraphs coded by the assistant in %.1f s%n", name, pass.body().path("paragraphs").asInt(), seconds);
            boolean largest = study.getValue().size() == byCodebook.values().stream().mapToInt(List::size).max().orElse(0);
            double kappa = pooled.path("cohenKappa").asDouble(Double.NaN);
            results.value("A2", "a2.kappa." + name, "assistant vs reference, kappa: " + name + ", " + study.getValue().size() + " excerpts", "",
                    kappa, largest ? "≥ 0.6" : null, largest ? kappa >= 0.6 : null);
            results.value("A2", "a2.agree." + name, "assistant vs reference, agreement: " + name, "%",
                    100 * pooled.path("percentAgreement").asDouble(Double.NaN), null, null);
        }
    }

    /** Releases transcripts of 500 English paragraphs each, then times the background job until every one is embedded. */
    private static void embedding(ChorusClient client, int paragraphs, BenchResults results) {
        List<String> texts = new ArrayList<>();
        DemoData.excerptTexts().forEach(texts::add);
        int perTranscript = 500;
        String site = DemoData.sitesWithExcerpts().get(0);
        List<String> ids = new ArrayList<>();
        for (int t = 0; t < paragraphs / perTranscript; t++) {
            ObjectNode push = ChorusClient.JSON.createObjectNode().put("externalId", "bench-assistant-" + System.nanoTime()).put("language", "en");
            var list = push.putArray("paragraphs");
            for (int n = 0; n < perTranscript; n++) {
                list.addObject().put("speaker", "P" + (n % 6 + 1)).put("text", texts.get((t * perTranscript + n) % texts.size()) + " (" + t + "." + n + ")");
            }
            ChorusClient.Reply pushed = client.post("transcript-service", "/api/sites/" + site + "/transcripts", client.partnerToken(site), push);
            expect(pushed, 201, "push");
            ids.add(pushed.body().path("id").asText());
        }
        long before = indexStatus(client).path("paragraphsEmbedded").asLong();
        String lead = "lead-" + site.toLowerCase();
        String[][] steps = {{"back-check", lead}, {"review", "translator-a"}, {"review", "translator-b"}, {"release", lead}};
        for (String[] step : steps) {
            ObjectNode batch = ChorusClient.JSON.createObjectNode().put("step", step[0]);
            ids.forEach(batch.putArray("transcripts")::add);
            expect(client.post("transcript-service", "/api/sites/" + site + "/transcripts/workflow", client.userToken(step[1]), batch), 200,
                    step[0]);
        }
        long start = System.nanoTime();
        long target = before + (long) ids.size() * perTranscript;
        while (indexStatus(client).path("paragraphsEmbedded").asLong() < target) {
            sleep(250);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        results.value("A3", "a3.embed", "released to embedded: " + ids.size() * perTranscript + " paragraphs", "s", seconds, null, null);
        results.value("A3", "a3.embed-rate", "embedding throughput of the background job", "paragraphs/s", ids.size() * perTranscript / seconds,
                null, null);
    }

    static void waitUntilIndexed(ChorusClient client) {
        long deadline = System.nanoTime() + 300_000_000_000L;
        while (true) {
            JsonNode status = indexStatus(client);
            if (status.path("paragraphs").asLong() > 0 && status.path("paragraphsEmbedded").asLong() == status.path("paragraphs").asLong()
                    && status.path("codesEmbedded").asLong() == status.path("codes").asLong()) {
                System.out.println("embedding index: " + status);
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the embedding index did not catch up: " + status);
            }
            sleep(500);
        }
    }

    static JsonNode indexStatus(ChorusClient client) {
        return client.get("coding-service", "/api/assistant/index", client.userToken("analyst")).body();
    }

    private static void collect(JsonNode codes, String codebook, Map<String, String> into) {
        for (JsonNode code : codes) {
            into.put(code.path("id").asText(), codebook);
            collect(code.path("children"), codebook, into);
        }
    }

    static void expect(ChorusClient.Reply reply, int status, String what) {
        if (reply.status() != status) {
            throw new IllegalStateException(what + " failed: " + reply.status() + " " + reply.body());
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
