package io.chorus.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** docker-compose.yml cannot run here, so it is held to the embedded stack: same ports, realm, topics, env names. */
class ComposeConsistencyTest {

    static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    final JsonNode compose = read();

    static JsonNode read() {
        try {
            return new ObjectMapper(new YAMLFactory()).readTree(ROOT.resolve("docker-compose.yml").toFile());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    JsonNode service(String name) {
        JsonNode service = compose.path("services").path(name);
        assertTrue(service.isObject(), "docker-compose.yml has no service " + name);
        return service;
    }

    static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }

    void assertPublishes(String service, int port) {
        assertTrue(texts(service(service).path("ports")).contains(port + ":" + port), service + " publishes " + port);
    }

    @Test
    void studioListensWhereTheEmbeddedPlatformPutsItAndIsToldWhereEachServiceIs() {
        assertPublishes(PlatformSettings.STUDIO, PlatformSettings.STUDIO_DEFAULT_PORT);
        JsonNode environment = service(PlatformSettings.STUDIO).path("environment");
        assertEquals(String.valueOf(PlatformSettings.STUDIO_DEFAULT_PORT), environment.path(ServiceSpec.HTTP_PORT).asText());
        for (ServiceSpec spec : ServiceSpec.ALL) {
            String variable = "CHORUS_STUDIO_" + spec.name().replace("-service", "").toUpperCase(java.util.Locale.ROOT) + "_URL";
            assertEquals("http://localhost:" + spec.defaultPort(), environment.path(variable).asText(), variable);
        }
        assertTrue(Files.isRegularFile(ROOT.resolve("studio/src/main/docker/Dockerfile.jvm")));
    }

    @Test
    void everyServiceHasTheEmbeddedPortEnvironmentAndADockerfile() {
        for (ServiceSpec spec : ServiceSpec.ALL) {
            JsonNode service = service(spec.name());
            assertPublishes(spec.name(), spec.defaultPort());
            JsonNode environment = service.path("environment");
            for (String variable : spec.environment()) {
                assertTrue(environment.has(variable), spec.name() + " sets " + variable);
            }
            assertEquals(String.valueOf(spec.defaultPort()), environment.path(ServiceSpec.HTTP_PORT).asText());
            assertTrue(environment.path(ServiceSpec.OIDC_URL).asText().endsWith("/realms/chorus"));
            if (spec.database() != null) {
                assertTrue(environment.path(ServiceSpec.JDBC_URL).asText().endsWith("/" + spec.database()));
                assertEquals(ServiceSpec.DB_USERNAME, environment.path(ServiceSpec.DB_USER).asText());
                assertEquals(ServiceSpec.DB_PASSWORD_VALUE, environment.path(ServiceSpec.DB_PASSWORD).asText());
            }
            Path dockerfile = ROOT.resolve(service.path("build").path("context").asText())
                    .resolve(service.path("build").path("dockerfile").asText()).normalize();
            assertTrue(Files.exists(dockerfile), dockerfile + " exists");
            assertTrue(dockerfile.startsWith(ROOT.resolve(spec.name())), "the Dockerfile lives in the module");
        }
    }

    @Test
    void infrastructureUsesTheEmbeddedPortsRealmTopicsAndDatabases() throws IOException {
        var ports = PlatformSettings.DEFAULT_PORTS;
        assertPublishes("postgres", ports.get(PlatformSettings.POSTGRES));
        assertPublishes("mongo", ports.get(PlatformSettings.MONGO));
        assertPublishes("kafka", ports.get(PlatformSettings.KAFKA));
        assertPublishes("keycloak", ports.get(PlatformSettings.KEYCLOAK));

        JsonNode keycloak = service("keycloak");
        assertTrue(keycloak.path("image").asText().endsWith(":" + Versions.keycloak()), "same Keycloak version");
        assertTrue(texts(keycloak.path("command")).contains("--import-realm"));
        String realmDir = Path.of(KeycloakComponent.REALM_FILE).getParent().toString();
        assertTrue(texts(keycloak.path("volumes")).stream().anyMatch(v -> v.startsWith("./" + realmDir + ":/opt/keycloak/data/import")),
                "the realm imported is " + KeycloakComponent.REALM_FILE);

        String topicCommand = String.join(" ", texts(service("kafka-topics").path("command")));
        for (String topic : ServiceSpec.TOPICS) {
            assertTrue(topicCommand.matches(".*for topic in [^;]*\\b" + java.util.regex.Pattern.quote(topic) + "\\b.*"),
                    "topic " + topic + " is created");
        }
        assertTrue(topicCommand.contains("--partitions 3"), "three partitions, as embedded");
        assertTrue(topicCommand.contains("--topic " + ServiceSpec.KEY_TOPIC + " --partitions 1"), "the key topic, as embedded");
        ServiceSpec.KEY_TOPIC_CONFIG.forEach((name, value) ->
                assertTrue(topicCommand.contains("--config " + name + "=" + value), "key topic " + name + ", as embedded"));

        String init = Files.readString(ROOT.resolve("deploy/compose/postgres-init.sql"));
        assertTrue(init.contains("create role " + ServiceSpec.DB_USERNAME + " login password '" + ServiceSpec.DB_PASSWORD_VALUE + "'"));
        for (ServiceSpec spec : ServiceSpec.ALL) {
            if (spec.database() != null) {
                assertTrue(init.contains("create database " + spec.database()), spec.database() + " is created");
            }
        }
    }

    @Test
    void theServicesConfigurationReadsTheSameTopic() throws IOException {
        for (String module : List.of("transcript-service", "coding-service", "reporting-service")) {
            String properties = Files.readString(ROOT.resolve(module).resolve("src/main/resources/application.properties"));
            assertTrue(properties.contains(".topic=" + ServiceSpec.TOPICS.get(0)), module + " uses " + ServiceSpec.TOPICS.get(0));
        }
    }
}
