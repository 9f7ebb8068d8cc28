package io.chorus.deploy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;

/** An Apache Kafka broker in KRaft mode (combined broker and controller) from the Kafka jars, as a child process. */
final class KafkaComponent extends ChildProcessComponent {

    KafkaComponent(PlatformSettings settings) {
        super(PlatformSettings.KAFKA, settings);
    }

    @Override
    public void start() throws Exception {
        Path home = settings.stateDir().resolve("kafka");
        Path data = home.resolve("data");
        Files.createDirectories(home);
        Path config = home.resolve("server.properties");
        Files.writeString(config, serverProperties(data));
        if (!Files.exists(data.resolve("meta.properties"))) {
            ChildProcess format = new ChildProcess("kafka-storage-format", log());
            format.start(List.of(ChildProcess.java(), "-cp", ChildProcess.deployClasspath(), "kafka.tools.StorageTool",
                    "format", "-t", Uuid.randomUuid().toString(), "-c", config.toString()), Map.of(), home);
            if (format.runToCompletion(Duration.ofSeconds(60)) != 0) {
                throw new IllegalStateException("formatting the Kafka storage failed");
            }
        }
        process.start(List.of(ChildProcess.java(), "-Xms128m", "-Xmx512m", "-cp", ChildProcess.deployClasspath(),
                "kafka.Kafka", config.toString()), Map.of(), home);
        process.awaitReady(this::createTopics, Duration.ofSeconds(90));
    }

    /** The largest record (batch, after compression) a topic takes; matches kafka.max.request.size of the services. */
    static final int MAX_RECORD_BYTES = 33_554_432;

    private String serverProperties(Path data) {
        int port = settings.port(PlatformSettings.KAFKA);
        int controller = settings.port(PlatformSettings.KAFKA_CONTROLLER);
        return String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@127.0.0.1:" + controller,
                "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controller,
                "advertised.listeners=PLAINTEXT://localhost:" + port,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "log.dirs=" + data,
                "num.partitions=3",
                "offsets.topic.replication.factor=1",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                "auto.create.topics.enable=true",
                "message.max.bytes=" + MAX_RECORD_BYTES,
                "replica.fetch.max.bytes=" + MAX_RECORD_BYTES,
                "log.cleaner.backoff.ms=1000", // how often the cleaner looks for a compactable key topic
                "");
    }

    /** Ready once the broker answers an admin request and the platform's topics exist. */
    private boolean createTopics() {
        if (!MongoComponent.accepts(settings.port(PlatformSettings.KAFKA))) {
            return false;
        }
        Properties properties = new Properties();
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, settings.kafkaBootstrap());
        properties.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000);
        properties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5000);
        try (Admin admin = Admin.create(properties)) {
            Set<String> existing = admin.listTopics().names().get(5, TimeUnit.SECONDS);
            List<NewTopic> missing = ServiceSpec.TOPICS.stream().filter(t -> !existing.contains(t))
                    .map(t -> new NewTopic(t, 3, (short) 1).configs(java.util.Map.of("retention.ms", "-1",
                            "max.message.bytes", String.valueOf(MAX_RECORD_BYTES)))).toList();
            if (!existing.contains(ServiceSpec.KEY_TOPIC)) {
                missing = new java.util.ArrayList<>(missing);
                missing.add(new NewTopic(ServiceSpec.KEY_TOPIC, 1, (short) 1).configs(ServiceSpec.KEY_TOPIC_CONFIG));
            }
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get(10, TimeUnit.SECONDS);
            }
            return true;
        } catch (Exception e) {
            return false;
        }
    }
}
