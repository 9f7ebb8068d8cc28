package io.chorus.transcript.service;

import io.chorus.common.event.EventEnvelope;
import io.chorus.common.problem.ProblemException;
import io.chorus.transcript.config.TranscriptConfig;
import io.chorus.transcript.event.OutboxRelay;
import io.chorus.transcript.event.TranscriptEvents;
import io.chorus.transcript.repository.Transcript;
import io.chorus.transcript.repository.TranscriptRepository;
import io.chorus.transcript.rest.TranscriptPush;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class TranscriptService {

    public record PushResult(Transcript transcript, boolean created) {
    }

    @Inject
    TranscriptRepository repository;

    @Inject
    TranscriptConfig config;

    @Inject
    TranscriptEvents events;

    @Inject
    OutboxRelay relay;

    /** Idempotent upsert by (site, external id): a repeated push returns the stored transcript unchanged. */
    public PushResult push(String site, TranscriptPush push) {
        List<Transcript.Paragraph> paragraphs = numbered(push);
        for (int attempt = 0; attempt < 3; attempt++) {
            var existing = repository.findBySiteAndExternalId(site, push.externalId());
            if (existing.isEmpty()) {
                Instant now = now();
                Transcript created = new Transcript(UUID.randomUUID().toString(), site, push.externalId(), push.language(),
                        push.title(), Transcript.Status.UPLOADED, 1, paragraphs, now, now);
                if (repository.insert(created, List.of())) {
                    return new PushResult(created, true);
                }
                continue;
            }
            Transcript current = existing.get();
            if (current.sameContent(push.language(), push.title(), paragraphs)) {
                return new PushResult(current, false);
            }
            if (current.status() == Transcript.Status.RELEASED) {
                throw ProblemException.conflict("Transcript '" + push.externalId() + "' is released; it changes only as a new version");
            }
            Transcript replaced = new Transcript(current.id(), site, current.externalId(), push.language(), push.title(),
                    current.status(), current.version() + 1, paragraphs, current.createdAt(), now());
            if (repository.update(replaced, current.version(), current.status(), List.of())) {
                return new PushResult(replaced, false);
            }
        }
        throw ProblemException.conflict("Transcript '" + push.externalId() + "' is being changed concurrently; retry");
    }

    public Transcript get(String site, String id) {
        return repository.findById(id).filter(t -> t.site().equals(site))
                .orElseThrow(() -> ProblemException.notFound("Transcript '" + id + "'"));
    }

    public Transcript release(String site, String id, String releasedBy) {
        Transcript current = get(site, id);
        if (current.status() == Transcript.Status.RELEASED) {
            return current;
        }
        Transcript released = new Transcript(current.id(), site, current.externalId(), current.language(), current.title(),
                Transcript.Status.RELEASED, current.version() + 1, current.paragraphs(), current.createdAt(), now());
        EventEnvelope event = events.released(released, releasedBy);
        if (!repository.update(released, current.version(), current.status(), List.of(event))) {
            throw ProblemException.conflict("Transcript '" + id + "' was changed concurrently; retry");
        }
        relay.wakeUp();
        return released;
    }

    private List<Transcript.Paragraph> numbered(TranscriptPush push) {
        if (push.paragraphs().size() > config.maxParagraphs()) {
            throw new ProblemException(413, "Content Too Large",
                    "A transcript may have at most " + config.maxParagraphs() + " paragraphs", List.of(
                            new io.chorus.common.problem.Problem.FieldError("/paragraphs", "too many paragraphs")));
        }
        List<Transcript.Paragraph> paragraphs = new ArrayList<>();
        for (int i = 0; i < push.paragraphs().size(); i++) {
            var paragraph = push.paragraphs().get(i);
            if (paragraph.text().length() > config.maxParagraphLength()) {
                throw ProblemException.invalid("/paragraphs/" + i + "/text",
                        "A paragraph may have at most " + config.maxParagraphLength() + " characters");
            }
            paragraphs.add(new Transcript.Paragraph(i + 1, paragraph.speaker().strip(), paragraph.text().strip()));
        }
        return paragraphs;
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}
