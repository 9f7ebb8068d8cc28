package io.chorus.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One embedded platform (real PostgreSQL, Kafka, MongoDB stand-in, Keycloak and the four services)
 * shared by every end-to-end test class of the run, on free ports and in target/, stopped at the end.
 */
public class EmbeddedPlatform implements BeforeAllCallback {

    private static Platform platform;

    @Override
    public void beforeAll(ExtensionContext context) {
        synchronized (EmbeddedPlatform.class) {
            if (platform == null) {
                platform = startFresh();
                context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                        .put(EmbeddedPlatform.class.getName(), (ExtensionContext.Store.CloseableResource) platform::close);
            }
        }
    }

    /** For a benchmark on a platform it started itself: the clients of the tests' helpers then talk to that platform. */
    public static synchronized void adopt(Platform started) {
        if (platform == null) {
            platform = started;
        }
    }

    public static PlatformSettings settings() {
        return platform.settings();
    }

    public static Platform platform() {
        return platform;
    }

    public static ChorusClient client() {
        return new ChorusClient(platform.settings());
    }

    private static Platform startFresh() {
        return startFresh("e2e-state", "keycloak-" + Versions.keycloak(), 1);
    }

    /**
     * A platform of its own with {@code replicas} instances of each service behind their fronts, in its own state and
     * Keycloak folders; the caller closes it.
     */
    public static Platform startReplicated(int replicas) {
        return startFresh("replica-state", "keycloak-replicas", replicas);
    }

    private static Platform startFresh(String stateFolder, String keycloakFolder, int replicas) {
        Path root = Path.of("").toAbsolutePath().getParent();
        Path target = root.resolve("deploy/target");
        Path state = target.resolve(stateFolder);
        Path keycloakHome = target.resolve(keycloakFolder);
        try {
            KeycloakComponent.deleteRecursively(state);
            KeycloakComponent.deleteRecursively(keycloakHome.resolve("data"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Platform started = new Platform(PlatformSettings.withFreePorts(root, state, keycloakHome).withReplicas(replicas, true),
                line -> System.out.println("[e2e platform] " + line));
        started.start();
        System.out.println("[e2e platform] resident memory (MiB): " + started.residentMemoryMiB());
        return started;
    }
}
