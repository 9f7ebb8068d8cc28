package io.chorus.reporting.event.consumed;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/** What reporting reads of io.chorus.coding.consensus-reached.v1: the whole consensus set of a transcript. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ConsensusReached(String transcriptId, String site, String roundId, String decidedBy, List<Decided> codings) {

    public static final String TYPE = "io.chorus.coding.consensus-reached.v1";

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Decided(String codingId, String codeId, int firstParagraph, int lastParagraph, String valence) {
    }
}
