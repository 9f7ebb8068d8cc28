package io.chorus.coding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.chorus.coding.event.CodingEventRelay;
import io.chorus.common.event.EventEnvelope;
import io.chorus.common.event.PostgresOutbox;
import io.chorus.common.testing.PostgresTestResource;
import io.chorus.common.testing.TestEvents;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import io.smallrye.reactive.messaging.memory.InMemorySink;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
class PostgresOutboxTest {

    @Inject
    EntityManager em;

    @Inject
    CodingEventRelay relay;

    @Inject
    @Any
    InMemoryConnector connector;

    InMemorySink<String> sink;

    @BeforeEach
    void drain() {
        QuarkusTransaction.requiringNew().run(() -> relay.publishPending());
        sink = connector.sink("coding-events");
        sink.clear();
    }

    EventEnvelope event(String payload) {
        return TestEvents.envelope("io.chorus.coding.test.v1", "codebook", UUID.randomUUID().toString(), payload);
    }

    List<String> publishedIds() {
        return sink.received().stream()
                .map(m -> m.getMetadata(OutgoingCloudEventMetadata.class).orElseThrow().getId()).toList();
    }

    @Test
    void eventsCommittedWithTheStateChangeArePublishedOnceInOrder() {
        EventEnvelope first = event("{\"n\":1}");
        EventEnvelope second = event("{\"n\":2}");
        QuarkusTransaction.requiringNew().run(() -> {
            PostgresOutbox.add(em, first);
            PostgresOutbox.add(em, second);
        });
        assertEquals(2, relay.publishPending());
        assertEquals(0, relay.publishPending());
        assertEquals(List.of(first.id(), second.id()), publishedIds());
        assertEquals(List.of("{\"n\":1}", "{\"n\":2}"), sink.received().stream().map(m -> m.getPayload()).toList());
    }

    @Test
    void aRolledBackStateChangePublishesNothing() {
        assertThrows(IllegalStateException.class, () -> QuarkusTransaction.requiringNew().run(() -> {
            PostgresOutbox.add(em, event("{}"));
            throw new IllegalStateException("the state change failed");
        }));
        assertEquals(0, relay.publishPending());
        assertEquals(List.of(), sink.received());
    }

    @Test
    void aCrashAfterPublishingRepublishesTheSameEventIdRatherThanLosingIt() {
        EventEnvelope event = event("{}");
        QuarkusTransaction.requiringNew().run(() -> PostgresOutbox.add(em, event));
        // published, then the process dies before the 'published' mark commits
        assertThrows(IllegalStateException.class, () -> QuarkusTransaction.requiringNew().run(() -> {
            relay.publishPending();
            throw new IllegalStateException("crash");
        }));
        assertEquals(1, relay.publishPending());
        assertEquals(List.of(event.id(), event.id()), publishedIds());
    }
}
