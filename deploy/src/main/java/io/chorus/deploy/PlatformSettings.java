package io.chorus.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where the platform keeps its state and which ports it uses. {@link #defaults} are the ports of
 * docker-compose.yml and the README; tests take free ports so they can run beside a running platform.
 */
public record PlatformSettings(Path repositoryRoot, Path stateDir, Path keycloakHome, Map<String, Integer> ports, int replicas) {

    public PlatformSettings(Path repositoryRoot, Path stateDir, Path keycloakHome, Map<String, Integer> ports) {
        this(repositoryRoot, stateDir, keycloakHome, ports, 1);
    }

    public static final String POSTGRES = "postgres";
    public static final String MONGO = "mongo";
    public static final String KAFKA = "kafka";
    public static final String KAFKA_CONTROLLER = "kafka-controller";
    public static final String KEYCLOAK = "keycloak";
    public static final String KEYCLOAK_MANAGEMENT = "keycloak-management";
    /** Chorus Studio, the web client. */
    public static final String STUDIO = "studio";
    public static final int STUDIO_DEFAULT_PORT = 8080;

    public static final Map<String, Integer> DEFAULT_PORTS = defaultPorts();

    private static Map<String, Integer> defaultPorts() {
        Map<String, Integer> ports = new LinkedHashMap<>();
        ports.put(POSTGRES, 5432);
        ports.put(MONGO, 27017);
        ports.put(KAFKA, 9092);
        ports.put(KAFKA_CONTROLLER, 9093);
        ports.put(KEYCLOAK, 8180);
        ports.put(KEYCLOAK_MANAGEMENT, 9000);
        for (ServiceSpec service : ServiceSpec.ALL) {
            ports.put(service.name(), service.defaultPort());
        }
        ports.put(STUDIO, STUDIO_DEFAULT_PORT);
        return java.util.Collections.unmodifiableMap(ports);
    }

    public static PlatformSettings defaults(Path repositoryRoot) {
        Path state = repositoryRoot.resolve(".platform");
        return new PlatformSettings(repositoryRoot, state, state.resolve("keycloak-" + Versions.keycloak()), DEFAULT_PORTS);
    }

    public static PlatformSettings withFreePorts(Path repositoryRoot, Path stateDir, Path keycloakHome) {
        Map<String, Integer> ports = new LinkedHashMap<>();
        java.util.Set<Integer> taken = new java.util.HashSet<>();
        DEFAULT_PORTS.keySet().forEach(name -> ports.put(name, freePort(taken)));
        return new PlatformSettings(repositoryRoot, stateDir, keycloakHome, java.util.Collections.unmodifiableMap(ports));
    }

    /**
     * The same platform with {@code count} instances of each service: instance i of a service listens on its own port
     * (by default the service's port + 100 i), and the service's port is a round-robin front ({@link HttpFront}).
     */
    public PlatformSettings withReplicas(int count, boolean freePorts) {
        if (count < 1) {
            throw new IllegalArgumentException("--replicas needs a number of at least 1");
        }
        Map<String, Integer> all = new LinkedHashMap<>(ports);
        java.util.Set<Integer> taken = new java.util.HashSet<>(ports.values());
        if (count > 1) {
            for (ServiceSpec service : ServiceSpec.ALL) {
                for (int i = 1; i <= count; i++) {
                    all.put(instanceName(service.name(), i, count), freePorts ? freePort(taken) : service.defaultPort() + 100 * i);
                }
            }
        }
        return new PlatformSettings(repositoryRoot, stateDir, keycloakHome, java.util.Collections.unmodifiableMap(all), count);
    }

    /** Instance i (from 1) of a service: the service's own name when it runs once, else e.g. coding-service-2. */
    public static String instanceName(String service, int i, int replicas) {
        return replicas == 1 ? service : service + "-" + i;
    }

    public java.util.List<String> instances(String service) {
        return java.util.stream.IntStream.rangeClosed(1, replicas).mapToObj(i -> instanceName(service, i, replicas)).toList();
    }

    public int port(String component) {
        return ports.get(component);
    }

    public String keycloakUrl() {
        return "http://localhost:" + port(KEYCLOAK);
    }

    public String realmUrl() {
        return keycloakUrl() + "/realms/chorus";
    }

    public String kafkaBootstrap() {
        return "localhost:" + port(KAFKA);
    }

    /** Where clients reach a service (its front when it runs in several instances), or one instance of it by name. */
    public String serviceUrl(String service) {
        return "http://localhost:" + port(service);
    }

    /** Where a browser opens Chorus Studio; its origin is the one the services' CORS and Keycloak's redirect URIs admit. */
    public String studioUrl() {
        return "http://localhost:" + port(STUDIO);
    }

    public Path logDir() {
        return stateDir.resolve("logs");
    }

    /**
     * CHORUS_EVENTS_MASTER_KEY of the embedded platform: the environment's if set, else one made for this state directory
     * on its first start and kept there (owner-only), since the data keys on the key topic stay wrapped with it.
     */
    public synchronized String eventsMasterKey() {
        String configured = System.getenv(ServiceSpec.EVENTS_MASTER_KEY);
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        Path file = stateDir.resolve("events-master-key");
        try {
            if (java.nio.file.Files.exists(file)) {
                return java.nio.file.Files.readString(file).strip();
            }
            byte[] key = new byte[32];
            new java.security.SecureRandom().nextBytes(key);
            String encoded = java.util.Base64.getEncoder().encodeToString(key);
            java.nio.file.Files.createDirectories(stateDir);
            java.nio.file.Files.writeString(file, encoded);
            try {
                java.nio.file.Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // Windows: the state directory's own permissions protect it
            }
            return encoded;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot keep the events master key in " + file, e);
        }
    }

    /**
     * A free port below Linux's ephemeral range (32768 and up): a port the kernel hands out for port 0 is also handed to
     * outgoing connections, and ReplicaIT once lost its front's port to one between choosing it and binding it.
     */
    /**
     * A port that is free now and that no other component of the platform got: two components given one port would have
     * the second find it taken, and its readiness check answered by the first.
     */
    private static int freePort(java.util.Set<Integer> taken) {
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        for (int attempt = 0; attempt < 1000; attempt++) {
            int port = 20000 + random.nextInt(12000);
            if (!taken.contains(port) && bindable(port)) {
                taken.add(port);
                return port;
            }
        }
        throw new UncheckedIOException(new IOException("no free port between 20000 and 32000"));
    }

    private static boolean bindable(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new java.net.InetSocketAddress(port));
            return true;
        } catch (IOException taken) {
            return false;
        }
    }
}
