package io.chorus.coding.transcript.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chorus.common.testing.EventSchemas;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ParagraphsWithdrawnContractTest {

    final EventSchemas schema = EventSchemas.load("transcript-service/src/main/resources/META-INF/resources/events/transcript-paragraphs-withdrawn.schema.json");

    @Test
    void everyExampleParsesAndNamesParagraphsToPurge() {
        for (ParagraphsWithdrawn parsed : schema.examplesAs(ParagraphsWithdrawn.class)) {
            assertFalse(parsed.paragraphs().isEmpty());
        }
    }

    @Test
    void everyFieldCodingReadsIsRequiredByTheProducer() {
        assertEquals(Set.of(), schema.fieldsNotRequired(ParagraphsWithdrawn.class));
    }
}
