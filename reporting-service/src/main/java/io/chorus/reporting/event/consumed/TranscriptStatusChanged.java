package io.chorus.reporting.event.consumed;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** What reporting-service reads of io.chorus.transcript.status-changed.v1 (a tolerant reader). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TranscriptStatusChanged(String transcriptId, String site, String status, int version, String session) {

    public static final String TYPE = "io.chorus.transcript.status-changed.v1";
}
