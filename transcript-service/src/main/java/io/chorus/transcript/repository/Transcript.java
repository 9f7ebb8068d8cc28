package io.chorus.transcript.repository;

import java.time.Instant;
import java.util.List;

public record Transcript(String id, String site, String externalId, String language, String title,
        Status status, int version, List<Paragraph> paragraphs, Instant createdAt, Instant updatedAt) {

    public enum Status {
        UPLOADED, RELEASED;

        public String wireName() {
            return name().toLowerCase();
        }
    }

    public record Paragraph(int n, String speaker, String text) {
    }

    public boolean sameContent(String language, String title, List<Paragraph> paragraphs) {
        return this.language.equals(language) && java.util.Objects.equals(this.title, title)
                && this.paragraphs.equals(paragraphs);
    }
}
