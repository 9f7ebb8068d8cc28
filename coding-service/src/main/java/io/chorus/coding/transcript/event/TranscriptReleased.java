package io.chorus.coding.transcript.event;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.List;

/** What coding-service reads of io.chorus.transcript.released.v1 (a tolerant reader: unknown fields are ignored). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TranscriptReleased(String transcriptId, String site, String externalId, String language, int version,
        Instant releasedAt, List<Paragraph> paragraphs, String session, String title) {

    public static final String TYPE = "io.chorus.transcript.released.v1";

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Paragraph(int n, String label, String speaker, String text, String english) {
    }
}
