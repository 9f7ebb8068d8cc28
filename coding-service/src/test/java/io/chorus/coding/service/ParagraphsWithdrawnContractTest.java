package io.chorus.coding.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.chorus.coding.event.ParagraphsWithdrawn;
import io.chorus.common.event.EventEnvelope;
import io.chorus.common.event.EventPayloads;
import io.chorus.common.testing.EventSchemas;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ParagraphsWithdrawnContractTest {

    final EventSchemas schema = EventSchemas.load("transcript-service/src/main/resources/events/transcript-paragraphs-withdrawn.schema.json");

    @Test
    void everyExampleParsesAndNamesParagraphsToPurge() {
        assertFalse(schema.examples().isEmpty());
        for (String example : schema.examples()) {
            assertEquals(Set.of(), schema.violations(example));
            ParagraphsWithdrawn parsed = EventPayloads.read(new ObjectMapper(),
                    new EventEnvelope("e", ParagraphsWithdrawn.TYPE, "transcript", "t", Instant.now(), example), ParagraphsWithdrawn.class);
            assertFalse(parsed.paragraphs().isEmpty());
        }
    }

    @Test
    void everyFieldCodingReadsIsRequiredByTheProducer() {
        assertEquals(Set.of(), schema.fieldsNotRequired(ParagraphsWithdrawn.class));
    }
}
