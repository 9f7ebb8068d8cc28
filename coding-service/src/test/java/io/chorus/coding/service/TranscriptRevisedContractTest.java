package io.chorus.coding.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.chorus.coding.event.TranscriptRevised;
import io.chorus.common.event.EventEnvelope;
import io.chorus.common.event.EventPayloads;
import io.chorus.common.testing.EventSchemas;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TranscriptRevisedContractTest {

    final EventSchemas schema = EventSchemas.load("transcript-service/src/main/resources/events/transcript-revised.schema.json");

    @Test
    void everyExampleParsesIntoChangedParagraphs() {
        assertFalse(schema.examples().isEmpty());
        for (String example : schema.examples()) {
            assertEquals(Set.of(), schema.violations(example));
            TranscriptRevised parsed = EventPayloads.read(new ObjectMapper(),
                    new EventEnvelope("e", TranscriptRevised.TYPE, "transcript", "t", Instant.now(), example), TranscriptRevised.class);
            assertFalse(parsed.changed().isEmpty());
            parsed.changed().forEach(p -> assertTrue(p.n() >= 1 && p.text() != null));
        }
    }

    @Test
    void everyFieldCodingReadsIsRequiredByTheProducer() {
        assertEquals(Set.of(), schema.fieldsNotRequired(TranscriptRevised.class));
    }
}
