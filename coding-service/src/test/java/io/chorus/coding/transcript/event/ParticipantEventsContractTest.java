package io.chorus.coding.transcript.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.chorus.common.testing.EventSchemas;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** coding-service keeps participants' questionnaires for export cases; who they are must be promised, the answers may be missing. */
class ParticipantEventsContractTest {

    static final String EVENTS = "transcript-service/src/main/resources/META-INF/resources/events/";

    @Test
    void theProducersExamplesReadAndOnlyTheQuestionnaireIsOptional() {
        EventSchemas recorded = EventSchemas.load(EVENTS + "participant.schema.json");
        assertFalse(recorded.examplesAs(ParticipantRecorded.class).isEmpty());
        for (ParticipantRecorded participant : recorded.examplesAs(ParticipantRecorded.class)) {
            assertNotNull(participant.site());
            assertNotNull(participant.participant());
        }
        assertEquals(Set.of("gender", "age", "role", "professionalBackground", "yearsOfExperience", "previousPeerSupportExperience"),
                recorded.fieldsNotRequired(ParticipantRecorded.class));
        assertEquals(Set.of(), EventSchemas.load(EVENTS + "participant-withdrawn.schema.json").fieldsNotRequired(ParticipantWithdrawn.class));
    }
}
