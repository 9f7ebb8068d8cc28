package io.chorus.coding.exchange.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.chorus.common.testing.EventSchemas;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** coding-service applies an imported project's codes, codings and memos; the producer must promise every field it reads. */
class ProjectImportedContractTest {

    static final EventSchemas SCHEMA = EventSchemas.load(
            "transcript-service/src/main/resources/META-INF/resources/events/project-imported.schema.json");

    @Test
    void theProducersExamplesReadAndEveryFieldIsRequired() {
        for (ProjectImported imported : SCHEMA.examplesAs(ProjectImported.class)) {
            assertFalse(imported.codes().isEmpty());
            assertEquals(imported.codes().get(0).guid(), imported.codings().get(0).codeGuid());
        }
        assertEquals(Set.of(), SCHEMA.fieldsNotRequired(ProjectImported.class));
    }
}
