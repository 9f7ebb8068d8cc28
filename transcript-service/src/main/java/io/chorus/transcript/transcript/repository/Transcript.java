package io.chorus.transcript.transcript.repository;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A verbatim transcript with its paragraph-aligned English translation and its workflow:
 * uploaded, back-checked, translated, reviewed (by two reviewers other than the translator), released.
 */
public record Transcript(String id, String site, String externalId, String session, String language, String title,
        Status status, int version, List<Paragraph> paragraphs, String translatedBy, List<String> reviewers,
        List<SiteCheckQuery> queries, List<Transition> history, Instant createdAt, Instant updatedAt) {

    public enum Status {
        UPLOADED, BACK_CHECKED, TRANSLATED, REVIEWED, RELEASED, WITHDRAWN;

        public String wireName() {
            return name().toLowerCase().replace('_', '-');
        }
    }

    /** One numbered paragraph: the speaker's turn in the original language and, once translated, in English. */
    public record Paragraph(int n, String speaker, String text, String english) {

        public Paragraph withEnglish(String translation) {
            return new Paragraph(n, speaker, text, translation);
        }
    }

    /** A reviewer's question to the site about one paragraph; open until the site answers. */
    public record SiteCheckQuery(String id, int paragraph, String question, String raisedBy, Instant raisedAt,
            String answer, String answeredBy, Instant answeredAt) {

        public boolean open() {
            return answer == null;
        }
    }

    public record Transition(String status, String by, Instant at, String note) {
    }

    public static Transcript uploaded(String id, String site, String externalId, String session, String language, String title,
            List<Paragraph> paragraphs, String by, Instant at) {
        return new Transcript(id, site, externalId, session, language, title, Status.UPLOADED, 1, paragraphs, null, List.of(),
                List.of(), List.of(new Transition(Status.UPLOADED.wireName(), by, at, null)), at, at);
    }

    public boolean sameContent(String session, String language, String title, List<Paragraph> paragraphs) {
        return Objects.equals(this.session, session) && this.language.equals(language) && Objects.equals(this.title, title)
                && originals(this.paragraphs).equals(originals(paragraphs));
    }

    private static List<List<String>> originals(List<Paragraph> paragraphs) {
        return paragraphs.stream().map(p -> List.of(String.valueOf(p.n()), p.speaker(), p.text())).toList();
    }

    /** Bytes of original text and English translation together, as UTF-8. */
    public long textBytes() {
        long bytes = 0;
        for (Paragraph p : paragraphs) {
            bytes += utf8Length(p.text()) + utf8Length(p.english());
        }
        return bytes;
    }

    private static long utf8Length(String text) {
        if (text == null) {
            return 0;
        }
        long bytes = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : Character.isHighSurrogate(c) ? 2 : Character.isLowSurrogate(c) ? 2 : 3;
        }
        return bytes;
    }

    /** Paragraph numbers never change; after a withdrawal that removes turns there may be gaps. */
    public java.util.Optional<Paragraph> paragraph(int n) {
        return paragraphs.stream().filter(p -> p.n() == n).findFirst();
    }

    @com.fasterxml.jackson.annotation.JsonIgnore
    public boolean isEnglishOriginal() {
        return io.chorus.common.text.Languages.isEnglish(language);
    }

    public boolean hasOpenQueries() {
        return queries.stream().anyMatch(SiteCheckQuery::open);
    }

    /** The next state: a new version with the given status and a history entry saying who moved it and when. */
    public Transcript moveTo(Status next, String by, Instant at, String note) {
        List<Transition> moved = new ArrayList<>(history);
        moved.add(new Transition(next.wireName(), by, at, note));
        return new Transcript(id, site, externalId, session, language, title, next, version + 1, paragraphs, translatedBy, reviewers,
                queries, List.copyOf(moved), createdAt, at);
    }

    /** The same state as a new version, for changes that do not move the workflow. */
    public Transcript touched(Instant at) {
        return new Transcript(id, site, externalId, session, language, title, status, version + 1, paragraphs, translatedBy, reviewers,
                queries, history, createdAt, at);
    }

    /** The same transcript with its paragraphs changed in place (a redaction, an erasure), reviews and translator kept. */
    public Transcript withParagraphs(List<Paragraph> changed) {
        return new Transcript(id, site, externalId, session, language, title, status, version, List.copyOf(changed), translatedBy,
                reviewers, queries, history, createdAt, updatedAt);
    }

    public Transcript withContent(String session, String language, String title, List<Paragraph> paragraphs) {
        return new Transcript(id, site, externalId, session, language, title, status, version, paragraphs, null, List.of(), queries,
                history, createdAt, updatedAt);
    }

    public Transcript withTranslation(List<Paragraph> translated, String translator) {
        return new Transcript(id, site, externalId, session, language, title, status, version, translated, translator, List.of(),
                queries, history, createdAt, updatedAt);
    }

    public Transcript withReviewer(String reviewer) {
        List<String> all = new ArrayList<>(reviewers);
        all.add(reviewer);
        return new Transcript(id, site, externalId, session, language, title, status, version, paragraphs, translatedBy,
                List.copyOf(all), queries, history, createdAt, updatedAt);
    }

    /** What stays of a withdrawn transcript: who withdrew it, when and why; no words. */
    public Transcript tombstone(String by, Instant at, String reason) {
        return new Transcript(id, site, externalId, session, language, title, status, version, List.of(), null, List.of(),
                List.of(), history, createdAt, updatedAt).moveTo(Status.WITHDRAWN, by, at, reason);
    }

    public Transcript withQueries(List<SiteCheckQuery> changed) {
        return new Transcript(id, site, externalId, session, language, title, status, version, paragraphs, translatedBy,
                reviewers, List.copyOf(changed), history, createdAt, updatedAt);
    }
}
