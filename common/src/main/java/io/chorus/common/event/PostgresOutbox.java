package io.chorus.common.event;

import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

/**
 * The transactional outbox of a PostgreSQL service (table outbox_event, Flyway location db/outbox).
 * {@link #add} runs in the transaction of the state change, so both commit or neither does; the
 * service's relay calls {@link #publishPending} in its own transaction and marks an event published
 * only after Kafka acknowledged it. A crash in between publishes it again with the same id, which
 * consumers recognise. An event that fails holds up only the later events of its own aggregate.
 */
public final class PostgresOutbox {

    private PostgresOutbox() {
    }

    private static final Object SIGNAL_REGISTERED = new Object();

    /** Writes the event in the caller's transaction; once that commits, the relay publishes it at once ({@link RelayLoop}). */
    public static void add(EntityManager em, EventEnvelope event) {
        signalRelayAfterCommit();
        em.createNativeQuery("insert into outbox_event (id, aggregate_type, aggregate_id, type, occurred_at, payload) "
                        + "values (?1, ?2, ?3, ?4, ?5, ?6)")
                .setParameter(1, event.id())
                .setParameter(2, event.aggregateType())
                .setParameter(3, event.aggregateId())
                .setParameter(4, event.type())
                .setParameter(5, Timestamp.from(event.occurredAt()))
                .setParameter(6, event.payloadJson())
                .executeUpdate();
    }

    /**
     * Publishes up to {@code batch} pending events in the order they were written; needs an active transaction. An
     * aggregate whose event fails keeps its events pending for the next pass ({@link RelayPass}), the others go on.
     */
    public static RelayPass publishPending(EntityManager em, MutinyEmitter<String> emitter, String source, int batch) {
        RelayPass pass = new RelayPass();
        if (!relayLockTaken(em)) {
            return pass;
        }
        List<Object[]> rows;
        int rounds = 0;
        do {
            rows = pending(em, batch, pass.waiting());
            for (Object[] row : rows) {
                EventEnvelope event = new EventEnvelope((String) row[0], (String) row[1], (String) row[2], (String) row[3],
                        toInstant(row[4]), (String) row[5]);
                pass.publish(event, () -> emitter.sendMessageAndAwait(CloudEventMessages.toMessage(event, source)),
                        () -> em.createNativeQuery("update outbox_event set published_at = now() where id = ?1")
                                .setParameter(1, event.id()).executeUpdate());
            }
        } while (rows.size() == batch && !pass.waiting().isEmpty() && ++rounds < 10);
        return pass;
    }

    /**
     * One relay at a time per database, whatever the number of service instances: rows locked by one relay and skipped
     * by another would let a later event of an aggregate overtake an earlier one. The lock ends with the pass's
     * transaction; the instance that does not get it leaves the pass to the one that has it.
     */
    private static boolean relayLockTaken(EntityManager em) {
        return Boolean.TRUE.equals(em.createNativeQuery("select pg_try_advisory_xact_lock(" + RELAY_LOCK + ")").getSingleResult());
    }

    /** The advisory lock key of the outbox relay ("outbox" in ASCII). */
    static final long RELAY_LOCK = 0x6f7574626f78L;

    private static void signalRelayAfterCommit() {
        var registry = io.quarkus.arc.Arc.container().instance(jakarta.transaction.TransactionSynchronizationRegistry.class).get();
        if (registry.getResource(SIGNAL_REGISTERED) != null) {
            return;
        }
        registry.putResource(SIGNAL_REGISTERED, Boolean.TRUE);
        registry.registerInterposedSynchronization(new jakarta.transaction.Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == jakarta.transaction.Status.STATUS_COMMITTED) {
                    io.quarkus.arc.Arc.container().instance(RelayLoop.class).get().signal();
                }
            }
        });
    }

    /** The oldest pending events, leaving out the aggregates that wait in this pass so that they hold up no others. */
    @SuppressWarnings("unchecked")
    private static List<Object[]> pending(EntityManager em, int batch, java.util.Set<String> waiting) {
        var query = em.createNativeQuery("select id, type, aggregate_type, aggregate_id, occurred_at, payload from outbox_event "
                + "where published_at is null" + (waiting.isEmpty() ? "" : " and aggregate_id not in (:waiting)")
                + " order by position limit :batch for update skip locked").setParameter("batch", batch);
        if (!waiting.isEmpty()) {
            query.setParameter("waiting", List.copyOf(waiting));
        }
        return query.getResultList();
    }

    private static Instant toInstant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant();
        }
        if (value instanceof java.time.OffsetDateTime offset) {
            return offset.toInstant();
        }
        throw new IllegalStateException("unexpected occurred_at type " + value.getClass());
    }
}
