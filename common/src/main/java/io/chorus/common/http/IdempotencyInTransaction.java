package io.chorus.common.http;

import io.quarkus.arc.Arc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionScoped;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * Every transaction a request with a claimed {@code Idempotency-Key} commits also marks the key as applied
 * ({@link IdempotencyStore#markAppliedInTransaction}), in the same transaction, so the mark exists exactly when the
 * request's change does. The answer is stored after the commit; a crash in between leaves a claim that is marked and is
 * never taken over.
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

    /**
     * The mark is written just before the transaction commits (a synchronisation's beforeCompletion, on the transaction's
     * own connection), never on a path that rolls back: a transaction aborted while another thread was still inside it
     * (a Keycloak call cut off, seen in ChaosIT) could leave a connection whose pending writes a later borrower commits,
     * and a mark written at the start would then outlive the change it stands for.
     */
    void begun(@Observes @Initialized(TransactionScoped.class) Object transaction) {
        if (!Arc.container().requestContext().isActive() || claimed.key() == null) {
            return;
        }
        String key = claimed.key();
        // looked up here, not injected: a service without JTA (transcript-service, on MongoDB) has no registry, and never
        // begins a transaction that would fire this
        var transactions = Arc.container().instance(TransactionSynchronizationRegistry.class).get();
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                store.markAppliedInTransaction(key);
            }

            @Override
            public void afterCompletion(int status) {
            }
        });
    }
}
