package io.chorus.deploy;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PortInUseTest {

    @TempDir
    Path state;

    @Test
    void aTakenPortIsNamedWithItsComponentAndNothingStarts() throws Exception {
        try (ServerSocket squatter = new ServerSocket(0)) {
            PlatformSettings free = PlatformSettings.withFreePorts(Path.of("").toAbsolutePath().getParent(), state, state.resolve("kc"));
            Map<String, Integer> ports = new HashMap<>(free.ports());
            ports.put(PlatformSettings.KEYCLOAK, squatter.getLocalPort());
            Platform platform = new Platform(new PlatformSettings(free.repositoryRoot(), state, state.resolve("kc"), ports), line -> { });
            IllegalStateException refused = assertThrows(IllegalStateException.class, platform::start);
            assertTrue(refused.getMessage().contains("port " + squatter.getLocalPort() + " (keycloak) is already in use"),
                    refused.getMessage());
            assertFalse(state.resolve("postgres").toFile().exists(), "nothing was started");
        }
    }
}
