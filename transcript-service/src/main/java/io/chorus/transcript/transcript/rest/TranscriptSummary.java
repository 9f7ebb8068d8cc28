package io.chorus.transcript.transcript.rest;

import io.chorus.transcript.transcript.repository.Transcript;
import java.time.Instant;

public record TranscriptSummary(String id, String site, String externalId, String language, String status,
        int version, int paragraphCount, Instant updatedAt) {

    public static TranscriptSummary of(Transcript t) {
        return new TranscriptSummary(t.id(), t.site(), t.externalId(), t.language(), t.status().wireName(),
                t.version(), t.paragraphs().size(), t.updatedAt());
    }
}
