package io.chorus.common.event;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The relay of a PostgreSQL service's outbox: publishes right after each commit that wrote events
 * ({@link PostgresOutbox#add}), and every {@code chorus.events.poll-interval} as the fallback. A service subclasses it
 * with its channel and CloudEvents source. {@code chorus.events.relay=false} leaves publishing to explicit calls (tests).
 */
public abstract class PostgresEventRelay {

    @Inject
    protected EntityManager em;

    @Inject
    RelayStatus status;

    @Inject
    RelayLoop loop;

    @ConfigProperty(name = "chorus.events.relay", defaultValue = "true")
    boolean running;

    @ConfigProperty(name = "chorus.events.poll-interval", defaultValue = "1s")
    Duration pollInterval;

    protected abstract MutinyEmitter<String> emitter();

    /** The CloudEvents source of this service's events. */
    protected abstract String source();

    protected void start(@Observes StartupEvent startup) {
        if (running) {
            loop.start(getClass().getSimpleName(), pollInterval, () -> QuarkusTransaction.requiringNew().call(this::publishPending));
        }
    }

    protected void stop(@Observes ShutdownEvent shutdown) {
        loop.stop();
    }

    /** @return how many events this pass published */
    @Transactional
    public int publishPending() {
        RelayPass pass = PostgresOutbox.publishPending(em, emitter(), source(), 100);
        status.record(pass);
        return pass.published();
    }
}
