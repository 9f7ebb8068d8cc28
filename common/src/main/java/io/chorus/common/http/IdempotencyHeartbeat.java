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
    private static volatile long beatingSince;

    void start(@Observes StartupEvent startup) {
        executor = JobRunners.every("idempotency-heartbeat", INTERVAL, () -> {
            try {
                store.beat();
                if (beatingSince == 0) {
                    beatingSince = System.currentTimeMillis();
                }
            } catch (RuntimeException storeAway) {
                beatingSince = 0;
                throw storeAway;
            }
        });
    }

    /**
     * Whether this process has beaten without a gap for longer than {@link #DEAD_AFTER}. Only then is another process's
     * silence a sign that it died: right after the store was away, every live process is silent too, and taking over
     * the claim of a request that is still running would run it twice.
     */
    public static boolean steady() {
        long since = beatingSince;
        return since != 0 && System.currentTimeMillis() - since > DEAD_AFTER.toMillis();
    }

    void stop(@Observes ShutdownEvent shutdown) {
        if (executor != null) {
            executor.shutdownNow();
        }
    }
}
