package io.chorus.common.jobs;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

/**
 * Which process runs a long job. Several instances of a service share one database, so a starting instance may fail only
 * the jobs whose process is gone: those of an earlier process of the same instance ({@code chorus.instance}: one process
 * at a time each), and those whose runner stopped beating for {@link #ABANDONED_AFTER} (an instance that never came back).
 */
public final class JobRunners {

    private static final Logger LOG = Logger.getLogger(JobRunners.class);

    public static final Duration HEARTBEAT = Duration.ofSeconds(10);
    public static final Duration ABANDONED_AFTER = Duration.ofSeconds(60);

    private static final String INSTANCE = ConfigProvider.getConfig().getOptionalValue("chorus.instance", String.class).orElse("1");
    private static final String ID = INSTANCE + "/" + UUID.randomUUID();

    private JobRunners() {
    }

    /** This process: its instance name and a boot id. */
    public static String id() {
        return ID;
    }

    /** The runner ids of this instance's processes all start with this. */
    public static String instancePrefix() {
        return INSTANCE + "/";
    }

    /** A runner that has not beaten since then is gone. */
    public static Instant abandonedBefore() {
        return Instant.now().minus(ABANDONED_AFTER);
    }

    /** Runs {@code beat} now and every {@link #HEARTBEAT}: it marks this process's jobs alive and fails abandoned ones. */
    public static ScheduledExecutorService heartbeat(String name, Runnable beat) {
        return every(name, HEARTBEAT, beat);
    }

    /** Runs {@code task} now and then every {@code interval} on a daemon thread of its own; a failed run is logged and retried. */
    public static ScheduledExecutorService every(String name, Duration interval, Runnable task) {
        return every(name, Duration.ZERO, interval, task);
    }

    /** Runs {@code task} after {@code firstDelay} and then every {@code interval}, as {@link #every(String, Duration, Runnable)}. */
    public static ScheduledExecutorService every(String name, Duration firstDelay, Duration interval, Runnable task) {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, name);
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(() -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.warnf("%s failed and is retried: %s", name, e.toString());
            }
        }, firstDelay.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
        return executor;
    }
}
