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
 * consumers recognise.
 */
public final class PostgresOutbox {

    private PostgresOutbox() {
    }

    public static void add(EntityManager em, EventEnvelope event) {
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

    /** Publishes up to {@code batch} pending events in the order they were written; needs an active transaction. */
    public static int publishPending(EntityManager em, MutinyEmitter<String> emitter, String source, int batch) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select id, type, aggregate_type, aggregate_id, occurred_at, payload "
                        + "from outbox_event where published_at is null order by position limit ?1 for update skip locked")
                .setParameter(1, batch)
                .getResultList();
        for (Object[] row : rows) {
            EventEnvelope event = new EventEnvelope((String) row[0], (String) row[1], (String) row[2], (String) row[3],
                    toInstant(row[4]), (String) row[5]);
            emitter.sendMessageAndAwait(CloudEventMessages.toMessage(event, source));
            em.createNativeQuery("update outbox_event set published_at = now() where id = ?1")
                    .setParameter(1, event.id()).executeUpdate();
        }
        return rows.size();
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
