package io.chorus.coding.transcript.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.chorus.common.testing.EventSchemas;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** coding-service learns a transcript's study and phase from session-recorded; the producer must promise them. */
class SessionRecordedContractTest {

    static final EventSchemas SCHEMA = EventSchemas.load("transcript-service/src/main/resources/META-INF/resources/events/session-recorded.schema.json");

    @Test
    void theProducersExamplesReadAndEveryFieldIsRequired() {
        for (SessionRecorded session : SCHEMA.examplesAs(SessionRecorded.class)) {
            assertNotNull(session.study());
            assertNotNull(session.phase());
        }
        assertEquals(Set.of(), SCHEMA.fieldsNotRequired(SessionRecorded.class));
    }
}
