package io.chorus.common.testing;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;

/**
 * A producer's AsyncAPI document (src/main/resources/META-INF/resources/asyncapi.json) is what it serves at
 * /asyncapi.json, names every event type the producer publishes, and each payload schema it references is served
 * next to it with the {@code $id} of that URL.
 */
public final class AsyncApiContract {

    static final Path COMMITTED = Path.of("src/main/resources/META-INF/resources/asyncapi.json");
    private static final ObjectMapper JSON = new ObjectMapper();

    private AsyncApiContract() {
    }

    /** @param publishers classes whose {@code public static final String} constants "io.chorus..." are event types */
    public static void assertServedAndComplete(String publicBaseUrl, Class<?>... publishers) throws Exception {
        JsonNode served = JSON.readTree(given().get("/asyncapi.json").then().statusCode(200).extract().asString());
        assertEquals(JSON.readTree(Files.readString(COMMITTED)), served, "/asyncapi.json is the committed document");
        assertEquals("3.0.0", served.path("asyncapi").asText());
        Set<String> declared = new TreeSet<>();
        served.path("components").path("messages").forEach(message -> {
            declared.add(message.path("name").asText());
            String ref = message.path("payload").path("schema").path("$ref").asText();
            JsonNode schema = schema(ref);
            assertEquals(URI.create(publicBaseUrl + "/").resolve(ref).toString(), schema.path("$id").asText(),
                    ref + ": its $id is where it is served");
            assertTrue(schema.path("title").asText().contains(message.path("name").asText()), ref + " describes " + message);
        });
        assertEquals(eventTypes(publishers), declared, "every event type the service publishes, and only those");
    }

    private static JsonNode schema(String ref) {
        try {
            return JSON.readTree(given().get("/" + ref).then().statusCode(200).extract().asString());
        } catch (IOException e) {
            throw new AssertionError(ref + " is not JSON", e);
        }
    }

    static Set<String> eventTypes(Class<?>... publishers) throws IllegalAccessException {
        Set<String> types = new TreeSet<>();
        for (Class<?> publisher : publishers) {
            for (Field field : publisher.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers()) && Modifier.isPublic(field.getModifiers())
                        && field.getType() == String.class && field.get(null) instanceof String value && value.startsWith("io.chorus.")) {
                    types.add(value);
                }
            }
        }
        return types;
    }
}
