package io.chorus.common.event;

import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * How every consumer applies a CloudEvent: transient failures (database briefly away) are retried with
 * back-off; an unreadable event is nacked at once, which sends it to the channel's dead-letter topic
 * where it is kept for inspection and replay, never silently dropped.
 */
public final class EventHandling {

    private static final Logger LOG = Logger.getLogger(EventHandling.class);
    static final int ATTEMPTS = 6;

    private EventHandling() {
    }

    public static CompletionStage<Void> apply(Message<String> message, Consumer<EventEnvelope> effect) {
        EventEnvelope event;
        try {
            event = CloudEventMessages.fromMessage(message);
        } catch (IllegalArgumentException unreadable) {
            return message.nack(unreadable);
        }
        for (int attempt = 1; ; attempt++) {
            try {
                effect.accept(event);
                return message.ack();
            } catch (IllegalArgumentException unreadable) {
                LOG.errorf("event %s (%s) is unreadable and goes to the dead-letter topic: %s", event.id(), event.type(),
                        unreadable.getMessage());
                return message.nack(unreadable);
            } catch (RuntimeException failure) {
                if (attempt == ATTEMPTS) {
                    LOG.errorf("event %s (%s) failed %d times and goes to the dead-letter topic: %s", event.id(), event.type(),
                            attempt, failure);
                    return message.nack(failure);
                }
                LOG.warnf("event %s (%s) failed (attempt %d), retrying: %s", event.id(), event.type(), attempt, failure);
                sleep(200L << attempt);
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
