package io.chorus.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Keycloak from its distribution zip on Maven Central, started in dev mode with the chorus realm
 * (identity/realm/chorus-realm.json) imported on first start.
 */
final class KeycloakComponent extends ChildProcessComponent {

    public static final String REALM_FILE = "identity/realm/chorus-realm.json";

    KeycloakComponent(PlatformSettings settings) {
        super(PlatformSettings.KEYCLOAK, settings);
    }

    @Override
    public void start() throws Exception {
        Path home = settings.keycloakHome();
        if (!Files.exists(home.resolve("bin/kc.sh"))) {
            unpack(Versions.keycloakDistribution(), home);
        }
        Path imports = home.resolve("data/import");
        Files.createDirectories(imports);
        // the realm admits Studio at its default address; a platform on other ports (the tests') admits Studio's own
        String realm = Files.readString(settings.repositoryRoot().resolve(REALM_FILE))
                .replace("\"http://localhost:" + PlatformSettings.STUDIO_DEFAULT_PORT + "/*\"", "\"" + settings.studioUrl() + "/*\"");
        Files.writeString(imports.resolve("chorus-realm.json"), realm);
        process.start(List.of(home.resolve("bin/kc.sh").toString(), "start-dev",
                        "--http-host=127.0.0.1",
                        "--http-port=" + settings.port(PlatformSettings.KEYCLOAK),
                        "--http-management-port=" + settings.port(PlatformSettings.KEYCLOAK_MANAGEMENT),
                        "--import-realm"),
                Map.of("JAVA_HOME", System.getProperty("java.home"),
                        "KC_BOOTSTRAP_ADMIN_USERNAME", "admin",
                        "KC_BOOTSTRAP_ADMIN_PASSWORD", "admin",
                        "JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m"),
                home);
        process.awaitReady(() -> Http.status(settings.realmUrl() + "/.well-known/openid-configuration") == 200,
                Duration.ofSeconds(240));
    }

    /** Unpacks the distribution, dropping its top-level folder. */
    static void unpack(Path zip, Path home) throws IOException {
        Path staging = home.resolveSibling(home.getFileName() + ".unpacking");
        deleteRecursively(staging);
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                String name = entry.getName();
                int slash = name.indexOf('/');
                if (slash < 0 || slash == name.length() - 1) {
                    continue;
                }
                Path target = staging.resolve(name.substring(slash + 1)).normalize();
                if (!target.startsWith(staging)) {
                    throw new IOException("zip entry outside the target folder: " + name);
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    copy(in, target);
                    if (name.endsWith(".sh")) {
                        target.toFile().setExecutable(true);
                    }
                }
            }
        }
        deleteRecursively(home);
        Files.move(staging, home);
    }

    private static void copy(InputStream in, Path target) throws IOException {
        Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
    }

    static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (var walk = Files.walk(path)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
