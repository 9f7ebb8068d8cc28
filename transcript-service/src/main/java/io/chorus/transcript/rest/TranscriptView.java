package io.chorus.transcript.rest;

import io.chorus.transcript.repository.Transcript;
import java.time.Instant;
import java.util.List;

public record TranscriptView(String id, String site, String externalId, String language, String title,
        String status, int version, Instant createdAt, Instant updatedAt, List<ParagraphView> paragraphs) {

    public record ParagraphView(int n, String label, String speaker, String text) {
    }

    public static TranscriptView of(Transcript t) {
        return new TranscriptView(t.id(), t.site(), t.externalId(), t.language(), t.title(), t.status().wireName(),
                t.version(), t.createdAt(), t.updatedAt(),
                t.paragraphs().stream()
                        .map(p -> new ParagraphView(p.n(), t.site() + " " + p.n(), p.speaker(), p.text()))
                        .toList());
    }
}
