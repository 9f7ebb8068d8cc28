package io.chorus.coding.transcript.service;

import io.chorus.coding.transcript.event.TranscriptReleased;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.chorus.common.event.EventEnvelope;
import io.chorus.common.testing.EventSchemas;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The producer's schema is the contract: everything it allows must parse, everything we need it must require. */
class TranscriptReleasedContractTest {

    final EventSchemas schema = EventSchemas.load("transcript-service/src/main/resources/META-INF/resources/events/transcript-released.schema.json");

    @Test
    void everyExampleTheProducerPromisesParsesIntoWhatCodingNeeds() {
        TranscriptCatalog catalog = new TranscriptCatalog();
        catalog.json = new ObjectMapper().registerModule(new JavaTimeModule()).disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        assertFalse(schema.examples().isEmpty());
        for (String example : schema.examples()) {
            assertEquals(Set.of(), schema.violations(example));
            TranscriptReleased parsed = catalog.parse(new EventEnvelope("e", TranscriptReleased.TYPE, "transcript", "t", java.time.Instant.now(), example));
            assertTrue(parsed.version() >= 1);
            assertFalse(parsed.paragraphs().isEmpty());
            parsed.paragraphs().forEach(p -> assertTrue(p.label() != null && p.text() != null && p.speaker() != null && p.english() != null));
        }
    }

    @Test
    void everyFieldCodingReadsIsRequiredByTheProducer() {
        // session is optional on purpose: without it a transcript has no phase codebook and any codebook may be used;
        // title too: without it an export names the transcript by its external id
        assertEquals(Set.of("session", "title"), schema.fieldsNotRequired(TranscriptReleased.class));
        Set<String> paragraphRequired = new HashSet<>();
        schema.node().path("properties").path("paragraphs").path("items").path("required").forEach(n -> paragraphRequired.add(n.asText()));
        for (var component : TranscriptReleased.Paragraph.class.getRecordComponents()) {
            assertTrue(paragraphRequired.contains(component.getName()), "paragraph." + component.getName());
        }
    }
}
