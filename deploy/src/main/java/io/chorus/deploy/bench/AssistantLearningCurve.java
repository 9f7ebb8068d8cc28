package io.chorus.deploy.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chorus.deploy.ChorusClient;
import io.chorus.deploy.DemoData;
import io.chorus.deploy.Platform;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The assistant's learning curve on a {@link SyntheticStudy}: the study's transcripts are pushed and released, then an
 * analyst codes 10, 20, 40 ... of the pool's paragraphs in a random order; after each step the assistant retrains and its
 * suggestions are scored on 200 paragraphs of held-out transcripts nobody coded. The last step times the training on
 * the whole pool and reads coding-service's resident memory with the model loaded.
 */
final class AssistantLearningCurve {

    private static final int PER_TRANSCRIPT = 50;
    private static final int HELD_OUT = 200;

    private record Coded(String transcriptId, int paragraph, int topic) {
    }

    private final ChorusClient client;
    private final Platform platform;
    private final BenchResults results;

    AssistantLearningCurve(ChorusClient client, Platform platform, BenchResults results) {
        this.client = client;
        this.platform = platform;
        this.results = results;
    }

    void run(int pool) throws Exception {
        String analyst = client.userToken("analyst");
        ChorusClient.Reply imported = client.post("coding-service", "/api/codebooks/imports", analyst,
                SyntheticStudy.codebook("Generated study " + System.nanoTime()));
        AssistantBenchMain.expect(imported, 201, "codebook import");
        String codebook = imported.body().path("id").asText();
        List<String> codeIds = new ArrayList<>();
        imported.body().path("codes").forEach(code -> codeIds.add(code.path("id").asText()));

        SyntheticStudy study = new SyntheticStudy(42);
        List<Coded> poolParagraphs = new ArrayList<>();
        List<Coded> heldOut = new ArrayList<>();
        int transcripts = pool / PER_TRANSCRIPT + (HELD_OUT + PER_TRANSCRIPT - 1) / PER_TRANSCRIPT;
        List<String> ids = push(study, transcripts, poolParagraphs, heldOut, pool);
        release(ids);
        AssistantBenchMain.waitUntilIndexed(client);
        Collections.shuffle(poolParagraphs, new Random(7));
        List<Coded> evaluated = heldOut.subList(0, HELD_OUT);
        System.out.printf("generated study: %d codes, %d paragraphs to code, %d held-out paragraphs scored%n", codeIds.size(),
                poolParagraphs.size(), evaluated.size());

        String trainedAt = null;
        int coded = 0;
        List<Integer> steps = new ArrayList<>(List.of(0));
        for (int step = 10; step < pool; step *= 2) {
            steps.add(step);
        }
        steps.add(pool);
        List<Double> lastLatencies = List.of();
        long memoryBefore = platform.residentMemoryMiB().getOrDefault("coding-service", -1L);
        for (int step : steps) {
            code(poolParagraphs.subList(coded, step), codeIds);
            coded = step;
            JsonNode model = step == 0 ? null : train(client, codebook, trainedAt);
            trainedAt = model == null ? null : model.path("trainedAt").asText();
            List<Double> latencies = new ArrayList<>();
            double[] accuracy = accuracy(codebook, evaluated, codeIds, latencies);
            lastLatencies = latencies;
            long millis = model == null ? 0 : model.path("trainingMillis").asLong();
            System.out.printf("%6d coded paragraphs: top-1 %.1f %%, top-3 %.1f %%%s%n", step, accuracy[0], accuracy[1],
                    model == null ? " (definitions only)" : ", trained in " + millis + " ms");
            results.value("A4", "a4.top1." + step, "generated study, top-1 after " + step + " coded paragraphs", "%", accuracy[0], null, null);
            results.value("A4", "a4.top3." + step, "generated study, top-3 after " + step + " coded paragraphs", "%", accuracy[1], null, null);
            if (model != null) {
                results.value("A4", "a4.training." + step, "training with cross-validation, " + step + " coded paragraphs", "s", millis / 1000.0,
                        null, null);
            }
        }
        results.timing("A5", "a5.suggest", "suggestions, GET, " + codeIds.size() + " codes, model of " + pool + " coded paragraphs",
                lastLatencies, 100.0);
        long memory = platform.residentMemoryMiB().getOrDefault("coding-service", -1L);
        results.value("A5", "a5.memory.before", "coding-service resident memory before any training (embedding model loaded)", "MiB",
                memoryBefore, null, null);
        results.value("A5", "a5.memory", "coding-service resident memory with that model loaded, after the trainings", "MiB", memory, null, null);
    }

