package io.chorus.coding.transcript.event;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * What coding-service reads of io.chorus.transcript.session-recorded.v1: which study and phase a session belongs to,
 * and its kind, date and language for the cases of a REFI-QDA export.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SessionRecorded(String site, String externalId, String study, String phase, String kind, java.time.LocalDate date,
        String language) {

    public static final String TYPE = "io.chorus.transcript.session-recorded.v1";
}
