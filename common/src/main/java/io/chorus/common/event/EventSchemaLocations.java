package io.chorus.common.event;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Where the JSON Schema of each event type is served: read from the producer's AsyncAPI document
 * (META-INF/resources/asyncapi.json, served at /asyncapi.json next to /events/*.schema.json), resolved against
 * {@code chorus.events.schema-base-url}. It becomes the {@code ce_dataschema} of every event.
 */
public final class EventSchemaLocations {

    static final String DOCUMENT = "META-INF/resources/asyncapi.json";
    private static volatile Map<String, URI> byType;

    private EventSchemaLocations() {
    }

    public static Optional<URI> of(String eventType) {
        if (byType == null) {
            byType = load();
        }
        return Optional.ofNullable(byType.get(eventType));
    }

    private static Map<String, URI> load() {
        Map<String, URI> locations = new HashMap<>();
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(DOCUMENT)) {
            if (in == null) {
                return locations;
            }
            String base = ConfigProvider.getConfig().getOptionalValue("chorus.events.schema-base-url", String.class)
                    .orElse("http://localhost:8080");
            URI root = URI.create(base.endsWith("/") ? base : base + "/");
            JsonNode messages = new ObjectMapper().readTree(in).path("components").path("messages");
            messages.forEach(message -> locations.put(message.path("name").asText(),
                    root.resolve(message.path("payload").path("schema").path("$ref").asText())));
            return locations;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + DOCUMENT, e);
        }
    }
}
