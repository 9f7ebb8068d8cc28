package io.chorus.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
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
import org.awaitility.Awaitility;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * No event lost, none counted twice, on the real stack: an event written with its state change but
 * never published (the process died in between) is published by the relay, from MongoDB and from
 * PostgreSQL; the same CloudEvent delivered again by Kafka changes nothing downstream.
 */
@ExtendWith(EmbeddedPlatform.class)
class OutboxAndRedeliveryIT {

    static final String SITE = "AD";
    static final String RELEASED = "io.chorus.transcript.released.v1";

    final ChorusClient client = EmbeddedPlatform.client();
    final PlatformSettings settings = EmbeddedPlatform.settings();

    static String payload(String id, int version, String text, String session) {
        return """
                {"transcriptId":"%s","site":"%s","externalId":"crash-%s","session":"%s","language":"gu","version":%d,
                 "releasedAt":"2022-03-01T10:00:00Z","releasedBy":"lead-ad",
                 "paragraphs":[{"n":1,"label":"AD 1","speaker":"P7","text":"%s","english":"%s"}]}""".formatted(id, SITE, id, session, version,
                text, text);
    }

    @Test
    void anUnpublishedOutboxEventIsDeliveredAndARedeliveryIsIgnored() throws Exception {
        String analyst = client.userToken("analyst");
        OwnStudy study = OwnStudy.register(client, "Outbox and redelivery");
        String session = study.session(client, SITE);
        String id = UUID.randomUUID().toString();
        String eventId = UUID.randomUUID().toString();
        Instant now = Instant.now();
        // what transcript-service had written when it died: the released state and its pending event, in one document
        try (MongoClient mongo = MongoClients.create("mongodb://localhost:" + settings.port(PlatformSettings.MONGO))) {
            mongo.getDatabase("chorus-transcripts").getCollection("transcripts").insertOne(new Document("_id", id)
                    .append("site", SITE).append("externalId", "crash-" + id).append("session", session).append("language", "gu").append("title", null)
                    .append("status", "RELEASED").append("version", 1).append("translatedBy", "translator-a")
                    .append("reviewers", List.of("translator-a", "translator-b")).append("queries", List.of()).append("history", List.of())
                    .append("paragraphs", List.of(new Document("n", 1).append("speaker", "P7").append("text", "first").append("english", "first")))
                    .append("createdAt", Date.from(now)).append("updatedAt", Date.from(now))
                    .append("outbox", List.of(new Document("id", eventId).append("type", RELEASED)
                            .append("aggregateType", "transcript").append("aggregateId", id)
                            .append("occurredAt", Date.from(now)).append("payload", payload(id, 1, "first", session)))));
        }
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertEquals(200, client.get("coding-service", "/api/transcripts/" + id, analyst).status()));
        WalkingSkeletonIT.awaitReleased(client, SITE, study, 1);

        // Kafka delivers the very same CloudEvent again; then a newer event on the same key (same partition, after it)
        try (KafkaProducer<String, String> producer = producer()) {
            producer.send(record(id, eventId, payload(id, 1, "first", session)));
            producer.send(record(id, UUID.randomUUID().toString(), payload(id, 2, "second", session)));
            producer.flush();
        }
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertEquals("second",
                client.get("coding-service", "/api/transcripts/" + id, analyst).body().path("paragraphs").path(0).path("english").asText()));
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertEquals(2, client.get("coding-service", "/api/transcripts/" + id, analyst).body().path("version").asInt()));
        assertEquals(1, WalkingSkeletonIT.releasedCount(analyst, SITE, study.code()), "counted once");
    }

    @Test
    void anEventLeftInAPostgresOutboxReachesKafkaAsABinaryCloudEvent() throws Exception {
        String eventId = UUID.randomUUID().toString();
        String aggregateId = UUID.randomUUID().toString();
        String jdbc = "jdbc:postgresql://localhost:" + settings.port(PlatformSettings.POSTGRES) + "/chorus_coding";
        // written in the transaction of a state change by a coding-service that then died
        try (Connection connection = DriverManager.getConnection(jdbc, ServiceSpec.DB_USERNAME, ServiceSpec.DB_PASSWORD_VALUE);
                PreparedStatement insert = connection.prepareStatement("insert into outbox_event "
                        + "(id, aggregate_type, aggregate_id, type, occurred_at, payload) values (?, 'codebook', ?, ?, now(), ?)")) {
            insert.setString(1, eventId);
            insert.setString(2, aggregateId);
            insert.setString(3, "io.chorus.coding.outbox-probe.v1");
            insert.setString(4, "{\"probe\":true}");
            insert.executeUpdate();
        }
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.kafkaBootstrap());
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, "outbox-probe-" + UUID.randomUUID());
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(properties, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of("chorus.coding"));
            List<ConsumerRecord<String, String>> found = new java.util.ArrayList<>();
            long deadline = System.currentTimeMillis() + 30_000;
            while (found.isEmpty() && System.currentTimeMillis() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(r -> {
                    if (eventId.equals(header(r, "ce_id"))) {
                        found.add(r);
                    }
                });
            }
            assertEquals(1, found.size(), "the outbox event was published");
            ConsumerRecord<String, String> record = found.get(0);
            assertEquals(aggregateId, record.key());
            assertEquals("{\"probe\":true}", record.value());
            assertEquals("io.chorus.coding.outbox-probe.v1", header(record, "ce_type"));
            assertEquals("codebook", header(record, "ce_aggregatetype"));
        }
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private KafkaProducer<String, String> producer() {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.kafkaBootstrap());
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        return new KafkaProducer<>(properties, new StringSerializer(), new StringSerializer());
    }

    private static ProducerRecord<String, String> record(String key, String eventId, String payload) {
        ProducerRecord<String, String> record = new ProducerRecord<>("chorus.transcripts", key, payload);
        record.headers().add("ce_specversion", bytes("1.0")).add("ce_id", bytes(eventId)).add("ce_type", bytes(RELEASED))
                .add("ce_source", bytes("/chorus/transcript-service")).add("ce_subject", bytes(key))
                .add("ce_time", bytes(Instant.now().toString())).add("ce_aggregatetype", bytes("transcript"))
                .add("content-type", bytes("application/json"));
        return record;
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
