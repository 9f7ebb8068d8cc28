package io.chorus.deploy.chaos;

import io.chorus.deploy.Platform;
import io.chorus.deploy.PlatformSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * {@code ./platform chaos [writes]}: on its own embedded platform, kills each component in turn during a mixed load
 * (PostgreSQL and Kafka for 2 minutes, the others for 20 s), restarts it, and reconciles. {@code writes} is about how many
 * writes the load makes per outage (default 40). Exits 1 if anything was lost, duplicated or does not reconcile.
 */
public final class ChaosMain {

    private ChaosMain() {
    }

    public static void main(String[] args) throws Exception {
        int writes = args.length > 0 ? Integer.parseInt(args[0]) : 40;
        Path root = Path.of(System.getProperty("chorus.root", ".")).toAbsolutePath().normalize();
        Path state = Files.createTempDirectory("chorus-chaos");
        ChaosRun.Result result;
        try (Platform platform = new Platform(PlatformSettings.withFreePorts(root, state, io.chorus.deploy.bench.BenchMain.keycloakHome(root)),
                line -> System.out.println("[chaos platform] " + line))) {
            platform.start();
            result = new ChaosRun(platform, new ChaosRun.Settings(Duration.ofSeconds(20), Duration.ofSeconds(120), writes,
                    Duration.ofMillis(500)),
                    line -> System.out.println("[chaos] " + line)).run();
        }
        System.out.println(ChaosRun.table(result));
        System.exit(result.reconciled() ? 0 : 1);
    }
}
