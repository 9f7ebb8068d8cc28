package io.chorus.deploy.bench;

import io.chorus.deploy.Platform;
import java.util.List;
import java.util.Map;

/**
 * P6: how fast each service is ready and how much memory it holds idle. The platform starts the four services at once
 * (so on a small machine they share the cores); each is then stopped cleanly and started alone, which is the time a
 * restarted or added replica takes, and once more after a kill -9.
 */
final class StartupBenchmark {

    static final List<String> SERVICES = List.of("transcript-service", "coding-service", "reporting-service", "identity");

    private StartupBenchmark() {
    }

    static void run(BenchContext context, BenchResults results) throws Exception {
        Platform platform = context.platform();
        Map<String, Double> together = platform.startSeconds();
        Thread.sleep(5_000);
        Map<String, Long> rss = platform.residentMemoryMiB();
        for (String service : SERVICES) {
            results.value("P6", "P6." + service + ".ready-together", service + ": ready, all four starting at once", "s",
                    together.get(service), null, null);
            results.value("P6", "P6." + service + ".rss-idle", service + ": resident memory, idle", "MiB", rss.get(service),
                    "< 300 MiB", rss.get(service) < 300);
        }
        for (String service : SERVICES) {
            // a clean stop leaves the class-data archive (see ServiceComponent) that the next start maps
            platform.stop(service);
            platform.restart(service);
            double alone = platform.startSeconds().get(service);
            results.value("P6", "P6." + service + ".ready-alone", service + ": ready, started alone after a clean stop", "s", alone,
                    "< 4 s", alone < 4);
            platform.crash(service);
            platform.restart(service);
            double crashed = platform.startSeconds().get(service);
            results.value("P6", "P6." + service + ".ready-after-kill", service + ": ready, started alone after kill -9", "s", crashed,
                    null, null);
        }
    }
}
