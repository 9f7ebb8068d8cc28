package io.chorus.reporting.event.consumed;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** What reporting reads of io.chorus.coding.passage-coded.v1. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PassageCoded(String codingId, String transcriptId, String site, String codeId, String coder, String roundId,
        int firstParagraph, int lastParagraph, String valence, long revision) {

    public static final String TYPE = "io.chorus.coding.passage-coded.v1";
}
