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
            java.util.Optional<Path> built = builtHome(home);
            if (built.isPresent()) {
                copyBuilt(built.get(), home);
            } else {
                unpack(Versions.keycloakDistribution(), home);
            }
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
        Files.writeString(home.resolve(BUILT_MARKER), Versions.keycloak());
    }

    /** Written into a home once Keycloak has started there in dev mode, its server built for it. */
    static final String BUILT_MARKER = ".chorus-dev-build";

    /**
     * Another home of this Keycloak version where the dev-mode server has been built already: the platform's and the
     * tests'. A fresh home copied from it skips the build that Keycloak's first start-dev runs (about 20 s on 2 cores).
     */
    private java.util.Optional<Path> builtHome(Path home) {
        String version = Versions.keycloak();
        return java.util.stream.Stream.of(settings.repositoryRoot().resolve("deploy/target/keycloak-" + version),
                        settings.repositoryRoot().resolve(".platform/keycloak-" + version))
                .filter(candidate -> !candidate.toAbsolutePath().normalize().equals(home.toAbsolutePath().normalize()))
                .filter(candidate -> {
                    try {
                        return Files.exists(candidate.resolve(BUILT_MARKER))
                                && version.equals(Files.readString(candidate.resolve(BUILT_MARKER)).trim());
                    } catch (IOException unreadable) {
                        return false;
                    }
                })
                .findFirst();
    }

    /** Copies a built home without its data (another platform's database and imports). */
    static void copyBuilt(Path built, Path home) throws IOException {
        Path staging = home.resolveSibling(home.getFileName() + ".copying");
        deleteRecursively(staging);
        Path data = built.resolve("data");
        try (var walk = Files.walk(built)) {
            for (Path source : walk.filter(p -> !p.startsWith(data) && !p.getFileName().toString().equals(BUILT_MARKER)).toList()) {
                Path target = staging.resolve(built.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
        deleteRecursively(home);
        Files.move(staging, home);
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
