package io.chorus.common.event;

import jakarta.persistence.EntityManager;

/**
 * The consumed-message log of a PostgreSQL service. Call inside the transaction that applies the
 * event: the id is recorded with the effect, so a redelivered event is recognised and skipped.
 * Table: processed_event(consumer, event_id, processed_at), primary key (consumer, event_id).
 */
public final class ProcessedEvents {

    private ProcessedEvents() {
    }

    /** @return true the first time this consumer sees the event id, false on every redelivery */
    public static boolean markFirstDelivery(EntityManager em, String consumer, String eventId) {
        int inserted = em.createNativeQuery("insert into processed_event (consumer, event_id, processed_at) "
                        + "values (?1, ?2, now()) on conflict do nothing")
                .setParameter(1, consumer)
                .setParameter(2, eventId)
                .executeUpdate();
        return inserted == 1;
    }
}
