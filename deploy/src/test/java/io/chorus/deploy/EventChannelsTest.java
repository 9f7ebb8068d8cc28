package io.chorus.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * Every Kafka consumer channel of every service is set up to ride out outages and restarts in the same way. Whether a
 * channel survives Kafka going away while it looks up a committed offset depends on timing, so the fault-injection test
 * (ChaosIT) meets it only sometimes; this checks the setting that removes the failure on every run.
 */
class EventChannelsTest {

    private static final String INCOMING = "mp.messaging.incoming.";

    @Test
    void everyConsumerChannelCommitsEachAppliedEventAndIsAStaticMemberWithADeadLetterTopic() throws IOException {
        List<String> channels = new ArrayList<>();
        for (ServiceSpec spec : ServiceSpec.ALL) {
            Properties properties = new Properties();
            try (Reader reader = Files.newBufferedReader(ComposeConsistencyTest.ROOT.resolve(spec.name())
                    .resolve("src/main/resources/application.properties"))) {
                properties.load(reader);
            }
            for (String name : properties.stringPropertyNames()) {
                if (name.startsWith(INCOMING) && name.endsWith(".connector") && "smallrye-kafka".equals(properties.getProperty(name))) {
                    String prefix = name.substring(0, name.length() - "connector".length());
                    String channel = spec.name() + "/" + prefix.substring(INCOMING.length(), prefix.length() - 1);
                    channels.add(channel);
                    if ("chorus.keys".equals(properties.getProperty(prefix + "topic"))) {
                        // the key topic is read whole at every start, by a group of its own, and never committed
                        assertTrue(properties.getProperty(prefix + "group.id", "").contains("${quarkus.uuid}"), channel + " group");
                        assertEquals("earliest", properties.getProperty(prefix + "auto.offset.reset"), channel);
                        assertEquals("false", properties.getProperty(prefix + "enable.auto.commit"), channel);
                        assertEquals("ignore", properties.getProperty(prefix + "commit-strategy"), channel);
                        continue;
                    }
                    // the connector's default (throttled) stops the channel for good when a committed-offset lookup
                    // times out during a Kafka outage; latest commits after each event and only logs a failed commit
                    assertEquals("latest", properties.getProperty(prefix + "commit-strategy"), channel + " commit strategy");
                    assertEquals("dead-letter-queue", properties.getProperty(prefix + "failure-strategy"), channel + " failure strategy");
                    assertTrue(properties.getProperty(prefix + "dead-letter-queue.topic", "").endsWith(".dlq"), channel + " dead-letter topic");
                    assertTrue(properties.getProperty(prefix + "group.instance.id", "").contains("${chorus.instance:1}"),
                            channel + " is a static member named per instance");
                }
            }
        }
        assertFalse(channels.isEmpty(), "the services consume events");
        assertTrue(channels.contains("reporting-service/coding-events"), channels.toString());
        assertTrue(channels.containsAll(List.of("coding-service/data-keys", "reporting-service/data-keys")), channels.toString());
    }
}
