package io.chorus.reporting.event.consumed;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/** What reporting reads of io.chorus.transcript.paragraphs-withdrawn.v1: those words must not be quoted again. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ParagraphsWithdrawn(String transcriptId, List<Integer> paragraphs, String mode) {

    public static final String TYPE = "io.chorus.transcript.paragraphs-withdrawn.v1";
}
