package io.chorus.common.event;

import java.util.LinkedHashSet;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * One pass of an outbox relay. Events are published in the order they were written; when one fails (Kafka away, a
 * record too large), the rest of its aggregate waits for the next pass so that the aggregate's order holds, and the
 * other aggregates go on. The aggregates left waiting are reported to {@link RelayStatus}.
 */
public final class RelayPass {

    private static final Logger LOG = Logger.getLogger(RelayPass.class);

    private final Set<String> waiting = new LinkedHashSet<>();
    private int published;

    /** True when an earlier event of this aggregate failed in this pass: its later events must wait. */
    public boolean waits(String aggregateId) {
        return waiting.contains(aggregateId);
    }

    /** Publishes one event and marks it published; false (and the aggregate waits) when publishing failed. */
    public boolean publish(EventEnvelope event, Runnable send, Runnable markPublished) {
        if (waits(event.aggregateId())) {
            return false;
        }
        try {
            send.run();
        } catch (RuntimeException failure) {
            waiting.add(event.aggregateId());
            LOG.warnf("event %s (%s) of %s %s could not be published and is retried; other aggregates go on: %s", event.id(),
                    event.type(), event.aggregateType(), event.aggregateId(), EventFailures.reason(failure));
            return false;
        }
        markPublished.run();
        published++;
        return true;
    }

    /** An aggregate whose pending event cannot even be read waits too, and is reported. */
    public void hold(String aggregateId, RuntimeException why) {
        waiting.add(aggregateId);
        LOG.errorf("a pending event of %s cannot be read and waits: %s", aggregateId, EventFailures.reason(why));
    }

    public int published() {
        return published;
    }

    public Set<String> waiting() {
        return Set.copyOf(waiting);
    }
}
