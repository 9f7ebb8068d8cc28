package io.chorus.deploy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One Chorus service, run from its Quarkus build output, ready when /q/health/ready says so. */
final class ServiceComponent extends ChildProcessComponent {

    private final ServiceSpec spec;
    private final Map<String, String> environment;

    ServiceComponent(ServiceSpec spec, PlatformSettings settings, PostgresComponent postgres, MongoComponent mongo) {
        super(spec.name(), settings);
        this.spec = spec;
        Map<String, String> env = new LinkedHashMap<>();
        for (String variable : spec.environment()) {
            env.put(variable, switch (variable) {
                case ServiceSpec.HTTP_PORT -> String.valueOf(settings.port(spec.name()));
                case ServiceSpec.OIDC_URL -> settings.realmUrl();
                case ServiceSpec.KEYCLOAK_ADMIN_URL -> settings.keycloakUrl();
                case ServiceSpec.KAFKA -> settings.kafkaBootstrap();
                case ServiceSpec.MONGO -> mongo.connectionString();
                case ServiceSpec.JDBC_URL -> postgres.jdbcUrl(spec.database());
                case ServiceSpec.DB_USER -> ServiceSpec.DB_USERNAME;
                case ServiceSpec.DB_PASSWORD -> ServiceSpec.DB_PASSWORD_VALUE;
                default -> throw new IllegalArgumentException("no value for " + variable);
            });
        }
        this.environment = Map.copyOf(env);
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
        if (Boolean.getBoolean("chorus.profile")) {
            // -Dchorus.profile=true: a Java Flight Recording of each service, written to its log directory on stop
            command.add("-XX:StartFlightRecording=settings=profile,dumponexit=true,filename="
                    + log().resolveSibling(spec.name() + ".jfr"));
        }
        command.addAll(List.of("-jar", runnerJar().toString()));
        process.start(command, environment, settings.stateDir());
        process.awaitReady(() -> Http.status(settings.serviceUrl(spec.name()) + "/q/health/ready") == 200,
                Duration.ofSeconds(120));
    }
}
