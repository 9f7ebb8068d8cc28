package io.chorus.transcript.participant.service;

import io.chorus.common.problem.ProblemException;
import io.chorus.transcript.event.TranscriptEvents;
import io.chorus.transcript.participant.repository.Participant;
import io.chorus.transcript.participant.repository.ParticipantRepository;
import io.chorus.transcript.study.repository.Study;
import io.chorus.transcript.transcript.repository.Transcript;
import io.chorus.transcript.transcript.repository.TranscriptRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/** Registering participants, and consent withdrawal: their words are redacted from every transcript and translation. */
@ApplicationScoped
public class ParticipantService {

    public static final String WITHDRAWN_TEXT = "[withdrawn]";

    public record Upserted(Participant participant, boolean created) {
    }

    public record Withdrawal(Participant participant, int transcripts, int paragraphs) {
    }

    @Inject
    ParticipantRepository participants;

    @Inject
    io.chorus.common.http.IdempotencyStore idempotency;

    @Inject
    TranscriptRepository transcripts;

    @Inject
    TranscriptEvents events;

    @Inject
    io.chorus.transcript.transcript.repository.TranscriptVersions versions;

    @Inject
    io.chorus.transcript.session.repository.SessionRepository sessions;

    @Inject
    io.chorus.transcript.study.repository.StudyRepository studies;

    @Inject
    io.chorus.transcript.erasure.DataKeyStore dataKeys;

    @Inject
    io.chorus.transcript.subjectaccess.SubjectAccess subjectAccess;


    public Upserted upsert(Participant data) {
        return upsert(data, null);
    }

    /** The same, under the precondition of a conditional request (null for none), checked atomically with the write. */
    public Upserted upsert(Participant data, java.util.function.Predicate<Participant> precondition) {
        Instant now = now();
        var result = participants.documents().upsert(Participant.id(data.site(), data.number()),
                () -> new Participant(data.site(), data.number(), data.gender(), data.age(), data.role(),
                        data.professionalBackground(), data.yearsOfExperience(), data.previousPeerSupportExperience(),
                        Participant.Consent.GIVEN, null, 1, now, now),
                current -> {
                    if (current.sameData(data)) {
                        return null;
                    }
                    if (current.consent() == Participant.Consent.WITHDRAWN) {
                        throw ProblemException.conflict("Participant " + data.number() + " has withdrawn consent; their data is not kept");
                    }
                    return new Participant(current.site(), current.number(), data.gender(), data.age(), data.role(),
                            data.professionalBackground(), data.yearsOfExperience(), data.previousPeerSupportExperience(),
                            current.consent(), null, current.version() + 1, current.createdAt(), now);
                },
                Participant::version,
                p -> List.of(events.participant(p.version() == 1 ? TranscriptEvents.PARTICIPANT_REGISTERED
                        : TranscriptEvents.PARTICIPANT_UPDATED, p)), precondition);
        return new Upserted(result.record(), result.created());
    }

    public Participant get(String site, String number) {
        return participants.find(site, number).orElseThrow(() -> ProblemException.notFound("Participant '" + number + "'"));
    }

    /**
     * Redacts the participant's turns in every transcript of the site (original and English, every
     * status, released ones included), then records the withdrawal. Repeating it finishes an interrupted
     * withdrawal and changes nothing after a complete one.
     */
    public Withdrawal withdraw(String site, String number, String by) {
        Participant current = get(site, number);
        int transcriptCount = 0;
        int paragraphCount = 0;
        for (Transcript transcript : transcripts.withSpeaker(site, number)) {
            int redacted = redact(transcript, number, by);
            if (redacted > 0) {
                transcriptCount++;
                paragraphCount += redacted;
            }
        }
        if (current.consent() == Participant.Consent.WITHDRAWN) {
            dataKeys.destroyParticipant(site, number); // finishes a withdrawal interrupted before its keys were destroyed
            subjectAccess.forget(site, number);
            return new Withdrawal(current, transcriptCount, paragraphCount);
        }
        Instant now = now();
        Participant withdrawn = new Participant(site, number, null, null, null, null, null, null,
                Participant.Consent.WITHDRAWN, now, current.version() + 1, current.createdAt(), now);
        if (!participants.update(withdrawn, current.version(), List.of(events.participant(TranscriptEvents.PARTICIPANT_WITHDRAWN, withdrawn)))) {
            throw ProblemException.conflict("Participant was changed concurrently; repeat the withdrawal");
        }
        // after the consent is marked withdrawn, so that a key made meanwhile is destroyed too (see EventText)
        dataKeys.destroyParticipant(site, number);
        subjectAccess.forget(site, number);
        return new Withdrawal(withdrawn, transcriptCount, paragraphCount);
    }

    /** The study of the transcript's session decides between redacting and removing; without one, redact. */
    private Study.Withdrawal modeFor(Transcript transcript) {
        if (transcript.session() == null) {
            return Study.Withdrawal.REDACT;
        }
        return sessions.find(transcript.site(), transcript.session()).flatMap(session -> studies.find(session.study()))
                .map(Study::withdrawal).orElse(Study.Withdrawal.REDACT);
    }

    private int redact(Transcript current, String speaker, String by) {
        boolean remove = modeFor(current) == Study.Withdrawal.REMOVE;
        List<Transcript.Paragraph> paragraphs = new ArrayList<>();
        List<Integer> redacted = new ArrayList<>();
        for (Transcript.Paragraph p : current.paragraphs()) {
            if (p.speaker().equals(speaker) && (remove || !WITHDRAWN_TEXT.equals(p.text()))) {
                if (!remove) {
                    paragraphs.add(new Transcript.Paragraph(p.n(), p.speaker(), WITHDRAWN_TEXT, p.english() == null ? null : WITHDRAWN_TEXT));
                }
                redacted.add(p.n());
            } else {
                paragraphs.add(p);
            }
        }
        if (redacted.isEmpty()) {
            return 0;
        }
        Transcript next = new Transcript(current.id(), current.site(), current.externalId(), current.session(), current.language(), current.title(),
                current.status(), current.version(), paragraphs, current.translatedBy(), current.reviewers(), current.queries(),
                current.history(), current.createdAt(), current.updatedAt())
                .moveTo(current.status(), by, now(), "turns of participant " + speaker + (remove ? " removed" : " redacted")
                        + " after consent withdrawal");
        versions.redact(current.id(), speaker, WITHDRAWN_TEXT, remove);
        if (!transcripts.update(next, current.version(), List.of(events.paragraphsWithdrawn(next, speaker, redacted, remove)))) {
            throw ProblemException.conflict("Transcript '" + current.id() + "' was changed concurrently; repeat the withdrawal");
        }
        // answers kept for Idempotency-Keys that showed the transcript's words (a push, a revision)
        idempotency.redact(current.id());
        return redacted.size();
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}
