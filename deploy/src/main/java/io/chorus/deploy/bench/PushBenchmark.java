package io.chorus.deploy.bench;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import io.chorus.deploy.ChorusClient;
import io.chorus.deploy.Platform;
import io.chorus.deploy.PlatformSettings;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * document into the same store. Starts its own embedded platform on free ports:
 * {@code ./platform bench [transcripts]}.
 */
public final class PushBenchmark {

    static final int PARAGRAPHS = 300;

    private PushBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int transcripts = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        Path root = Path.of(System.getProperty("chorus.root", ".")).toAbsolutePath().normalize();
        Path state = Files.createTempDirectory("chorus-bench");
        try (Platform platform = new Platform(PlatformSettings.withFreePorts(root, state, root.resolve("deploy/target/keycloak-bench")),
                line -> System.out.println("[bench platform] " + line))) {
            platform.start();
            ChorusClient client = new ChorusClient(platform.settings());
            String token = client.partnerToken("BU");
            ObjectNode transcript = transcript("warm-up");
            for (int i = 0; i < 20; i++) {
                client.post("transcript-service", "/api/sites/BU/transcripts", token, transcript("warm-" + i));
            }
            for (int threads : List.of(1, 4)) {
                long start = System.nanoTime();
                ExecutorService pool = Executors.newFixedThreadPool(threads);
                List<Future<Integer>> results = new ArrayList<>();
                for (int i = 0; i < transcripts; i++) {
                    String externalId = "bench-" + threads + "-" + i;
                    results.add(pool.submit(() -> client.post("transcript-service", "/api/sites/BU/transcripts", token,
                            transcript(externalId)).status()));
                }
                for (Future<Integer> result : results) {
                    if (result.get() != 201) {
                        throw new IllegalStateException("push answered " + result.get());
                    }
                }
                pool.shutdown();
                report("API push, " + threads + " client thread(s)", transcripts, System.nanoTime() - start);
            }
            try (MongoClient mongo = MongoClients.create("mongodb://localhost:" + platform.settings().port(PlatformSettings.MONGO))) {
                MongoCollection<Document> raw = mongo.getDatabase("chorus-bench").getCollection("raw");
                String json = transcript.toString();
                for (int i = 0; i < 20; i++) {
                    raw.insertOne(Document.parse(json).append("_id", "warm-" + i));
                }
                long start = System.nanoTime();
                for (int i = 0; i < transcripts; i++) {
                    raw.insertOne(Document.parse(json).append("_id", UUID.randomUUID().toString()));
                }
                report("raw insertOne of the same document, same store", transcripts, System.nanoTime() - start);
            }
        }
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

    static void report(String what, int transcripts, long nanos) {
        double seconds = nanos / 1e9;
        System.out.printf("%-50s %5d transcripts in %6.2f s: %7.1f transcripts/s, %9.0f paragraphs/s, %6.1f ms each%n",
                what, transcripts, seconds, transcripts / seconds, transcripts * PARAGRAPHS / seconds, seconds * 1000 / transcripts);
    }
}
