package io.chorus.reporting.event.consumed;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.List;

/** What reporting-service reads of io.chorus.transcript.released.v1 (a tolerant reader: unknown fields are ignored). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TranscriptReleased(String transcriptId, String site, String language, int version, Instant releasedAt,
        List<Paragraph> paragraphs, String session) {

    public static final String TYPE = "io.chorus.transcript.released.v1";

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Paragraph(int n, String label, String speaker, String text, String english) {
    }
}
