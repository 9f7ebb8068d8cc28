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

    public static CompletionStage<Void> apply(Message<String> message, Consumer<EventEnvelope> effect) {
        return apply(message, effect, FIRST_BACKOFF_MS);
    }

    static CompletionStage<Void> apply(Message<String> message, Consumer<EventEnvelope> effect, long firstBackoffMs) {
        EventEnvelope event;
        try {
            event = CloudEventMessages.fromMessage(message);
        } catch (IllegalArgumentException unreadable) {
            return message.nack(unreadable);
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
                    return message.nack(new IllegalArgumentException(reason, failure));
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
    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while retrying an event", e);
        }
    }
}
