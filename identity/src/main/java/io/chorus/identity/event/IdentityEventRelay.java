package io.chorus.identity.event;

import io.chorus.common.event.PostgresOutbox;
import io.chorus.common.event.RelayPass;
import io.chorus.common.event.RelayStatus;
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
    RelayStatus status;

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
        RelayPass pass = PostgresOutbox.publishPending(em, emitter, "/chorus/identity", 100);
        status.record(pass);
        return pass.published();
    }
}
