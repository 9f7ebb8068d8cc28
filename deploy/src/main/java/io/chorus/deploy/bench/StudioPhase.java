package io.chorus.deploy.bench;

import java.lang.reflect.InvocationTargetException;

/**
 * S1 of {@code ./platform bench}: Chorus Studio in Chromium. The benchmark drives a real browser with Playwright, which the
 * platform's own classpath does not carry: the platform script adds the browser build when Chromium is installed, and
 * otherwise this phase says so and is skipped.
 */
final class StudioPhase {

    static final String BENCHMARK = "io.chorus.deploy.StudioBenchmark";

    private StudioPhase() {
    }

    static void run(BenchContext context, BenchResults results) throws Exception {
        Class<?> benchmark;
        try {
            benchmark = Class.forName(BENCHMARK);
        } catch (ClassNotFoundException e) {
            results.skipped("S1", "Studio's benchmark needs Chromium (apt-get install chromium, or set CHROMIUM) and the browser "
                    + "build, which ./platform bench adds when Chromium is there");
            return;
        }
        try {
            benchmark.getMethod("run", BenchContext.class, BenchResults.class).invoke(null, context, results);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }
}
