package io.chorus.common.testing;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.TreeSet;

/**
 * The OpenAPI document a service serves must equal the contract committed under src/main/openapi/openapi.json,
 * so that every change to the API is a visible change to the contract. After an intended change, rewrite the
 * file with {@code ./mvnw -pl <service> verify -Dtest=ContractTest -Dchorus.contract.write=true} and commit it.
 */
public final class ContractDrift {

    public static final Path COMMITTED = Path.of("src/main/openapi/openapi.json");
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ContractDrift() {
    }

    public static JsonNode served() throws IOException {
        return JSON.readTree(given().accept("application/json").get("/q/openapi?format=json").then().statusCode(200)
                .extract().asString());
    }

    public static void assertServedEqualsCommitted() throws IOException {
        JsonNode served = served();
        if (Boolean.getBoolean("chorus.contract.write")) {
            Files.createDirectories(COMMITTED.getParent());
            Files.writeString(COMMITTED, JSON.writeValueAsString(served) + "\n");
        }
        assertTrue(Files.exists(COMMITTED), "No committed contract at " + COMMITTED.toAbsolutePath());
        JsonNode committed = JSON.readTree(COMMITTED.toFile());
        List<String> differences = new ArrayList<>();
        differences(committed, served, "", differences);
        assertEquals(List.of(), differences.subList(0, Math.min(30, differences.size())),
                "The served OpenAPI differs from " + COMMITTED + " (" + differences.size() + " differences). If the change is "
                        + "intended, rewrite the contract with -Dtest=ContractTest -Dchorus.contract.write=true and commit it.");
    }

    private static void differences(JsonNode committed, JsonNode served, String pointer, List<String> out) {
        if (committed.isObject() && served.isObject()) {
            TreeSet<String> names = new TreeSet<>();
            committed.fieldNames().forEachRemaining(names::add);
            served.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                String at = pointer + "/" + name.replace("~", "~0").replace("/", "~1");
                if (!committed.has(name)) {
                    out.add("added " + at);
                } else if (!served.has(name)) {
                    out.add("removed " + at);
                } else {
                    differences(committed.get(name), served.get(name), at, out);
                }
            }
        } else if (committed.isArray() && served.isArray() && committed.size() == served.size()) {
            Iterator<JsonNode> a = committed.elements();
            Iterator<JsonNode> b = served.elements();
            for (int i = 0; a.hasNext(); i++) {
                differences(a.next(), b.next(), pointer + "/" + i, out);
            }
        } else if (!committed.equals(served)) {
            out.add("changed " + pointer + ": " + abbreviated(committed) + " -> " + abbreviated(served));
        }
    }

    private static String abbreviated(JsonNode node) {
        String text = node.toString();
        return text.length() > 120 ? text.substring(0, 120) + "..." : text;
    }
}
