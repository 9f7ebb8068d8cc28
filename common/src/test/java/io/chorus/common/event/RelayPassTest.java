package io.chorus.common.event;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.chorus.common.testing.TestEvents;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RelayPassTest {

    @Test
    void anEventThatCannotBePublishedHoldsUpOnlyItsOwnAggregate() {
        List<EventEnvelope> pending = List.of(
                TestEvents.envelope("io.chorus.test.v1", "transcript", "big", "{\"n\":1}"),
                TestEvents.envelope("io.chorus.test.v1", "transcript", "small", "{\"n\":1}"),
                TestEvents.envelope("io.chorus.test.v1", "transcript", "big", "{\"n\":2}"),
                TestEvents.envelope("io.chorus.test.v1", "transcript", "small", "{\"n\":2}"));
        List<String> sent = new ArrayList<>();
        List<String> marked = new ArrayList<>();
        RelayPass pass = new RelayPass();
        for (EventEnvelope event : pending) {
            pass.publish(event, () -> {
                if (event.aggregateId().equals("big")) {
                    throw new IllegalStateException("RecordTooLargeException: the message is 2439467 bytes");
                }
                sent.add(event.aggregateId() + " " + event.payloadJson());
            }, () -> marked.add(event.id()));
        }
        assertEquals(List.of("small {\"n\":1}", "small {\"n\":2}"), sent, "the other aggregate went on, in order");
        assertEquals(2, marked.size(), "only what was sent is marked published");
        assertEquals(2, pass.published());
        assertEquals(Set.of("big"), pass.waiting(), "big's second event was not even tried: its order holds");

        RelayHealth health = new RelayHealth();
        health.status = new RelayStatus();
        health.status.record(pass);
        assertEquals(org.eclipse.microprofile.health.HealthCheckResponse.Status.DOWN, health.call().getStatus());
        health.status.record(new RelayPass());
        assertEquals(org.eclipse.microprofile.health.HealthCheckResponse.Status.UP, health.call().getStatus());
    }
}
