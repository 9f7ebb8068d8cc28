package io.chorus.common.event;

import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * How every consumer applies a CloudEvent. An event that can never be applied ({@link EventFailures#isDeterministic})
 * is nacked at once, so it goes to the channel's dead-letter topic with its reason and the events behind it go on.
 * Any other failure (database or broker away) is retried with back-off up to {@link #MAX_BACKOFF_MS} between tries,
 * for as long as it takes: the partition waits, in order, and nothing is lost or dead-lettered by an outage.
 */
public final class EventHandling {

    private static final Logger LOG = Logger.getLogger(EventHandling.class);
    static final long FIRST_BACKOFF_MS = 100;
    static final long MAX_BACKOFF_MS = 5_000;

    private EventHandling() {
    }

    /** Keeps a dead letter where admins can list and replay it ({@link DeadLetters#record}). */
    @FunctionalInterface
    public interface DeadLetterLog {
        void record(String consumer, EventEnvelope event, String reason);
    }

    public static CompletionStage<Void> apply(Message<String> message, EventSink sink, DeadLetterLog deadLetters) {
        return apply(message, sink.consumer(), sink::apply, deadLetters, FIRST_BACKOFF_MS);
    }

    static CompletionStage<Void> apply(Message<String> message, String consumer, Consumer<EventEnvelope> effect,
            DeadLetterLog deadLetters, long firstBackoffMs) {
        EventEnvelope event;
        try {
            event = CloudEventMessages.fromMessage(message);
        } catch (IllegalArgumentException unreadable) {
            return deadLetter(message, consumer, unreadableEnvelope(message), "not a readable CloudEvent: " + unreadable.getMessage(),
                    deadLetters, unreadable, firstBackoffMs);
        }
        long backoff = firstBackoffMs;
        for (int attempt = 1; ; attempt++) {
            try {
                effect.accept(event);
                if (attempt > 1) {
                    LOG.infof("event %s (%s) applied after %d attempts", event.id(), event.type(), attempt);
                }
                return message.ack();
            } catch (RuntimeException failure) {
                if (EventFailures.isDeterministic(failure)) {
                    String reason = EventFailures.reason(failure);
                    LOG.errorf("event %s (%s) can never be applied and goes to the dead-letter topic: %s", event.id(), event.type(),
                            reason);
                    return deadLetter(message, consumer, event, reason, deadLetters, failure, firstBackoffMs);
                }
                if (attempt == 1 || attempt % 10 == 0) {
                    LOG.warnf("event %s (%s) failed (attempt %d), retrying until it succeeds: %s", event.id(), event.type(),
                            attempt, EventFailures.reason(failure));
                }
                sleep(backoff);
                backoff = Math.min(MAX_BACKOFF_MS, backoff * 2);
            }
        }
    }
    /** Records the dead letter (retrying while its store is away, so none goes unrecorded), then nacks it to the topic. */
    private static CompletionStage<Void> deadLetter(Message<String> message, String consumer, EventEnvelope event, String reason,
            DeadLetterLog deadLetters, Throwable failure, long backoff) {
        for (int attempt = 1; ; attempt++) {
            try {
                deadLetters.record(consumer, event, reason);
                return message.nack(new IllegalArgumentException(reason, failure));
            } catch (RuntimeException unavailable) {
                if (EventFailures.isDeterministic(unavailable)) {
                    LOG.errorf(unavailable, "dead letter %s cannot be recorded; it is only on the dead-letter topic", event.id());
                    return message.nack(new IllegalArgumentException(reason, failure));
                }
                if (attempt == 1 || attempt % 10 == 0) {
                    LOG.warnf("dead letter %s cannot be recorded yet (attempt %d): %s", event.id(), attempt, unavailable.toString());
                }
                sleep(backoff);
                backoff = Math.min(MAX_BACKOFF_MS, backoff * 2);
            }
        }
    }

    private static EventEnvelope unreadableEnvelope(Message<String> message) {
        String where = message.getMetadata(io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata.class)
                .map(m -> m.getTopic() + "/" + m.getPartition() + "/" + m.getOffset()).orElse(java.util.UUID.randomUUID().toString());
        return DeadLetters.unreadable(where, message.getPayload());
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while retrying an event", e);
        }
    }
}
