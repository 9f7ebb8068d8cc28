package io.chorus.coding.transcript.event;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/** What coding-service reads of io.chorus.transcript.revised.v1 (a tolerant reader). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TranscriptRevised(String transcriptId, int version, List<TranscriptReleased.Paragraph> changed) {

    public static final String TYPE = "io.chorus.transcript.revised.v1";

    public TranscriptRevised opened(java.util.function.UnaryOperator<String> open) {
        return new TranscriptRevised(transcriptId, version, changed == null ? null : changed.stream().map(p -> p.opened(open)).toList());
    }
}
