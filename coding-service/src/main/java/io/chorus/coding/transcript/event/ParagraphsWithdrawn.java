package io.chorus.coding.transcript.event;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/** What coding-service reads of io.chorus.transcript.paragraphs-withdrawn.v1 (a tolerant reader). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ParagraphsWithdrawn(String transcriptId, String participant, List<Integer> paragraphs, String mode) {

    public boolean removed() {
        return "removed".equals(mode);
    }

    public static final String TYPE = "io.chorus.transcript.paragraphs-withdrawn.v1";
    public static final String REDACTED = "[withdrawn]";
}
