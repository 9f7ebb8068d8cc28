package io.chorus.deploy.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chorus.deploy.ChorusClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * P2 of {@code ./platform bench}: the time from a coding's 201 until
 * reporting-service's code-frequency report counts it, at 1, 10 and 50 codings per second, next to raw Kafka
 * produce-to-consume on the same broker in the same run. Visibility is read by polling the report every 5 ms.
 */
public final class LatencyBenchmark {

    static final int[] RATES = {1, 10, 50};
    static final String SITE = "BU";
    static final List<Double> reportQueries = java.util.Collections.synchronizedList(new ArrayList<>());

    private LatencyBenchmark() {
    }

    static void run(BenchContext context, BenchResults results) throws Exception {
        int seconds = context.size(10, 3);
        ChorusClient client = context.client();
        String analyst = client.userToken("analyst");
        int writes = 0;
        for (int rate : RATES) {
            writes += rate * seconds;
        }
        String transcript = releasedTranscript(client, writes + 10);
        String codebook = publishedCodebook(client, analyst);
        String code = firstCodable(client.get("coding-service", "/api/codebooks/" + codebook, analyst).body().path("codes"));
        String report = "/api/reports/code-frequency?codebook=" + codebook;
        int paragraph = 0;
        // warm-up: the first codings pay for JIT and connection set-up
        for (int i = 0; i < 10; i++) {
            code(client, analyst, transcript, code, ++paragraph);
        }
        awaitCount(client, analyst, report, code, paragraph);
        reportQueries.clear();
        for (int rate : RATES) {
            List<Double> coding = measure(client, analyst, transcript, code, report, rate, rate * seconds, paragraph);
            paragraph += rate * seconds;
            List<Double> kafka = rawKafka(context.platform().settings().kafkaBootstrap(), rate, rate * seconds);
            results.timing("P2", "P2.report." + rate, "coding 201 -> the report counts it, " + rate + "/s", coding, null);
            results.timing("P2", "P2.kafka." + rate, "raw Kafka produce -> consume, " + rate + "/s", kafka, null);
            double goal = percentile(kafka, 50) * 2 + 20;
            results.value("P2", "P2.goal." + rate, "report p50 against 2 x raw p50 + 20 ms, " + rate + "/s", "ms",
                    percentile(coding, 50), String.format("<= %.1f ms", goal), percentile(coding, 50) <= goal);
        }
        results.timing("P2", "P2.report-query", "of which one report query (the poller's)", reportQueries, null);
    }

