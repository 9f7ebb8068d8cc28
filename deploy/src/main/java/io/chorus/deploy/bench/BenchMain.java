package io.chorus.deploy.bench;

import io.chorus.deploy.ChorusClient;
import io.chorus.deploy.Platform;
import io.chorus.deploy.PlatformSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code ./platform bench [--quick] [--only P3,P4]}: every benchmark in one run on one embedded platform, one table of
 * percentiles, ratios and goals, and {@code target/bench/results.json}.
 */
public final class BenchMain {

    interface Phase {
        void run(BenchContext context, BenchResults results) throws Exception;
    }

    static final Map<String, Phase> PHASES = new LinkedHashMap<>();

    static {
        PHASES.put("P6", StartupBenchmark::run);
        PHASES.put("P1", PushBenchmark::run);
        PHASES.put("P2", LatencyBenchmark::run);
        PHASES.put("P3", ReportBenchmark::run);
        PHASES.put("P4", CodingBenchmark::runAgreement);
        PHASES.put("P5", CodingBenchmark::runListing);
        PHASES.put("P7", RefiBenchmark::run);
        PHASES.put("P8", ScalingBenchmark::run);
        PHASES.put("S1", StudioPhase::run);
    }

    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        List<String> arguments = Arrays.asList(args);
        boolean quick = arguments.contains("--quick");
        Set<String> only = arguments.stream().filter(a -> a.startsWith("--only=")).flatMap(a -> Arrays.stream(a.substring(7).split(",")))
                .map(String::trim).collect(Collectors.toSet());
        Path root = Path.of(System.getProperty("chorus.root", ".")).toAbsolutePath().normalize();
        Path state = Files.createTempDirectory("chorus-bench");
        BenchResults results = new BenchResults(quick);
        long begin = System.nanoTime();
        try (Platform platform = new Platform(PlatformSettings.withFreePorts(root, state, keycloakHome(root)),
                line -> System.out.println("[bench platform] " + line))) {
            platform.start();
            BenchContext context = new BenchContext(platform, new ChorusClient(platform.settings()), quick);
            for (Map.Entry<String, Phase> phase : PHASES.entrySet()) {
                if (only.isEmpty() || only.contains(phase.getKey())) {
                    System.out.printf("%n== %s ==%n", phase.getKey());
                    phase.getValue().run(context, results);
                }
            }
        }
        if (Boolean.getBoolean("chorus.profile")) {
            System.out.println("the services' flight recordings are in " + state.resolve("logs"));
        } else {
            deleteRecursively(state);
        }
        results.print(System.out);
        Path written = results.write(root.resolve("target/bench/results.json"));
        System.out.printf("%nwrote %s; the whole run took %.1f min%n", root.relativize(written), (System.nanoTime() - begin) / 6e10);
    }

    /**
     * The Keycloak installation the benchmarks share, without the data of an earlier run: its realm was imported with that
     * run's free ports, and Studio's sign-in would be refused with them.
     */
    public static Path keycloakHome(Path root) throws java.io.IOException {
        Path home = root.resolve("deploy/target/keycloak-bench");
        deleteRecursively(home.resolve("data"));
        return home;
    }

    /** The run's platform state (about 2 GB after a full run) goes with the run. */
    static void deleteRecursively(Path directory) throws java.io.IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (java.util.stream.Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
