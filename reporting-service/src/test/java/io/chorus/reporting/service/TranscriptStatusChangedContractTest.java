package io.chorus.reporting.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.chorus.common.event.EventEnvelope;
import io.chorus.common.event.EventPayloads;
import io.chorus.common.testing.EventSchemas;
import io.chorus.reporting.event.consumed.TranscriptStatusChanged;
import io.chorus.reporting.repository.TranscriptStageRow;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The producer's schema is the contract: every status it may send is a stage reporting knows. */
class TranscriptStatusChangedContractTest {

    final EventSchemas schema = EventSchemas.load("transcript-service/src/main/resources/META-INF/resources/events/transcript-status-changed.schema.json");

    @Test
    void everyExampleParsesAndEveryStatusIsAKnownStage() {
        assertFalse(schema.examples().isEmpty());
        for (String example : schema.examples()) {
            assertEquals(Set.of(), schema.violations(example));
            TranscriptStatusChanged parsed = EventPayloads.read(new ObjectMapper(),
                    new EventEnvelope("e", TranscriptStatusChanged.TYPE, "transcript", "t", Instant.now(), example),
                    TranscriptStatusChanged.class);
            assertTrue(TranscriptStageRow.STAGES.contains(parsed.status()));
        }
        schema.node().path("properties").path("status").path("enum")
                .forEach(status -> assertTrue(TranscriptStageRow.STAGES.contains(status.asText()), status.asText()));
    }

    @Test
    void everyFieldReportingReadsIsRequiredByTheProducer() {
        // session is optional on purpose: a transcript that records no session is counted in progress, but in no study's
        assertEquals(Set.of("session"), schema.fieldsNotRequired(TranscriptStatusChanged.class));
    }
}
