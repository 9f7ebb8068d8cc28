package io.chorus.transcript.transcript.service;

import io.chorus.transcript.participant.service.ParticipantService;

import io.chorus.common.event.EventEnvelope;
import io.chorus.common.problem.Problem;
import io.chorus.common.problem.ProblemException;
import io.chorus.transcript.config.TranscriptConfig;
import io.chorus.transcript.event.TranscriptEvents;
import io.chorus.transcript.transcript.repository.Transcript;
import io.chorus.transcript.transcript.repository.Transcript.Status;
import io.chorus.transcript.transcript.repository.TranscriptRepository;
import io.chorus.transcript.transcript.rest.TranscriptPush;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Push, pseudonymisation at ingest, and the check / translate / review / release workflow. */
@ApplicationScoped
public class TranscriptService {

    public record PushResult(Transcript transcript, boolean created) {
    }

    @Inject
    TranscriptRepository repository;

    @Inject
    io.chorus.common.http.IdempotencyStore idempotency;

    @Inject
    io.chorus.transcript.participant.repository.ParticipantRepository participants;

    @Inject
    io.chorus.transcript.session.repository.SessionRepository sessions;

    @Inject
    io.chorus.transcript.transcript.repository.TranscriptVersions versions;

    @Inject
    TranscriptConfig config;

    @Inject
    TranscriptEvents events;


    /** Idempotent upsert by (site, external id): a repeated push returns the stored transcript unchanged. */
    public PushResult push(String site, TranscriptPush push, String by) {
        return push(site, push, by, true);
    }

    /**
     * The same; with {@code mayReplace} false a transcript that exists with other content is left as it is and the push
     * refused (409), as a project import does: it never changes what exists.
     */
    public PushResult push(String site, TranscriptPush push, String by, boolean mayReplace) {
        Transcript pushed = preview(site, push, by);
        List<Transcript.Paragraph> paragraphs = pushed.paragraphs();
        String title = pushed.title();
        for (int attempt = 0; attempt < 3; attempt++) {
            var existing = repository.findBySiteAndExternalId(site, push.externalId());
            if (existing.isEmpty()) {
                Transcript created = Transcript.uploaded(UUID.randomUUID().toString(), site, push.externalId(), push.session(), push.language(),
                        title, paragraphs, by, now());
                requireRoomFor(created);
                if (repository.insert(created, List.of(events.statusChanged(created, null, by)))) {
                    return new PushResult(created, true);
                }
                continue;
            }
            Transcript current = existing.get();
            if (current.sameContent(push.session(), push.language(), title, paragraphs)) {
                return new PushResult(current, false);
            }
            if (!mayReplace) {
                throw ProblemException.conflict("Transcript '" + push.externalId() + "' exists at the site with other content, and is "
                        + "left as it is");
            }
            if (current.status() == Status.RELEASED) {
                throw ProblemException.conflict("Transcript '" + push.externalId() + "' is released; it changes only as a new version");
            }
            if (current.status() == Status.WITHDRAWN) {
                throw ProblemException.conflict("Transcript '" + push.externalId() + "' was withdrawn; push it under a new external id");
            }
            Transcript replaced = current.withContent(push.session(), push.language(), title, paragraphs)
                    .moveTo(Status.UPLOADED, by, now(), "content replaced; the workflow starts again");
            requireRoomFor(replaced);
            if (repository.update(replaced, current.version(), List.of(events.statusChanged(replaced, current.status(), by)))) {
                return new PushResult(replaced, false);
            }
        }
        throw ProblemException.conflict("Transcript '" + push.externalId() + "' is being changed concurrently; retry");
    }

    /** The transcript a push would make (numbered, pseudonymised), after the push's checks; nothing is stored. */
    public Transcript preview(String site, TranscriptPush push, String by) {
        List<TranscriptPush.ParagraphPush> turns = turns(push);
        if (push.session() != null && sessions.find(site, push.session()).isEmpty()) {
            throw ProblemException.invalid("/session", "No session '" + push.session() + "' is recorded for site " + site);
        }
        List<Transcript.Paragraph> paragraphs = numbered(push, turns, participants.withdrawnNumbers(site));
        // the title goes into the released event too, so identifiers are replaced in it as in the text
        String title = push.title() == null ? null : Pseudonymiser.apply(push.title(), push.identifiersOrEmpty());
        Transcript previewed = Transcript.uploaded("preview", site, push.externalId(), push.session(), push.language(), title,
                paragraphs, by, now());
        requireRoomFor(previewed);
        return previewed;
    }

