package io.chorus.reporting.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.chorus.common.testing.EventSchemas;
import io.chorus.reporting.event.consumed.CodebookPublished;
import io.chorus.reporting.event.consumed.ConstructRated;
import io.chorus.reporting.event.consumed.ParagraphsWithdrawn;
import io.chorus.reporting.event.consumed.ParticipantRecorded;
import io.chorus.reporting.event.consumed.SessionRecorded;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The other events the paper's tables are built from: reporting's views against their producers' schemas. */
class ReportInputsContractTest {

    static EventSchemas transcript(String name) {
        return EventSchemas.load("transcript-service/src/main/resources/META-INF/resources/events/" + name + ".schema.json");
    }

    static EventSchemas coding(String name) {
        return EventSchemas.load("coding-service/src/main/resources/META-INF/resources/events/" + name + ".schema.json");
    }

    @Test
    void sessionRecorded() {
        EventSchemas schema = transcript("session-recorded");
        schema.examplesAs(SessionRecorded.class).forEach(s -> assertNotNull(s.date()));
        // duration and participant group are optional in the producer; the tables show them as unknown
        assertEquals(Set.of("durationMinutes", "participantGroup"), schema.fieldsNotRequired(SessionRecorded.class));
    }

    @Test
    void participantRecorded() {
        EventSchemas schema = transcript("participant");
        schema.examplesAs(ParticipantRecorded.class).forEach(p -> assertNotNull(p.participant()));
        // the questionnaire answers are optional; the tables count missing answers as not stated
        assertEquals(Set.of("gender", "age", "role", "professionalBackground", "previousPeerSupportExperience"),
                schema.fieldsNotRequired(ParticipantRecorded.class));
    }

    @Test
    void paragraphsWithdrawn() {
        EventSchemas schema = transcript("transcript-paragraphs-withdrawn");
        schema.examplesAs(ParagraphsWithdrawn.class).forEach(w -> assertFalse(w.paragraphs().isEmpty()));
        assertEquals(Set.of(), schema.fieldsNotRequired(ParagraphsWithdrawn.class));
    }

    @Test
    void codebookPublished() {
        EventSchemas schema = coding("codebook-published");
        schema.examplesAs(CodebookPublished.class).forEach(c -> assertFalse(c.codes().isEmpty()));
        assertEquals(Set.of(), schema.fieldsNotRequired(CodebookPublished.class));
    }

    @Test
    void agreementMeasured() {
        EventSchemas schema = coding("agreement-measured");
        schema.examplesAs(io.chorus.reporting.event.consumed.AgreementMeasured.class).forEach(a -> assertNotNull(a.transcriptId()));
        assertEquals(Set.of(), schema.fieldsNotRequired(io.chorus.reporting.event.consumed.AgreementMeasured.class));
    }

    @Test
    void siteAnnounced() {
        EventSchemas schema = EventSchemas.load("identity/src/main/resources/META-INF/resources/events/site.schema.json");
        schema.examplesAs(io.chorus.reporting.event.consumed.SiteAnnounced.class).forEach(s -> assertFalse(s.incomeLevels().isEmpty()));
        assertEquals(Set.of(), schema.fieldsNotRequired(io.chorus.reporting.event.consumed.SiteAnnounced.class));
    }

    @Test
    void constructRated() {
        EventSchemas schema = coding("construct-rated");
        schema.examplesAs(ConstructRated.class).forEach(r -> assertNotNull(r.rating()));
        assertEquals(Set.of(), schema.fieldsNotRequired(ConstructRated.class));
    }

    @Test
    void phaseCodebookAssigned() {
        EventSchemas schema = coding("phase-codebook-assigned");
        schema.examplesAs(io.chorus.reporting.event.consumed.PhaseCodebookAssigned.class).forEach(p -> assertNotNull(p.codebookId()));
        assertEquals(Set.of(), schema.fieldsNotRequired(io.chorus.reporting.event.consumed.PhaseCodebookAssigned.class));
    }
}
