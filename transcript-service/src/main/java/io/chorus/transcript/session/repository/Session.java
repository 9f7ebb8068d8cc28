package io.chorus.transcript.session.repository;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A focus group or interview of a site, with its field notes; identified by the site's own external id. */
public record Session(String site, String externalId, String study, String phase, String kind, LocalDate date,
        Integer durationMinutes, String venue, String language, String moderator, String assistant, String participantGroup,
        String topicGuideVersion, List<String> participants, String fieldNotes, int version, Instant createdAt,
        Instant updatedAt) {

    public static String id(String site, String externalId) {
        return site + ":" + externalId;
    }

    public Session stamped(int newVersion, Instant created, Instant updated) {
        return new Session(site, externalId, study, phase, kind, date, durationMinutes, venue, language, moderator, assistant,
                participantGroup, topicGuideVersion, participants, fieldNotes, newVersion, created, updated);
    }

    /** The session for readers outside its site (consortium admins): field notes stay with the site. */
    public Session withoutFieldNotes() {
        return new Session(site, externalId, study, phase, kind, date, durationMinutes, venue, language, moderator, assistant,
                participantGroup, topicGuideVersion, participants, null, version, createdAt, updatedAt);
    }

    public boolean sameData(Session other) {
        return stamped(0, null, null).equals(other.stamped(0, null, null));
    }
}
