package io.chorus.identity.event;

import io.chorus.common.event.PostgresOutbox;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.reactive.messaging.Channel;

/** Publishes the identity service's outbox (site and access-change events) to chorus.identity. */
@ApplicationScoped
public class IdentityEventRelay {

    @Inject
    EntityManager em;

    @Inject
    @Channel("identity-events")
    MutinyEmitter<String> emitter;

    @Scheduled(every = "${chorus.identity.outbox-poll-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        publishPending();
    }

    @Transactional
    public int publishPending() {
        return PostgresOutbox.publishPending(em, emitter, "/chorus/identity", 100);
    }
}
