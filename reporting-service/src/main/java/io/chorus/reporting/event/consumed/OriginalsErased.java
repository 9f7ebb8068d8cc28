package io.chorus.reporting.event.consumed;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** What reporting-service reads of io.chorus.transcript.originals-erased.v1 (a tolerant reader): a study's retention ended. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record OriginalsErased(String transcriptId, String site) {

    public static final String TYPE = "io.chorus.transcript.originals-erased.v1";
}