    /** Pushes the study's transcripts at one site: the first {@code pool} paragraphs are to be coded, the rest held out. */
    private List<String> push(SyntheticStudy study, int transcripts, List<Coded> pool, List<Coded> heldOut, int poolSize) {
        String site = DemoData.sitesWithExcerpts().get(0);
        List<String> ids = new ArrayList<>();
        for (int t = 0; t < transcripts; t++) {
            List<SyntheticStudy.Paragraph> paragraphs = study.transcript(PER_TRANSCRIPT);
            ObjectNode push = ChorusClient.JSON.createObjectNode().put("externalId", "bench-curve-" + System.nanoTime()).put("language", "en");
            var list = push.putArray("paragraphs");
            paragraphs.forEach(p -> list.addObject().put("speaker", "P1").put("text", p.text()));
            ChorusClient.Reply pushed = client.post("transcript-service", "/api/sites/" + site + "/transcripts", client.partnerToken(site), push);
            AssistantBenchMain.expect(pushed, 201, "push");
            String id = pushed.body().path("id").asText();
            ids.add(id);
            for (int n = 0; n < paragraphs.size(); n++) {
                Coded paragraph = new Coded(id, n + 1, paragraphs.get(n).topic());
                (pool.size() < poolSize ? pool : heldOut).add(paragraph);
            }
        }
        return ids;
    }

    private void release(List<String> ids) {
        String site = DemoData.sitesWithExcerpts().get(0);
        String lead = "lead-" + site.toLowerCase();
        String[][] steps = {{"back-check", lead}, {"review", "translator-a"}, {"review", "translator-b"}, {"release", lead}};
        for (int from = 0; from < ids.size(); from += 100) {
            List<String> batch = ids.subList(from, Math.min(ids.size(), from + 100));
            for (String[] step : steps) {
                ObjectNode body = ChorusClient.JSON.createObjectNode().put("step", step[0]);
                batch.forEach(body.putArray("transcripts")::add);
                AssistantBenchMain.expect(client.post("transcript-service", "/api/sites/" + site + "/transcripts/workflow",
                        client.userToken(step[1]), body), 200, step[0]);
            }
        }
        // released transcripts reach coding-service by events: wait until the last one can be coded
        String analyst = client.userToken("analyst");
        long deadline = System.nanoTime() + 300_000_000_000L;
        while (client.get("coding-service", "/api/transcripts/" + ids.get(ids.size() - 1), analyst).status() != 200) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the released transcripts did not reach coding-service");
            }
            AssistantBenchMain.sleep(500);
        }
    }

    /** Codes paragraphs with their true code, four requests at a time. */
    private void code(List<Coded> paragraphs, List<String> codeIds) throws Exception {
        String analyst = client.userToken("analyst");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (Coded paragraph : paragraphs) {
                done.add(pool.submit(() -> {
                    ObjectNode coding = ChorusClient.JSON.createObjectNode().put("codeId", codeIds.get(paragraph.topic()))
                            .put("firstParagraph", paragraph.paragraph()).put("lastParagraph", paragraph.paragraph());
                    AssistantBenchMain.expect(client.post("coding-service", "/api/transcripts/" + paragraph.transcriptId() + "/codings", analyst,
                            coding), 201, "coding");
                }));
            }
            for (Future<?> future : done) {
                future.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    /** Top-1 and top-3 accuracy (%) of the suggestions for the held-out paragraphs, each request's latency into {@code latencies}. */
    private double[] accuracy(String codebook, List<Coded> paragraphs, List<String> codeIds, List<Double> latencies) {
        String analyst = client.userToken("analyst");
        int top1 = 0;
        int top3 = 0;
        for (Coded paragraph : paragraphs) {
            long start = System.nanoTime();
            ChorusClient.Reply answer = client.get("coding-service", "/api/transcripts/" + paragraph.transcriptId() + "/paragraphs/"
                    + paragraph.paragraph() + "/suggestions?k=3&codebook=" + codebook, analyst);
            latencies.add((System.nanoTime() - start) / 1e6);
            AssistantBenchMain.expect(answer, 200, "suggestions");
            JsonNode suggestions = answer.body().path("suggestions");
            for (int i = 0; i < suggestions.size(); i++) {
                if (suggestions.get(i).path("codeId").asText().equals(codeIds.get(paragraph.topic()))) {
                    top1 += i == 0 ? 1 : 0;
                    top3++;
                }
            }
        }
        return new double[] {100.0 * top1 / paragraphs.size(), 100.0 * top3 / paragraphs.size()};
    }

    /** Asks for a retraining and waits until a model newer than {@code previous} is current; returns the model view. */
    static JsonNode train(ChorusClient client, String codebook, String previous) {
        AssistantBenchMain.expect(client.post("coding-service", "/api/codebooks/" + codebook + "/assistant/training", client.userToken("analyst"),
                ""), 202, "training");
        long deadline = System.nanoTime() + 900_000_000_000L;
        while (true) {
            JsonNode model = client.get("coding-service", "/api/codebooks/" + codebook + "/assistant", client.userToken("analyst")).body();
            if ("trained".equals(model.path("state").asText()) && !model.path("stale").asBoolean()
                    && !model.path("trainedAt").asText().equals(previous)) {
                return model;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the assistant of codebook " + codebook + " was not trained: " + model);
            }
            AssistantBenchMain.sleep(500);
        }
    }

}
