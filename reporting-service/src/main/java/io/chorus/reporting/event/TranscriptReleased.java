package io.chorus.reporting.event;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;

/** What reporting-service reads of io.chorus.transcript.released.v1 (a tolerant reader: unknown fields are ignored). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TranscriptReleased(String transcriptId, String site, int version, Instant releasedAt) {

    public static final String TYPE = "io.chorus.transcript.released.v1";
}
