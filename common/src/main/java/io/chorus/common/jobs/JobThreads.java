package io.chorus.common.jobs;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** Where a service runs its long jobs (imports): one daemon thread, so jobs run one after another and never keep the JVM up. */
public final class JobThreads {

    private JobThreads() {
    }

    public static ExecutorService single(String name) {
        return Executors.newSingleThreadExecutor(r -> {
            Thread thread = new Thread(r, name);
            thread.setDaemon(true);
            return thread;
        });
    }
}