    public Transcript get(String site, String id) {
        return repository.findById(id).filter(t -> t.site().equals(site))
                .orElseThrow(() -> ProblemException.notFound("Transcript '" + id + "'"));
    }

    /** The site confirms the verbatim text against the recording. An English original needs no translation. */
    public Transcript backCheck(String site, String id, String by) {
        Transcript current = get(site, id);
        requireStatus(current, Status.UPLOADED);
        Transcript checked = current.moveTo(Status.BACK_CHECKED, by, now(), null);
        List<EventEnvelope> emitted = new ArrayList<>(List.of(events.statusChanged(checked, current.status(), by)));
        if (current.isEnglishOriginal()) {
            Transcript translated = checked.withTranslation(
                            checked.paragraphs().stream().map(p -> p.withEnglish(p.text())).toList(), by)
                    .moveTo(Status.TRANSLATED, by, checked.updatedAt(), "the original is English");
            emitted.add(events.statusChanged(translated, Status.BACK_CHECKED, by));
            return save(current, translated, emitted);
        }
        return save(current, checked, emitted);
    }

    /** A translation replaces any earlier one, paragraph by paragraph; earlier reviews no longer count. */
    public Transcript translate(String site, String id, List<TranslatedParagraph> translation, String by) {
        Transcript current = get(site, id);
        requireStatus(current, Status.BACK_CHECKED, Status.TRANSLATED, Status.REVIEWED);
        List<Transcript.Paragraph> aligned = align(current, translation);
        Transcript translated = current.withTranslation(aligned, by).moveTo(Status.TRANSLATED, by, now(), null);
        return save(current, translated, List.of(events.statusChanged(translated, current.status(), by)));
    }

    public record TranslatedParagraph(int n, String english) {
    }

    /** The second review by a second person other than the translator makes the transcript reviewed. */
    public Transcript review(String site, String id, String by) {
        Transcript current = get(site, id);
        requireStatus(current, Status.TRANSLATED);
        if (by.equals(current.translatedBy())) {
            throw ProblemException.forbidden("A translator cannot review their own translation");
        }
        if (current.reviewers().contains(by)) {
            throw ProblemException.conflict("You have reviewed this translation already; a second reviewer is needed");
        }
        Transcript reviewed = current.withReviewer(by);
        if (reviewed.reviewers().size() < 2) {
            return save(current, reviewed.touched(now()), List.of());
        }
        Transcript done = reviewed.moveTo(Status.REVIEWED, by, now(), null);
        return save(current, done, List.of(events.statusChanged(done, current.status(), by)));
    }

    public Transcript raiseQuery(String site, String id, int paragraph, String question, String by) {
        Transcript current = get(site, id);
        requireStatus(current, Status.UPLOADED, Status.BACK_CHECKED, Status.TRANSLATED, Status.REVIEWED);
        if (current.paragraph(paragraph).isEmpty()) {
            throw ProblemException.invalid("/paragraph", "The transcript has no paragraph " + paragraph);
        }
        List<Transcript.SiteCheckQuery> queries = new ArrayList<>(current.queries());
        queries.add(new Transcript.SiteCheckQuery(UUID.randomUUID().toString(), paragraph, question, by, now(), null, null, null));
        return save(current, current.withQueries(queries).touched(now()), List.of());
    }

    public Transcript answerQuery(String site, String id, String queryId, String answer, String by) {
        Transcript current = get(site, id);
        List<Transcript.SiteCheckQuery> queries = new ArrayList<>();
        boolean found = false;
        for (Transcript.SiteCheckQuery query : current.queries()) {
            if (query.id().equals(queryId)) {
                found = true;
                if (!query.open()) {
                    throw ProblemException.conflict("This site-check query has been answered already");
                }
                query = new Transcript.SiteCheckQuery(query.id(), query.paragraph(), query.question(), query.raisedBy(),
                        query.raisedAt(), answer, by, now());
            }
            queries.add(query);
        }
        if (!found) {
            throw ProblemException.notFound("Site-check query '" + queryId + "'");
        }
        return save(current, current.withQueries(queries).touched(now()), List.of());
    }

