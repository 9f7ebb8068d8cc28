package io.chorus.coding.transcript.event;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/** What coding-service reads of io.chorus.transcript.revised.v1 (a tolerant reader). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TranscriptRevised(String transcriptId, int version, List<TranscriptReleased.Paragraph> changed) {

    public static final String TYPE = "io.chorus.transcript.revised.v1";
}
