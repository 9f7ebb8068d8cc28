package io.chorus.deploy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Chorus Studio, run from its Quarkus build output and told where Keycloak and the services are; ready when it serves. */
final class StudioComponent extends ChildProcessComponent {

    StudioComponent(PlatformSettings settings) {
        super(PlatformSettings.STUDIO, settings);
    }

    Path runnerJar() {
        return settings.repositoryRoot().resolve("studio/target/quarkus-app/quarkus-run.jar");
    }

    @Override
    public void start() throws Exception {
        if (!Files.exists(runnerJar())) {
            throw new IllegalStateException(runnerJar() + " is missing: build with ./mvnw -B package -DskipTests");
        }
        Map<String, String> environment = Map.of(
                ServiceSpec.HTTP_PORT, String.valueOf(settings.port(PlatformSettings.STUDIO)),
                "CHORUS_STUDIO_KEYCLOAK_URL", settings.keycloakUrl(),
                "CHORUS_STUDIO_TRANSCRIPT_URL", settings.serviceUrl(ServiceSpec.TRANSCRIPT.name()),
                "CHORUS_STUDIO_CODING_URL", settings.serviceUrl(ServiceSpec.CODING.name()),
                "CHORUS_STUDIO_REPORTING_URL", settings.serviceUrl(ServiceSpec.REPORTING.name()),
                "CHORUS_STUDIO_IDENTITY_URL", settings.serviceUrl(ServiceSpec.IDENTITY.name()));
        process.start(List.of(ChildProcess.java(), "-Xmx64m", "-XX:+UseSerialGC", "-jar", runnerJar().toString()), environment,
                settings.stateDir());
        process.awaitReady(() -> Http.status(settings.studioUrl() + "/q/health/ready") == 200, Duration.ofSeconds(60));
    }
}
