package io.chorus.common.event;

import jakarta.inject.Inject;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * A Kafka channel's consumer: subclasses name the channel with {@code @Incoming} and {@code @Blocking} on a method that
 * calls {@link #consume}, and apply each event in {@link #apply}. Failures are handled as {@link EventHandling} says,
 * dead letters kept in {@link DeadLetters}.
 */
public abstract class EventConsumer implements EventSink {

    @Inject
    DeadLetters deadLetters;

    @Inject
    Erasures erasures;

    protected CompletionStage<Void> consume(Message<String> message) {
        return EventHandling.apply(message, consumer(), event -> {
            apply(event);
            erasures.applied(event);
        }, deadLetters::record, EventHandling.FIRST_BACKOFF_MS);
    }
}
