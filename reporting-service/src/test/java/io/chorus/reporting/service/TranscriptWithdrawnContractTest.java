package io.chorus.reporting.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.chorus.common.event.EventEnvelope;
import io.chorus.common.event.EventPayloads;
import io.chorus.common.testing.EventSchemas;
import io.chorus.reporting.event.TranscriptWithdrawn;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TranscriptWithdrawnContractTest {

    final EventSchemas schema = EventSchemas.load("transcript-service/src/main/resources/events/transcript-withdrawn.schema.json");

    @Test
    void everyExampleNamesTheTranscriptToPurge() {
        assertFalse(schema.examples().isEmpty());
        for (String example : schema.examples()) {
            assertEquals(Set.of(), schema.violations(example));
            assertNotNull(EventPayloads.read(new ObjectMapper(),
                    new EventEnvelope("e", TranscriptWithdrawn.TYPE, "transcript", "t", Instant.now(), example),
                    TranscriptWithdrawn.class).transcriptId());
        }
        assertEquals(Set.of(), schema.fieldsNotRequired(TranscriptWithdrawn.class));
    }
}
