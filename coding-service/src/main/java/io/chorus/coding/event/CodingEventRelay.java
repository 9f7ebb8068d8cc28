package io.chorus.coding.event;

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

/** Publishes coding-service's outbox to the chorus.coding topic. */
@ApplicationScoped
public class CodingEventRelay {

    static final String SOURCE = "/chorus/coding-service";

    @Inject
    RelayStatus status;

    @Inject
    EntityManager em;

    @Inject
    @Channel("coding-events")
    MutinyEmitter<String> emitter;

    @Scheduled(every = "${chorus.coding.outbox-poll-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        publishPending();
    }

    /** @return how many events this pass published */
    @Transactional
    public int publishPending() {
        RelayPass pass = PostgresOutbox.publishPending(em, emitter, SOURCE, 100);
        status.record(pass);
        return pass.published();
    }
}
