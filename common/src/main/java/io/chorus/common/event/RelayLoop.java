package io.chorus.common.event;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntSupplier;
import org.jboss.logging.Logger;

/**
 * How every service runs its outbox relay: on one thread of its own, right after a commit that wrote events
 * ({@link #signal}), and on a poll interval only as the fallback that catches what a crash left behind. Passes never
 * overlap; signals that arrive during a pass make one more pass, so an event is published within one pass of its commit.
 */
@ApplicationScoped
public class RelayLoop {

    private static final Logger LOG = Logger.getLogger(RelayLoop.class);

    private final AtomicBoolean requested = new AtomicBoolean();
    private ScheduledExecutorService executor;
    private IntSupplier pass;

    /** Starts the loop; {@code pass} publishes what is pending and returns how many events it published. */
    public synchronized void start(String name, Duration pollInterval, IntSupplier pass) {
        if (executor != null) {
            throw new IllegalStateException("the relay loop runs already");
        }
        this.pass = pass;
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, name);
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::runPass, pollInterval.toMillis(), pollInterval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Events were committed: publish them now. */
    public void signal() {
        ScheduledExecutorService running = executor;
        if (running != null && requested.compareAndSet(false, true)) {
            try {
                running.execute(() -> {
                    requested.set(false);
                    runPass();
                });
            } catch (java.util.concurrent.RejectedExecutionException stopping) {
                requested.set(false);
            }
        }
    }

    public synchronized void stop() {
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }

    private void runPass() {
        try {
            pass.getAsInt();
        } catch (RuntimeException e) {
            LOG.warnf("outbox relay pass failed and is retried: %s", e.toString());
        }
    }
}
