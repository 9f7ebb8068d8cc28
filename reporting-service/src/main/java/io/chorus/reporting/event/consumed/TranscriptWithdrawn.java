package io.chorus.reporting.event.consumed;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** What reporting-service reads of io.chorus.transcript.withdrawn.v1 (a tolerant reader). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TranscriptWithdrawn(String transcriptId, String site) {

    public static final String TYPE = "io.chorus.transcript.withdrawn.v1";
}
