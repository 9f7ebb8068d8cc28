package io.chorus.reporting.event.consumed;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.LocalDate;
import java.util.List;

/** What reporting reads of io.chorus.transcript.session-recorded.v1. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SessionRecorded(String site, String externalId, String study, String phase, String kind, LocalDate date,
        Integer durationMinutes, String participantGroup, List<String> participants, int version) {

    public static final String TYPE = "io.chorus.transcript.session-recorded.v1";
}
