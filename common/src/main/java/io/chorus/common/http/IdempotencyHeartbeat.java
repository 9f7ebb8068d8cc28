package io.chorus.common.http;

import io.chorus.common.jobs.JobRunners;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Tells the idempotency store, every {@link #INTERVAL}, that this process lives. With several instances of a service, a
 * request that was running on an instance that died holds its Idempotency-Key; the client's retry reaches another
 * instance, which takes the key over once the dead process has missed its beats ({@link #DEAD_AFTER}) instead of
 * answering 409 for 30 s.
 */
@ApplicationScoped
public class IdempotencyHeartbeat {

    public static final Duration INTERVAL = Duration.ofSeconds(2);
    public static final Duration DEAD_AFTER = Duration.ofSeconds(6);

    @Inject
    IdempotencyStore store;

    private ScheduledExecutorService executor;

    void start(@Observes StartupEvent startup) {
        executor = JobRunners.every("idempotency-heartbeat", INTERVAL, store::beat);
    }

    void stop(@Observes ShutdownEvent shutdown) {
        if (executor != null) {
            executor.shutdownNow();
        }
    }
}
