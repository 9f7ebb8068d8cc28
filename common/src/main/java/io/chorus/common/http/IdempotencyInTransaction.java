package io.chorus.common.http;

import io.quarkus.arc.Arc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionScoped;

/**
 * Every transaction a request with a claimed {@code Idempotency-Key} begins also marks the key as applied
 * ({@link IdempotencyStore#markAppliedInTransaction}), so the mark commits or rolls back with the request's change. The
 * answer is stored after the commit; a crash in between leaves a claim that is marked and is never taken over.
 */
@ApplicationScoped
public class IdempotencyInTransaction {

    /** The key the current request claimed, if any. */
    @RequestScoped
    public static class Claimed {

        private String key;

        void key(String claimed) {
            this.key = claimed;
        }

        /** The claimed key; null when the request sent none or the key was answered from the store. */
        public String key() {
            return key;
        }
    }

    @Inject
    IdempotencyStore store;

    @Inject
    Claimed claimed;

    void begun(@Observes @Initialized(TransactionScoped.class) Object transaction) {
        if (!Arc.container().requestContext().isActive() || claimed.key() == null) {
            return;
        }
        store.markAppliedInTransaction(claimed.key());
    }
}