    /** Codes one paragraph per write at the given rate; returns each write's time from its 201 until the report counts it. */
    static List<Double> measure(ChorusClient client, String token, String transcript, String code, String report, int rate, int writes,
            int before) throws Exception {
        long[] acknowledged = new long[writes];
        long[] visible = new long[writes];
        Thread poller = new Thread(() -> {
            int seen = 0;
            while (seen < writes && !Thread.currentThread().isInterrupted()) {
                long asked = System.nanoTime();
                int counted = count(client, token, report, code) - before;
                long now = System.nanoTime();
                reportQueries.add((now - asked) / 1e6);
                for (; seen < Math.min(counted, writes); seen++) {
                    visible[seen] = now;
                }
                pause(5);
            }
        }, "report-poller");
        poller.start();
        long interval = 1_000_000_000L / rate;
        long next = System.nanoTime();
        for (int i = 0; i < writes; i++) {
            long wait = next - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            next += interval;
            code(client, token, transcript, code, before + i + 1);
            acknowledged[i] = System.nanoTime();
        }
        poller.join(Duration.ofSeconds(60).toMillis());
        poller.interrupt();
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < writes; i++) {
            if (visible[i] == 0) {
                throw new IllegalStateException("coding " + (i + 1) + " at " + rate + "/s never reached the report");
            }
            millis.add(Math.max(0, visible[i] - acknowledged[i]) / 1e6);
        }
        return millis;
    }

    /** The same broker, the same rate: a record's time from send until a consumer polls it. */
    static List<Double> rawKafka(String bootstrap, int rate, int records) throws Exception {
        String topic = "bench.latency." + UUID.randomUUID();
        Properties consumerConfig = new Properties();
        consumerConfig.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        consumerConfig.put(ConsumerConfig.GROUP_ID_CONFIG, topic);
        consumerConfig.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        Properties producerConfig = new Properties();
        producerConfig.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        producerConfig.put(ProducerConfig.ACKS_CONFIG, "all");
        producerConfig.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        List<Double> millis = Collections.synchronizedList(new ArrayList<>());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerConfig, new StringSerializer(), new StringSerializer());
                KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerConfig, new StringDeserializer(), new StringDeserializer())) {
            producer.send(new ProducerRecord<>(topic, "warm", "0")).get();
            consumer.subscribe(List.of(topic));
            while (consumer.assignment().isEmpty()) {
                consumer.poll(Duration.ofMillis(100));
            }
            consumer.seekToEnd(consumer.assignment());
            consumer.poll(Duration.ofMillis(10));
            Thread sender = new Thread(() -> {
                long interval = 1_000_000_000L / rate;
                long next = System.nanoTime();
                for (int i = 0; i < records; i++) {
                    long wait = next - System.nanoTime();
                    if (wait > 0) {
                        pause(wait / 1_000_000);
                    }
                    next += interval;
                    producer.send(new ProducerRecord<>(topic, "k" + i, String.valueOf(System.nanoTime())));
                }
            });
            sender.start();
            long deadline = System.nanoTime() + Duration.ofSeconds(records / rate + 30).toNanos();
            while (millis.size() < records && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(5))) {
                    millis.add((System.nanoTime() - Long.parseLong(record.value())) / 1e6);
                }
            }
            sender.join();
        }
        return millis;
    }

    static String releasedTranscript(ChorusClient client, int paragraphs) {
        ArrayNode turns = ChorusClient.JSON.createArrayNode();
        for (int n = 1; n <= paragraphs; n++) {
            turns.addObject().put("speaker", "P" + (n % 5 + 1)).put("text", "Turn " + n + ": peer workers have lived it, so people trust them.");
        }
        ObjectNode push = ChorusClient.JSON.createObjectNode().put("externalId", "latency-" + UUID.randomUUID()).put("language", "en");
        push.set("paragraphs", turns);
        String id = expect(client.post("transcript-service", "/api/sites/" + SITE + "/transcripts", client.partnerToken(SITE), push)).path("id").asText();
        String lead = client.userToken("lead-bu");
        String path = "/api/sites/" + SITE + "/transcripts/" + id;
        expect(client.post("transcript-service", path + "/back-check", lead, ""));
        expect(client.post("transcript-service", path + "/reviews", client.userToken("translator-a"), ""));
        expect(client.post("transcript-service", path + "/reviews", client.userToken("translator-b"), ""));
        expect(client.post("transcript-service", path + "/release", lead, ""));
        String analyst = client.userToken("analyst");
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (client.get("coding-service", "/api/transcripts/" + id, analyst).status() != 200) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the released transcript did not reach coding-service");
            }
            pause(100);
        }
        return id;
    }

    public static String publishedCodebook(ChorusClient client, String analyst) {
        String template = client.get("coding-service", "/api/codebooks/templates", analyst).body().path(0).path("name").asText();
        String id = expect(client.post("coding-service", "/api/codebooks/templates/" + template, analyst, "")).path("id").asText();
        ChorusClient.Reply book = client.get("coding-service", "/api/codebooks/" + id, analyst);
        expect(client.post("coding-service", "/api/codebooks/" + id + "/publication", analyst, "", book.etag()));
        return id;
    }

    public static String firstCodable(JsonNode codes) {
        for (JsonNode code : codes) {
            if (code.path("codable").asBoolean(true)) {
                return code.path("id").asText();
            }
            String child = firstCodable(code.path("children"));
            if (child != null) {
                return child;
            }
        }
        return null;
    }

    static void code(ChorusClient client, String token, String transcript, String code, int paragraph) {
        ObjectNode coding = ChorusClient.JSON.createObjectNode().put("codeId", code).put("firstParagraph", paragraph)
                .put("lastParagraph", paragraph);
        expect(client.post("coding-service", "/api/transcripts/" + transcript + "/codings", token, coding));
    }

    public static int count(ChorusClient client, String token, String report, String code) {
        for (JsonNode row : client.get("reporting-service", report, token).body().path("rows")) {
            if (code.equals(row.path("codeId").asText())) {
                return row.path(SITE + ".passages").asInt();
            }
        }
        return 0;
    }

    static void awaitCount(ChorusClient client, String token, String report, String code, int expected) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (count(client, token, report, code) < expected) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the warm-up codings never reached the report");
            }
            pause(50);
        }
    }

    static double percentile(List<Double> values, int p) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(Math.max(0, (int) Math.ceil(sorted.size() * p / 100.0) - 1));
    }

    private static JsonNode expect(ChorusClient.Reply reply) {
        if (reply.status() != 200 && reply.status() != 201) {
            throw new IllegalStateException("answered " + reply.status() + ": " + reply.body());
        }
        return reply.body();
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
