package io.chorus.coding.transcript.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chorus.common.testing.EventSchemas;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TranscriptRevisedContractTest {

    final EventSchemas schema = EventSchemas.load("transcript-service/src/main/resources/META-INF/resources/events/transcript-revised.schema.json");

    @Test
    void everyExampleParsesIntoChangedParagraphs() {
        for (TranscriptRevised parsed : schema.examplesAs(TranscriptRevised.class)) {
            assertFalse(parsed.changed().isEmpty());
            parsed.changed().forEach(p -> assertTrue(p.n() >= 1 && p.text() != null));
        }
    }

    @Test
    void everyFieldCodingReadsIsRequiredByTheProducer() {
        assertEquals(Set.of(), schema.fieldsNotRequired(TranscriptRevised.class));
    }
}
