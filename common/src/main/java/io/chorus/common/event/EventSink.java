package io.chorus.common.event;

/** One consumer of a topic: its name in the inbox and the dead letters, and how it applies an event. */
public interface EventSink {

    /** The consumer's name, such as "reporting-service/coding-events". */
    String consumer();

    /** Applies the event once (the inbox skips a redelivery); throws if it cannot be applied now or ever. */
    void apply(EventEnvelope event);
}
