package io.chorus.common.http;

import io.chorus.common.jobs.JobRunners;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledExecutorService;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Stored Idempotency-Key answers live {@code chorus.idempotency.retention} (24 h unless set; env
 * {@code CHORUS_IDEMPOTENCY_RETENTION}), then they and their keys are deleted: a retry within that time is answered as the
 * first request was, a request after it with the same key runs as a new one. Checked every
 * {@code chorus.idempotency.expiry-interval} (10 min).
 */
@ApplicationScoped
public class IdempotencyExpiry {

    private static final Logger LOG = Logger.getLogger(IdempotencyExpiry.class);

    @Inject
    IdempotencyStore store;

    @ConfigProperty(name = "chorus.idempotency.retention", defaultValue = "24h")
    Duration retention;

    @ConfigProperty(name = "chorus.idempotency.expiry-interval", defaultValue = "10m")
    Duration interval;

    private ScheduledExecutorService executor;

    void start(@Observes StartupEvent startup) {
        executor = JobRunners.every("idempotency-expiry", Duration.ofSeconds(5), interval, this::expire);
    }

    /** Deletes the keys older than the retention; how many. */
    public int expire() {
        int expired = store.expire(Instant.now().minus(retention));
        if (expired > 0) {
            LOG.infof("%d Idempotency-Key answers older than %s deleted", expired, retention);
        }
        return expired;
    }

    public Duration retention() {
        return retention;
    }

    void stop(@Observes ShutdownEvent shutdown) {
        if (executor != null) {
            executor.shutdownNow();
        }
    }
}