    public Transcript release(String site, String id, String by) {
        Transcript current = get(site, id);
        if (current.status() == Status.RELEASED) {
            return current;
        }
        requireStatus(current, Status.REVIEWED);
        if (current.hasOpenQueries()) {
            throw ProblemException.conflict("Open site-check queries block the release; the site must answer them first");
        }
        Transcript released = current.moveTo(Status.RELEASED, by, now(), null);
        return save(current, released, List.of(events.statusChanged(released, current.status(), by), events.released(released, by)));
    }

    /** Takes a whole transcript out of the study: its words are dropped here and every service purges its copy. */
    @Inject
    io.chorus.transcript.erasure.DataKeyStore dataKeys;

    public Transcript withdraw(String site, String id, String reason, String by) {
        Transcript current = get(site, id);
        if (current.status() == Status.WITHDRAWN) {
            dataKeys.destroyTranscript(id); // finishes a withdrawal interrupted before its keys were destroyed
            return current;
        }
        Transcript withdrawn = current.tombstone(by, now(), reason);
        versions.deleteAll(id);
        Transcript saved = save(current, withdrawn, List.of(events.withdrawn(withdrawn, reason)));
        // after the status says withdrawn, so that a key made meanwhile is destroyed too (see EventText)
        dataKeys.destroyTranscript(id);
        idempotency.redact(id);
        return saved;
    }

    public record RevisedParagraph(int n, String text, String english) {
    }

    /**
     * A released transcript changes only as a new version: the released paragraphs are kept, the
     * changed ones are replaced (same numbering), and coding-service receives the changes.
     */
    public Transcript revise(String site, String id, List<RevisedParagraph> changes, String reason, String by) {
        Transcript current = get(site, id);
        requireStatus(current, Status.RELEASED);
        List<Transcript.Paragraph> paragraphs = new ArrayList<>(current.paragraphs());
        List<Transcript.Paragraph> changed = new ArrayList<>();
        List<Problem.FieldError> errors = new ArrayList<>();
        for (int i = 0; i < changes.size(); i++) {
            RevisedParagraph change = changes.get(i);
            var found = current.paragraph(change.n());
            if (found.isEmpty()) {
                errors.add(new Problem.FieldError("/paragraphs/" + i + "/n", "no paragraph " + change.n()));
                continue;
            }
            Transcript.Paragraph before = found.get();
            Transcript.Paragraph after = new Transcript.Paragraph(before.n(), before.speaker(),
                    change.text() == null ? before.text() : change.text().strip(),
                    change.english() == null ? before.english() : change.english().strip());
            if (!after.equals(before)) {
                paragraphs.set(paragraphs.indexOf(before), after);
                changed.add(after);
            }
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(422, "Unprocessable Content", "Some revised paragraphs do not exist", errors);
        }
        if (changed.isEmpty()) {
            return current;
        }
        versions.keep(current);
        Transcript revised = new Transcript(current.id(), site, current.externalId(), current.session(), current.language(),
                current.title(), current.status(), current.version(), paragraphs, current.translatedBy(), current.reviewers(),
                current.queries(), current.history(), current.createdAt(), current.updatedAt())
                .moveTo(Status.RELEASED, by, now(), "revised: " + reason);
        return save(current, revised, List.of(events.revised(revised, current.version(), reason, changed)));
    }

    /** A transcript is one MongoDB document; its text must leave it under MongoDB's 16 MiB. */
    private void requireRoomFor(Transcript t) {
        long bytes = t.textBytes();
        if (bytes > config.maxTextBytes()) {
            throw new ProblemException(413, "Content Too Large", "The transcript's text and English translation together would take "
                    + bytes + " bytes (UTF-8); one transcript holds at most " + config.maxTextBytes(),
                    List.of(new Problem.FieldError("/paragraphs", "the transcript's text is too large; split it into several transcripts")));
        }
    }

    private Transcript save(Transcript current, Transcript next, List<EventEnvelope> emitted) {
        requireRoomFor(next);
        if (!repository.update(next, current.version(), emitted)) {
            throw ProblemException.conflict("Transcript '" + current.id() + "' was changed concurrently; reload and retry");
        }
        return next;
    }

