package io.chorus.common.testing;

import io.chorus.common.event.CloudEventMessages;
import io.chorus.common.event.EventEnvelope;
import io.smallrye.reactive.messaging.ce.impl.DefaultIncomingCloudEventMetadata;
import java.net.URI;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.reactive.messaging.Message;

/** Messages shaped like the Kafka connector delivers binary-mode CloudEvents, for in-memory channels. */
public final class TestEvents {

    private TestEvents() {
    }

    public static EventEnvelope envelope(String type, String aggregateType, String aggregateId, String payloadJson) {
        return new EventEnvelope(UUID.randomUUID().toString(), type, aggregateType, aggregateId, Instant.now(), payloadJson);
    }

    public static Message<String> incoming(EventEnvelope event) {
        return Message.of(event.payloadJson()).addMetadata(new DefaultIncomingCloudEventMetadata<>("1.0", event.id(),
                URI.create("/chorus/test"), event.type(), "application/json", null, event.aggregateId(),
                event.occurredAt().atZone(ZoneOffset.UTC),
                Map.of(CloudEventMessages.AGGREGATE_TYPE_EXTENSION, event.aggregateType()), event.payloadJson()));
    }
}
