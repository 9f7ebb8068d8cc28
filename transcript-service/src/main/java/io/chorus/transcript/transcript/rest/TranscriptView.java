package io.chorus.transcript.transcript.rest;

import io.chorus.transcript.event.TranscriptEvents;
import io.chorus.transcript.transcript.repository.Transcript;
import java.time.Instant;
import java.util.List;

public record TranscriptView(String id, String site, String externalId, String session, String language, String title,
        String status, int version, Instant createdAt, Instant updatedAt, List<ParagraphView> paragraphs,
        String translatedBy, List<String> reviewers, List<Transcript.SiteCheckQuery> queries,
        List<Transcript.Transition> history) {

    public record ParagraphView(int n, String label, String speaker, String text, String english) {
    }

    /** For readers outside the site: English text only, no site-check correspondence. */
    public static TranscriptView englishOnly(Transcript t) {
        TranscriptView full = of(t);
        return new TranscriptView(full.id, full.site, full.externalId, full.session, full.language, full.title, full.status, full.version,
                full.createdAt, full.updatedAt,
                full.paragraphs.stream().map(p -> new ParagraphView(p.n(), p.label(), p.speaker(), null, p.english())).toList(),
                full.translatedBy, full.reviewers, List.of(), full.history);
    }

    public static TranscriptView of(Transcript t) {
        return new TranscriptView(t.id(), t.site(), t.externalId(), t.session(), t.language(), t.title(), t.status().wireName(),
                t.version(), t.createdAt(), t.updatedAt(),
                t.paragraphs().stream()
                        .map(p -> new ParagraphView(p.n(), TranscriptEvents.label(t, p.n()), p.speaker(), p.text(), p.english()))
                        .toList(),
                t.translatedBy(), t.reviewers(), t.queries(), t.history());
    }
}
