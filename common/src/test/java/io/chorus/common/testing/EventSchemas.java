package io.chorus.common.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Loads a producer's event JSON Schema (draft 2020-12) from the repository for contract tests. */
public final class EventSchemas {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final JsonNode schemaNode;
    private final JsonSchema schema;

    private EventSchemas(JsonNode schemaNode) {
        this.schemaNode = schemaNode;
        this.schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schemaNode);
    }

    /** @param relativeToRepositoryRoot e.g. transcript-service/src/main/resources/META-INF/resources/events/transcript-released.schema.json */
    public static EventSchemas load(String relativeToRepositoryRoot) {
        Path file = repositoryRoot().resolve(relativeToRepositoryRoot);
        try {
            return new EventSchemas(MAPPER.readTree(Files.readString(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Set<String> violations(String json) {
        try {
            return schema.validate(MAPPER.readTree(json)).stream()
                    .map(ValidationMessage::getMessage).collect(Collectors.toCollection(java.util.TreeSet::new));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The schema's own examples, serialised: what the producer promises a consumer can receive. */
    public List<String> examples() {
        List<String> examples = new ArrayList<>();
        schemaNode.path("examples").forEach(example -> examples.add(example.toString()));
        return examples;
    }

    /**
     * The producer's examples, each checked against the schema, read into a consumer's view the way
     * the consumer reads payloads (unknown fields ignored by the view's own annotation).
     */
    public <T> List<T> examplesAs(Class<T> view) {
        ObjectMapper reader = new ObjectMapper().findAndRegisterModules();
        List<T> parsed = new ArrayList<>();
        if (examples().isEmpty()) {
            throw new AssertionError("the schema has no examples to check a consumer against");
        }
        for (String example : examples()) {
            Set<String> violations = violations(example);
            if (!violations.isEmpty()) {
                throw new AssertionError("example violates its own schema: " + violations);
            }
            try {
                parsed.add(reader.readValue(example, view));
            } catch (IOException e) {
                throw new AssertionError(view.getSimpleName() + " cannot read the producer's example: " + e.getMessage(), e);
            }
        }
        return parsed;
    }

    /** Fields of a consumer's view (a record) that the producer does not promise to send; empty when the contract holds. */
    public Set<String> fieldsNotRequired(Class<? extends Record> view) {
        Set<String> required = new java.util.HashSet<>();
        schemaNode.path("required").forEach(n -> required.add(n.asText()));
        Set<String> missing = new java.util.TreeSet<>();
        for (var component : view.getRecordComponents()) {
            if (!required.contains(component.getName())) {
                missing.add(component.getName());
            }
        }
        return missing;
    }

    public JsonNode node() {
        return schemaNode;
    }

    private static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("mvnw"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("run from inside the Chorus repository");
        }
        return dir;
    }
}
