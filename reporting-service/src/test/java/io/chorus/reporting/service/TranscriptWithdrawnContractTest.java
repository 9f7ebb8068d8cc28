package io.chorus.reporting.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.chorus.common.testing.EventSchemas;
import io.chorus.reporting.event.consumed.TranscriptWithdrawn;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TranscriptWithdrawnContractTest {

    final EventSchemas schema = EventSchemas.load("transcript-service/src/main/resources/META-INF/resources/events/transcript-withdrawn.schema.json");

    @Test
    void everyExampleNamesTheTranscriptToPurge() {
        schema.examplesAs(TranscriptWithdrawn.class).forEach(withdrawn -> assertNotNull(withdrawn.transcriptId()));
        assertEquals(Set.of(), schema.fieldsNotRequired(TranscriptWithdrawn.class));
    }
}