    private static void requireStatus(Transcript t, Status... allowed) {
        for (Status status : allowed) {
            if (t.status() == status) {
                return;
            }
        }
        throw ProblemException.conflict("Transcript is " + t.status().wireName() + "; this step needs it to be "
                + String.join(" or ", java.util.Arrays.stream(allowed).map(Status::wireName).toList()));
    }

    private List<Transcript.Paragraph> align(Transcript t, List<TranslatedParagraph> translation) {
        java.util.Map<Integer, String> english = new java.util.HashMap<>();
        List<Problem.FieldError> errors = new ArrayList<>();
        for (int i = 0; i < translation.size(); i++) {
            TranslatedParagraph p = translation.get(i);
            if (t.paragraph(p.n()).isEmpty()) {
                errors.add(new Problem.FieldError("/paragraphs/" + i + "/n", "no paragraph " + p.n() + " in the original"));
            } else if (english.containsKey(p.n())) {
                errors.add(new Problem.FieldError("/paragraphs/" + i + "/n", "paragraph " + p.n() + " is translated twice"));
            } else if (p.english().length() > config.maxParagraphLength()) {
                errors.add(new Problem.FieldError("/paragraphs/" + i + "/english", "longer than " + config.maxParagraphLength() + " characters"));
            } else {
                english.put(p.n(), p.english().strip());
            }
        }
        for (Transcript.Paragraph p : t.paragraphs()) {
            if (errors.isEmpty() && !english.containsKey(p.n())) {
                errors.add(new Problem.FieldError("/paragraphs", "paragraph " + p.n() + " has no translation"));
            }
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(422, "Unprocessable Content",
                    "The translation must give exactly one English text for each original paragraph", errors);
        }
        List<Transcript.Paragraph> aligned = new ArrayList<>();
        for (Transcript.Paragraph p : t.paragraphs()) {
            aligned.add(p.withEnglish(english.get(p.n())));
        }
        return aligned;
    }

    /** Numbers the turns, replaces identifiers, and keeps nothing of participants who withdrew consent. */
    /** The turns of a push: its paragraphs, or those read from the text or .docx document it carries (never both). */
    private static List<TranscriptPush.ParagraphPush> turns(TranscriptPush push) {
        if (push.document() != null && push.paragraphs() != null) {
            throw ProblemException.invalid("/document", "Send either paragraphs or a document, not both");
        }
        if (push.document() == null) {
            if (push.paragraphs() == null || push.paragraphs().isEmpty()) {
                throw ProblemException.invalid("/paragraphs", "A transcript needs paragraphs (or a document)");
            }
            return push.paragraphs();
        }
        byte[] content;
        try {
            content = java.util.Base64.getDecoder().decode(push.document().content());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("/document/content", "The document content must be base64");
        }
        return TurnParser.parse(push.document().format().equals("docx")
                ? UploadedDocument.docxLines(content) : UploadedDocument.textLines(content));
    }

    private List<Transcript.Paragraph> numbered(TranscriptPush push, List<TranscriptPush.ParagraphPush> turns,
            java.util.Set<String> withdrawn) {
        if (turns.size() > config.maxParagraphs()) {
            throw new ProblemException(413, "Content Too Large",
                    "A transcript may have at most " + config.maxParagraphs() + " paragraphs",
                    List.of(new Problem.FieldError("/paragraphs", "too many paragraphs")));
        }
        List<Transcript.Paragraph> paragraphs = new ArrayList<>();
        for (int i = 0; i < turns.size(); i++) {
            var paragraph = turns.get(i);
            if (paragraph.text().length() > config.maxParagraphLength()) {
                throw ProblemException.invalid("/paragraphs/" + i + "/text",
                        "A paragraph may have at most " + config.maxParagraphLength() + " characters");
            }
            String speaker = paragraph.speaker().strip();
            String text = withdrawn.contains(speaker) ? ParticipantService.WITHDRAWN_TEXT
                    : Pseudonymiser.apply(paragraph.text().strip(), push.identifiersOrEmpty());
            paragraphs.add(new Transcript.Paragraph(i + 1, speaker, text, null));
        }
        return paragraphs;
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}
