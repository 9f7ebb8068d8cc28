package io.chorus.deploy.bench;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import io.chorus.deploy.ChorusClient;
import io.chorus.deploy.PlatformSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bson.Document;

/**
 * Push throughput of a 300-paragraph transcript through transcript-service (token check, validation,
 * pseudonymisation, durable MongoDB write with its outbox event) next to the raw insert of the same
 * document into the same store, at the same concurrency (P1 of {@code ./platform bench}).
 */
final class PushBenchmark {

    static final int PARAGRAPHS = 300;

    private PushBenchmark() {
    }

    static void run(BenchContext context, BenchResults results) throws Exception {
        int transcripts = context.size(200, 40);
        ChorusClient client = context.client();
        String token = client.partnerToken("BU");
        for (int i = 0; i < 20; i++) {
            client.post("transcript-service", "/api/sites/BU/transcripts", token, transcript("warm-" + i));
        }
        String json = transcript("raw").toString();
        try (MongoClient mongo = MongoClients.create("mongodb://localhost:" + context.platform().settings().port(PlatformSettings.MONGO))) {
            MongoCollection<Document> raw = mongo.getDatabase("chorus-bench").getCollection("raw");
            for (int i = 0; i < 20; i++) {
                raw.insertOne(Document.parse(json).append("_id", "warm-" + i));
            }
            for (int threads : List.of(1, 4)) {
                double push = perSecond(threads, transcripts, i -> {
                    int status = client.post("transcript-service", "/api/sites/BU/transcripts", token,
                            transcript("bench-" + threads + "-" + i)).status();
                    if (status != 201) {
                        throw new IllegalStateException("push answered " + status);
                    }
                });
                double direct = perSecond(threads, transcripts, i -> raw.insertOne(Document.parse(json).append("_id", UUID.randomUUID().toString())));
                results.value("P1", "P1.push." + threads, "push of a " + PARAGRAPHS + "-paragraph transcript, " + threads + " client(s)",
                        "transcripts/s", push, null, null);
                results.value("P1", "P1.raw." + threads, "raw insertOne of the same document, " + threads + " thread(s)",
                        "documents/s", direct, null, null);
                results.value("P1", "P1.ratio." + threads, "push / raw at " + threads + " client(s)", "%", 100 * push / direct,
                        ">= 60 %", push / direct >= 0.6);
            }
        }
    }

    interface Call {
        void run(int i) throws Exception;
    }

    /** Runs {@code count} calls on {@code threads} threads and answers calls per second. */
    static double perSecond(int threads, int count, Call call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long start = System.nanoTime();
        List<Future<?>> done = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int n = i;
            done.add(pool.submit(() -> {
                call.run(n);
                return null;
            }));
        }
        for (Future<?> future : done) {
            future.get();
        }
        pool.shutdown();
        return count / ((System.nanoTime() - start) / 1e9);
    }

    static ObjectNode transcript(String externalId) {
        ObjectNode push = ChorusClient.JSON.createObjectNode().put("externalId", externalId).put("language", "lg");
        ArrayNode paragraphs = push.putArray("paragraphs");
        for (int n = 1; n <= PARAGRAPHS; n++) {
            paragraphs.addObject().put("speaker", n % 2 == 0 ? "M" : "P" + (n % 7 + 1))
                    .put("text", "Paragraph " + n + ": peer support workers have been there themselves, and patients "
                            + "believe them when they say recovery is possible; the ward staff learn from them too.");
        }
        return push;
    }
}
