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

        /** The same, its texts opened (see io.chorus.common.crypto.EventKeys#open). */
        public Paragraph opened(java.util.function.UnaryOperator<String> open) {
            return new Paragraph(n, label, speaker, open.apply(text), open.apply(english));
        }
    }

    /** The same, its sealed texts opened. */
    public TranscriptReleased opened(java.util.function.UnaryOperator<String> open) {
        return new TranscriptReleased(transcriptId, site, language, version, releasedAt,
                paragraphs == null ? null : paragraphs.stream().map(p -> p.opened(open)).toList(), session);
    }
}
