package io.chorus.common.event;

import io.smallrye.reactive.messaging.ce.IncomingCloudEventMetadata;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import java.net.URI;
import java.time.ZoneOffset;
import org.eclipse.microprofile.reactive.messaging.Message;

/** Converts envelopes to and from binary-mode CloudEvents on Kafka; ce_dataschema names the payload's schema. */
public final class CloudEventMessages {

    public static final String AGGREGATE_TYPE_EXTENSION = "aggregatetype";

    private CloudEventMessages() {
    }

    public static Message<String> toMessage(EventEnvelope event, String source) {
        var builder = OutgoingCloudEventMetadata.<String>builder()
                .withId(event.id())
                .withType(event.type())
                .withSource(URI.create(source))
                .withSubject(event.aggregateId())
                .withTimestamp(event.occurredAt().atZone(ZoneOffset.UTC))
                .withExtension(AGGREGATE_TYPE_EXTENSION, event.aggregateType());
        EventSchemaLocations.of(event.type()).ifPresent(builder::withDataSchema);
        OutgoingCloudEventMetadata<String> cloudEvent = builder.build();
        OutgoingKafkaRecordMetadata<String> kafka = OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(event.aggregateId())
                .build();
        return Message.of(event.payloadJson()).addMetadata(cloudEvent).addMetadata(kafka);
    }

    /** Reads the envelope of a consumed message; a message without CloudEvents headers is rejected. */
    public static EventEnvelope fromMessage(Message<String> message) {
        IncomingCloudEventMetadata<?> cloudEvent = message.getMetadata(IncomingCloudEventMetadata.class)
                .orElseThrow(() -> new IllegalArgumentException("message carries no CloudEvents attributes"));
        Object aggregateType = cloudEvent.getExtension(AGGREGATE_TYPE_EXTENSION).orElse(null);
        return new EventEnvelope(cloudEvent.getId(), cloudEvent.getType(),
                aggregateType == null ? null : aggregateType.toString(),
                cloudEvent.getSubject().orElse(null),
                cloudEvent.getTimeStamp().map(t -> t.toInstant()).orElse(null),
                message.getPayload());
    }

    /** Reads the envelope of a record read straight from Kafka (binary-mode CloudEvents headers), as a replay does. */
    public static EventEnvelope fromRecord(org.apache.kafka.clients.consumer.ConsumerRecord<String, String> record) {
        String id = header(record, "ce_id");
        if (id == null) {
            throw new IllegalArgumentException("record carries no CloudEvents attributes");
        }
        String time = header(record, "ce_time");
        return new EventEnvelope(id, header(record, "ce_type"), header(record, "ce_" + AGGREGATE_TYPE_EXTENSION),
                header(record, "ce_subject"), time == null ? null : java.time.OffsetDateTime.parse(time).toInstant(), record.value());
    }

    private static String header(org.apache.kafka.clients.consumer.ConsumerRecord<String, String> record, String name) {
        org.apache.kafka.common.header.Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), java.nio.charset.StandardCharsets.UTF_8);
    }
}
