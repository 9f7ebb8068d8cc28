package io.chorus.common.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chorus.common.testing.TestEvents;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.junit.jupiter.api.Test;

class EventHandlingTest {

    final List<String> outcomes = new ArrayList<>();
    final EventHandling.DeadLetterLog deadLetters = (consumer, event, reason) ->
            outcomes.add("dead letter of " + consumer + ": " + event.aggregateId() + ", " + reason);

    Message<String> tracked() {
        Message<String> event = TestEvents.incoming(TestEvents.envelope("io.chorus.test.happened.v1", "thing", "t-1", "{}"));
        return event.withAck(() -> {
            outcomes.add("ack");
            return CompletableFuture.completedFuture(null);
        }).withNack(failure -> {
            outcomes.add("nack: " + failure.getMessage());
            return CompletableFuture.completedFuture(null);
        });
    }

    @Test
    void anOutageIsWaitedOutAndTheEventAppliedNotDeadLettered() {
        AtomicInteger attempts = new AtomicInteger();
        EventHandling.apply(tracked(), "test-consumer", event -> {
            if (attempts.incrementAndGet() < 8) {
                throw new IllegalStateException("database away", new SQLTransientConnectionException("connection refused", "08001"));
            }
        }, deadLetters, 1);
        assertEquals(8, attempts.get(), "tried again past the six tries that used to dead-letter it");
        assertEquals(List.of("ack"), outcomes);
    }

    @Test
    void invalidDataGoesToTheDeadLetterTopicAtOnceWithItsReason() {
        AtomicInteger attempts = new AtomicInteger();
        EventHandling.apply(tracked(), "test-consumer", event -> {
            attempts.incrementAndGet();
            throw new RuntimeException("could not execute statement",
                    new SQLException("invalid byte sequence for encoding \"UTF8\": 0x00", "22021"));
        }, deadLetters, 1);
        assertEquals(1, attempts.get(), "no retries: it can never succeed");
        assertEquals(2, outcomes.size());
        assertEquals("dead letter of test-consumer: t-1, invalid byte sequence for encoding \"UTF8\": 0x00", outcomes.get(0),
                "kept for the admins before it goes to the topic");
        assertTrue(outcomes.get(1).startsWith("nack: invalid byte sequence"), outcomes.toString());
    }

    @Test
    void deadlocksAndBrokenConstraintsAreTold() {
        assertEquals(false, EventFailures.isDeterministic(new RuntimeException(new SQLException("deadlock detected", "40P01"))));
        assertEquals(true, EventFailures.isDeterministic(new RuntimeException(new SQLException("duplicate key", "23505"))));
        assertEquals(true, EventFailures.isDeterministic(new IllegalArgumentException("unreadable payload")));
        assertEquals(false, EventFailures.isDeterministic(new java.io.UncheckedIOException(new java.io.IOException("broker away"))));
        assertEquals(true, EventFailures.isDeterministic(new IllegalStateException("apply failed", new NullPointerException("site"))));
    }
}
