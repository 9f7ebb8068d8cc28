package io.chorus.common.event;

import java.time.Instant;

/**
 * One event as it leaves a service: CloudEvents attributes plus the JSON payload. The aggregate id
 * is the CloudEvents subject and the Kafka record key, so all events of one aggregate stay ordered.
 */
public record EventEnvelope(String id, String type, String aggregateType, String aggregateId,
        Instant occurredAt, String payloadJson) {
}
