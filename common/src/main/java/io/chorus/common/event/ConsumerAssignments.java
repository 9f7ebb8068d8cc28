package io.chorus.common.event;

import io.smallrye.common.annotation.Identifier;
import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaConsumerRebalanceListener;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness of the event consumers: a service is ready only once each of its Kafka channels has joined its consumer group
 * and been given its partitions. Each channel is a static member ({@code group.instance.id}), so a restarted service
 * takes its partitions back at once instead of after the broker's session timeout for the member that died.
 */
@Readiness
@ApplicationScoped
@Identifier(ConsumerAssignments.NAME)
public class ConsumerAssignments implements KafkaConsumerRebalanceListener, AsyncHealthCheck {

    /** Set as {@code consumer-rebalance-listener.name} of every incoming Kafka channel. */
    public static final String NAME = "chorus-consumer-assignments";
    private static final String INCOMING = "mp.messaging.incoming.";

    private final Map<String, Integer> assigned = new ConcurrentHashMap<>();

    @Override
    public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        assigned.put(member(consumer), partitions.size());
    }

    @Override
    public void onPartitionsLost(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        assigned.remove(member(consumer));
    }

    private static String member(Consumer<?, ?> consumer) {
        return consumer.groupMetadata().groupInstanceId().orElse(consumer.groupMetadata().memberId());
    }

    /** The static member ids of this service's Kafka channels, from their configuration. */
    static Set<String> expectedMembers() {
        var config = ConfigProvider.getConfig();
        Set<String> members = new TreeSet<>();
        for (String name : config.getPropertyNames()) {
            if (name.startsWith(INCOMING) && name.endsWith(".connector")
                    && "smallrye-kafka".equals(config.getOptionalValue(name, String.class).orElse(""))) {
                String channel = name.substring(INCOMING.length(), name.length() - ".connector".length());
                members.add(config.getOptionalValue(INCOMING + channel + ".group.instance.id", String.class).orElse(channel));
            }
        }
        return members;
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        Set<String> waiting = new TreeSet<>(expectedMembers());
        waiting.removeAll(assigned.keySet());
        var response = HealthCheckResponse.named("event consumers").status(waiting.isEmpty())
                .withData("assigned", assigned.size());
        if (!waiting.isEmpty()) {
            response.withData("waitingForPartitions", String.join(", ", waiting));
        }
        return Uni.createFrom().item(response.build());
    }
}
