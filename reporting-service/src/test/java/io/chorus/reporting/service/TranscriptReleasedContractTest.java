package io.chorus.reporting.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.chorus.common.event.EventEnvelope;
import io.chorus.common.testing.EventSchemas;
import io.chorus.reporting.event.consumed.TranscriptReleased;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The producer's schema is the contract: everything it allows must parse, everything we need it must require. */
class TranscriptReleasedContractTest {

    final EventSchemas schema = EventSchemas.load("transcript-service/src/main/resources/META-INF/resources/events/transcript-released.schema.json");

    @Test
    void everyExampleTheProducerPromisesParsesIntoWhatReportingNeeds() {
        ProgressReadModel readModel = new ProgressReadModel();
        readModel.json = new ObjectMapper().registerModule(new JavaTimeModule());
        assertFalse(schema.examples().isEmpty());
        for (String example : schema.examples()) {
            assertEquals(Set.of(), schema.violations(example));
            TranscriptReleased parsed = readModel.parse(new EventEnvelope("e", TranscriptReleased.TYPE, "transcript", "t", java.time.Instant.now(), example));
            assertNotNull(parsed.site());
            assertNotNull(parsed.releasedAt());
            assertTrue(parsed.version() >= 1);
        }
    }

    @Test
    void everyFieldReportingReadsIsRequiredByTheProducer() {
        // session is optional: without it a transcript counts in no study or phase, with the band of its release date
        assertEquals(Set.of("session"), schema.fieldsNotRequired(TranscriptReleased.class));
    }
}
