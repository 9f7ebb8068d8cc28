package io.chorus.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.chorus.common.crypto.DataKey;
import io.chorus.common.crypto.FieldCipher;
import io.chorus.common.crypto.KeyRecord;
import io.chorus.common.crypto.MasterKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.bson.Document;

/**
 * Looks for words everywhere the embedded platform keeps data: every MongoDB collection, every table of every PostgreSQL
 * database, every record of every Kafka topic (its key, value and headers, and its sealed text opened with every data key
 * whose material any record of the key topic still holds), and the services' logs. Counts case-insensitively, since a
 * search index keeps words lower-cased. The result names each place a word was found and how often.
 */
final class CanaryScan {

    private final PlatformSettings settings;
    private final MasterKey master;

    CanaryScan(PlatformSettings settings) {
        this.settings = settings;
        this.master = MasterKey.parse(settings.eventsMasterKey());
    }

    /** Keys whose material a record of the key topic still holds, whatever came after it. */
    private Map<String, DataKey> obtainable = Map.of();

    Map<String, Integer> find(Set<String> words) throws Exception {
        List<String> lower = words.stream().map(w -> w.toLowerCase(Locale.ROOT)).toList();
        Map<String, Integer> found = new TreeMap<>();
        obtainable = obtainableKeys();
        mongo(lower, found);
        postgres(lower, found);
        kafka(lower, found);
        logs(lower, found);
        return found;
    }

    /** Counts the words in the text, and in its sealed values opened with every obtainable key. */
    private void count(Map<String, Integer> found, String place, String text, List<String> words) {
        if (text == null) {
            return;
        }
        countPlain(found, place, text, words);
        if (text.contains(FieldCipher.PREFIX)) {
            countPlain(found, place + " (sealed, its key still on " + ServiceSpec.KEY_TOPIC + ")", opened(text, obtainable), words);
        }
    }

    private static void countPlain(Map<String, Integer> found, String place, String text, List<String> words) {
        String lower = text.toLowerCase(Locale.ROOT);
        for (String word : words) {
            if (lower.contains(word)) {
                found.merge(place, 1, Integer::sum);
            }
        }
    }

    private void mongo(List<String> words, Map<String, Integer> found) {
        try (MongoClient mongo = MongoClients.create("mongodb://localhost:" + settings.port(PlatformSettings.MONGO))) {
            for (String database : mongo.listDatabaseNames()) {
                if (Set.of("admin", "local", "config").contains(database)) {
                    continue;
                }
                for (String collection : mongo.getDatabase(database).listCollectionNames()) {
                    for (Document document : mongo.getDatabase(database).getCollection(collection).find()) {
                        count(found, "mongodb " + database + "." + collection, document.toJson(), words);
                    }
                }
            }
        }
    }

    private void postgres(List<String> words, Map<String, Integer> found) throws SQLException {
        String base = "jdbc:postgresql://localhost:" + settings.port(PlatformSettings.POSTGRES) + "/";
        List<String> databases = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(base + "postgres", "postgres", "");
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("select datname from pg_database where not datistemplate")) {
            while (result.next()) {
                databases.add(result.getString(1));
            }
        }
        for (String database : databases) {
            try (Connection connection = DriverManager.getConnection(base + database, "postgres", "");
                    Statement statement = connection.createStatement()) {
                List<String> tables = new ArrayList<>();
                try (ResultSet result = statement.executeQuery("select quote_ident(table_schema) || '.' || quote_ident(table_name) "
                        + "from information_schema.tables where table_type = 'BASE TABLE' "
                        + "and table_schema not in ('pg_catalog', 'information_schema')")) {
                    while (result.next()) {
                        tables.add(result.getString(1));
                    }
                }
                for (String table : tables) {
                    try (ResultSet rows = statement.executeQuery("select t::text from " + table + " t")) {
                        while (rows.next()) {
                            count(found, "postgresql " + database + "." + table, rows.getString(1), words);
                        }
                    }
                }
            }
        }
    }

    private void kafka(List<String> words, Map<String, Integer> found) throws Exception {
        Properties admin = new Properties();
        admin.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, settings.kafkaBootstrap());
        Set<String> topics;
        try (Admin client = Admin.create(admin)) {
            topics = client.listTopics(new ListTopicsOptions().listInternal(true)).names().get();
        }
        for (String topic : topics) {
            for (ConsumerRecord<String, String> record : records(topic)) {
                String place = "kafka " + topic;
                count(found, place + " (key)", record.key(), words);
                count(found, place, record.value(), words);
                for (Header header : record.headers()) {
                    count(found, place + " (header)", new String(header.value(), StandardCharsets.UTF_8), words);
                }
            }
        }
    }

    /** Ids of the keys starting so of which a record of the key topic still holds the material. */
    Set<String> keysWithMaterial(String prefix) throws IOException {
        return new java.util.TreeSet<>(obtainableKeys().keySet().stream().filter(id -> id.startsWith(prefix)).toList());
    }

    /** How many destruction marks of keys starting so the key topic holds. */
    long keysDestroyed(String prefix) throws IOException {
        long marks = 0;
        for (ConsumerRecord<String, String> record : records(ServiceSpec.KEY_TOPIC)) {
            JsonNode key = ChorusClient.JSON.readTree(record.value());
            marks += key.path("keyId").asText().startsWith(prefix) && key.path("destroyed").asBoolean() ? 1 : 0;
        }
        return marks;
    }

    private Map<String, DataKey> obtainableKeys() throws IOException {
        Map<String, DataKey> keys = new HashMap<>();
        for (ConsumerRecord<String, String> record : records(ServiceSpec.KEY_TOPIC)) {
            JsonNode key = ChorusClient.JSON.readTree(record.value());
            if (key.hasNonNull("keyId") && key.hasNonNull("wrapped")) {
                keys.put(key.get("keyId").asText(), master.unwrap(key.get("keyId").asText(), key.get("wrapped").asText()));
            }
        }
        return keys;
    }

    /** Every sealed value of the text opened with whatever key it needs, if the key topic still holds that key. */
    private static String opened(String value, Map<String, DataKey> keys) {
        StringBuilder opened = new StringBuilder();
        java.util.regex.Matcher sealed = java.util.regex.Pattern.compile(java.util.regex.Pattern.quote(FieldCipher.PREFIX) + "[A-Za-z0-9_-]+:[A-Za-z0-9_-]+")
                .matcher(value);
        while (sealed.find()) {
            DataKey key = keys.get(FieldCipher.keyIdOf(sealed.group()));
            if (key != null) {
                opened.append(FieldCipher.open(sealed.group(), key)).append('\n');
            }
        }
        return opened.toString();
    }

    /** Every record a topic holds now, from each partition's start to its end. */
    private List<ConsumerRecord<String, String>> records(String topic) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.kafkaBootstrap());
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        properties.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, String.valueOf(KafkaComponent.MAX_RECORD_BYTES));
        properties.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, String.valueOf(KafkaComponent.MAX_RECORD_BYTES));
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(properties, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("reading " + topic + " took more than a minute");
                }
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }

    private void logs(List<String> words, Map<String, Integer> found) throws IOException {
        try (Stream<Path> files = Files.walk(settings.logDir())) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                countPlain(found, "log " + settings.logDir().relativize(file), new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1)
                        + new String(Files.readAllBytes(file), StandardCharsets.UTF_8), words);
            }
        }
    }
}
