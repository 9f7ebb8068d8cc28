package io.chorus.deploy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One Chorus service, run from its Quarkus build output, ready when /q/health/ready says so. */
final class ServiceComponent extends ChildProcessComponent {

    /** Which instance of its service a process is (1, 2, ...): its Kafka static member ids and its jobs' runner name. */
    static final String INSTANCE = "CHORUS_INSTANCE";
    private static final Map<String, Object> TRAINING = new java.util.concurrent.ConcurrentHashMap<>();

    private final ServiceSpec spec;
    private final int port;
    private final Map<String, String> environment;

    /** Instance {@code instance} of the service, named {@code name}, listening on {@code port}. */
    ServiceComponent(ServiceSpec spec, String name, int instance, int port, PlatformSettings settings, PostgresComponent postgres,
            MongoComponent mongo) {
        super(name, settings);
        this.spec = spec;
        this.port = port;
        Map<String, String> env = new LinkedHashMap<>();
        env.put(INSTANCE, String.valueOf(instance));
        // the browser origins the services answer: the documented development ones and Studio's, wherever it listens
        env.put("QUARKUS_HTTP_CORS_ORIGINS", "http://localhost:3000,http://localhost:5173," + settings.studioUrl());
        for (String variable : spec.environment()) {
            env.put(variable, switch (variable) {
                case ServiceSpec.HTTP_PORT -> String.valueOf(port);
                case ServiceSpec.OIDC_URL -> settings.realmUrl();
                case ServiceSpec.KEYCLOAK_ADMIN_URL -> settings.keycloakUrl();
                case ServiceSpec.KAFKA -> settings.kafkaBootstrap();
                case ServiceSpec.MONGO -> mongo.connectionString();
                case ServiceSpec.JDBC_URL -> postgres.jdbcUrl(spec.database());
                case ServiceSpec.DB_USER -> ServiceSpec.DB_USERNAME;
                case ServiceSpec.DB_PASSWORD -> ServiceSpec.DB_PASSWORD_VALUE;
                case ServiceSpec.EVENTS_MASTER_KEY -> settings.eventsMasterKey();
                default -> throw new IllegalArgumentException("no value for " + variable);
            });
        }
        this.environment = Map.copyOf(env);
    }

    /**
     * Application class-data sharing: before a build's first start, a training run archives the classes the service loads
     * up to Quarkus's static init ({@code quarkus.appcds.generate}, what Quarkus's own AppCDS packaging does, about 15 s);
     * every start after that maps them instead of loading them. Without an archive the service starts as before.
     */
    private List<String> classDataSharing() throws InterruptedException {
        synchronized (TRAINING.computeIfAbsent(spec.name(), n -> new Object())) { // replicas of a service train once
            return classDataSharingOnce();
        }
    }

    private List<String> classDataSharingOnce() throws InterruptedException {
        Path archive = runnerJar().resolveSibling("chorus-app-cds.jsa");
        try {
            if (!current(archive)) {
                Path partial = runnerJar().resolveSibling("chorus-app-cds-" + ProcessHandle.current().pid() + ".jsa");
                Files.deleteIfExists(partial);
                Files.createDirectories(log().getParent());
                Process training = new ProcessBuilder(ChildProcess.java(), "-Xmx256m", "-XX:+UseSerialGC",
                        "-XX:ArchiveClassesAtExit=" + partial, "-Xlog:cds=off", "-Xlog:cds+dynamic=off", "-Dquarkus.appcds.generate=true",
                        "-jar", runnerJar().toString())
                        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log().toFile())).start();
                if (!training.waitFor(180, java.util.concurrent.TimeUnit.SECONDS)) {
                    training.destroyForcibly();
                }
                if (Files.isRegularFile(partial) && Files.size(partial) > 0) {
                    Files.move(partial, archive, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                            java.nio.file.StandardCopyOption.ATOMIC_MOVE);
                }
                Files.deleteIfExists(partial);
            }
            return current(archive) ? List.of("-XX:SharedArchiveFile=" + archive) : List.of();
        } catch (java.io.IOException e) {
            return List.of();
        }
    }

    private boolean current(Path archive) throws java.io.IOException {
        return Files.isRegularFile(archive)
                && Files.getLastModifiedTime(archive).compareTo(Files.getLastModifiedTime(runnerJar())) > 0;
    }

    int port() {
        return port;
    }

    ServiceSpec spec() {
        return spec;
    }

    Path runnerJar() {
        return settings.repositoryRoot().resolve(spec.name()).resolve("target/quarkus-app/quarkus-run.jar");
    }

    @Override
    public void start() throws Exception {
        if (!Files.exists(runnerJar())) {
            throw new IllegalStateException(runnerJar() + " is missing: build with ./mvnw -B package -DskipTests");
        }
        List<String> command = new java.util.ArrayList<>(List.of(ChildProcess.java(), "-Xmx256m", "-XX:+UseSerialGC"));
        command.addAll(classDataSharing());
        if (Boolean.getBoolean("chorus.profile")) {
            // -Dchorus.profile=true: a Java Flight Recording of each service, written to its log directory on stop
            command.add("-XX:StartFlightRecording=settings=profile,dumponexit=true,filename="
                    + log().resolveSibling(name() + ".jfr"));
        }
        command.addAll(List.of("-jar", runnerJar().toString()));
        process.start(command, environment, settings.stateDir());
        process.awaitReady(() -> Http.status("http://localhost:" + port + "/q/health/ready") == 200,
                Duration.ofSeconds(120));
    }
}
