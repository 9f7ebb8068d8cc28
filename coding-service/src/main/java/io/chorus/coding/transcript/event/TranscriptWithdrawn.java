package io.chorus.coding.transcript.event;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** What coding-service reads of io.chorus.transcript.withdrawn.v1 (a tolerant reader). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TranscriptWithdrawn(String transcriptId, String site) {

    public static final String TYPE = "io.chorus.transcript.withdrawn.v1";
}
