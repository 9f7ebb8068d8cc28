package io.chorus.deploy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** {@code ./platform up [--demo]}: starts everything, prints where it is, stops everything on Ctrl-C. */
public final class PlatformMain {

    private PlatformMain() {
    }

    public static void main(String[] args) throws Exception {
        List<String> arguments = List.of(args);
        int replicas = replicas(arguments);
        if (arguments.isEmpty() || !arguments.get(0).equals("up") || replicas < 1
                || arguments.stream().skip(1).anyMatch(a -> !a.equals("--demo") && !a.startsWith("--replicas="))) {
            System.err.println("usage: ./platform up [--demo] [--replicas=N]");
            System.exit(2);
        }
        Path root = Path.of(System.getProperty("chorus.root", ".")).toAbsolutePath().normalize();
        PlatformSettings settings = PlatformSettings.defaults(root).withReplicas(replicas, false);
        Platform platform = new Platform(settings, line -> System.out.println("[chorus] " + line));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("[chorus] stopping ...");
            platform.close();
            System.out.println("[chorus] stopped; state kept in " + root.relativize(settings.stateDir()));
        }, "chorus-shutdown"));
        try {
            platform.start();
        } catch (RuntimeException e) {
            System.err.println("[chorus] " + e.getMessage());
            System.exit(1);
        }
        ChorusClient client = new ChorusClient(settings);
        if (arguments.contains("--demo")) {
            DemoData.load(client, line -> System.out.println("[chorus] " + line));
        }
        System.out.println(banner(settings));
        if (replicas > 1) {
            System.out.println("[chorus] " + replicas + " instances of each service behind a round-robin front on the ports above; "
                    + "instance ports: " + settings.instances("transcript-service").stream().map(i -> i + "=" + settings.port(i)).toList() + " ...");
        }
        printMemory(platform);
        platform.supervise();
        Thread.currentThread().join();
    }

    /** {@code --replicas=N} (or {@code --replicas N}, joined by the script): N instances of each service; 0 when malformed. */
    static int replicas(List<String> arguments) {
        return arguments.stream().filter(a -> a.startsWith("--replicas=")).findFirst().map(a -> {
            try {
                return Integer.parseInt(a.substring("--replicas=".length()));
            } catch (NumberFormatException e) {
                return 0;
            }
        }).orElse(1);
    }

    private static void printMemory(Platform platform) {
        StringBuilder line = new StringBuilder("[chorus] resident memory (MiB):");
        for (Map.Entry<String, Long> entry : platform.residentMemoryMiB().entrySet()) {
            line.append(' ').append(entry.getKey()).append('=').append(entry.getValue());
        }
        System.out.println(line);
    }

    static String banner(PlatformSettings s) {
        String token = s.realmUrl() + "/protocol/openid-connect/token";
        return """

                Chorus is up. Ctrl-C stops everything.

                  Chorus Studio       %10$s   (sign in as analyst / chorus)
                  transcript-service  %1$s/q/swagger-ui   OpenAPI %1$s/q/openapi
                  coding-service      %2$s/q/swagger-ui   OpenAPI %2$s/q/openapi
                  reporting-service   %3$s/q/swagger-ui   OpenAPI %3$s/q/openapi
                  identity            %4$s/q/swagger-ui   OpenAPI %4$s/q/openapi
                  Keycloak            %5$s/admin  (admin / admin)   realm: chorus
                  Kafka %6$s   PostgreSQL localhost:%7$d   MongoDB localhost:%8$d

                Demo users (password 'chorus'): admin (consortium-admin), analyst, lead-bu, lead-ulm, ... (site-lead of
                their site), researcher-bu (researcher at BU, translator at ULM), translator-bu, translator-a (translation
                team). Roles hold per site: GET /api/me shows them. Partner systems: partner-<site> / partner-<site>-secret.

                Push a transcript as the Butabika partner system:

                  TOKEN=$(curl -s -d grant_type=client_credentials -d client_id=partner-bu -d client_secret=partner-bu-secret \\
                    %9$s | sed 's/.*"access_token":"\\([^"]*\\)".*/\\1/')
                  curl -i -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \\
                    -d '{"externalId":"fgd-1","language":"en","paragraphs":[{"speaker":"M","text":"Welcome."},{"speaker":"P9","text":"They have been there."}]}' \\
                    %1$s/api/sites/BU/transcripts
                """.formatted(s.serviceUrl("transcript-service"), s.serviceUrl("coding-service"), s.serviceUrl("reporting-service"),
                s.serviceUrl("identity"), s.keycloakUrl(), s.kafkaBootstrap(), s.port(PlatformSettings.POSTGRES),
                s.port(PlatformSettings.MONGO), token, s.studioUrl());
    }
}
