package io.chorus.coding;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.chorus.common.event.EventEnvelope;
import io.chorus.common.event.PostgresOutbox;
import io.chorus.common.testing.PostgresTestResource;
import io.chorus.common.testing.TestEvents;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import io.smallrye.reactive.messaging.memory.InMemorySink;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** The relay as it runs in production: an event is published right after its commit, not at the next poll. */
@QuarkusTest
@TestProfile(PublishOnCommitTest.RelayRunning.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
class PublishOnCommitTest {

    public static class RelayRunning implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // a poll an hour apart: only the commit signal can publish within the test
            return Map.of("chorus.events.relay", "true", "chorus.events.poll-interval", "1h");
        }
    }

    @Inject
    EntityManager em;

    @Inject
    @Any
    InMemoryConnector connector;

    @Test
    void anEventIsPublishedRightAfterItsTransactionCommitsAndNotBeforeOrOnRollback() {
        InMemorySink<String> sink = connector.sink("coding-events");
        sink.clear();
        EventEnvelope rolledBack = TestEvents.envelope("io.chorus.coding.test.v1", "codebook", UUID.randomUUID().toString(), "{}");
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                PostgresOutbox.add(em, rolledBack);
                throw new IllegalStateException("the state change failed");
            });
        } catch (IllegalStateException expected) {
            // nothing was written, so nothing is published
        }
        EventEnvelope committed = TestEvents.envelope("io.chorus.coding.test.v1", "codebook", UUID.randomUUID().toString(), "{}");
        long begin = System.nanoTime();
        QuarkusTransaction.requiringNew().run(() -> PostgresOutbox.add(em, committed));
        Awaitility.await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(5)).until(() -> !sink.received().isEmpty());
        long millis = (System.nanoTime() - begin) / 1_000_000;
        assertEquals(committed.id(), sink.received().get(0).getMetadata(OutgoingCloudEventMetadata.class).orElseThrow().getId(),
                "published " + millis + " ms after the commit");
        assertEquals(1, sink.received().size(), "the rolled-back event was never published");
    }
}
