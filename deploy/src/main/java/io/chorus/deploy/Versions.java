package io.chorus.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Properties;

/** Build facts written by Maven into chorus-deploy.properties (versions, where the Keycloak zip is). */
final class Versions {

    private static final Properties PROPERTIES = load();

    private Versions() {
    }

    static String keycloak() {
        return PROPERTIES.getProperty("keycloak.version");
    }

    static String kafka() {
        return PROPERTIES.getProperty("kafka.version");
    }

    static Path keycloakDistribution() {
        return Path.of(PROPERTIES.getProperty("keycloak.distribution"));
    }

    private static Properties load() {
        try (InputStream in = Versions.class.getResourceAsStream("/chorus-deploy.properties")) {
            Properties properties = new Properties();
            properties.load(in);
            return properties;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
