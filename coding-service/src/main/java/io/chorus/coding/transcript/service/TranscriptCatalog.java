package io.chorus.coding.transcript.service;

import io.chorus.coding.coding.service.CodingService;
import io.chorus.coding.exchange.service.ProjectCodings;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.chorus.coding.transcript.event.ParagraphsWithdrawn;
import io.chorus.coding.transcript.event.ParticipantRecorded;
import io.chorus.coding.transcript.event.ParticipantWithdrawn;
import io.chorus.coding.transcript.event.SessionRecorded;
import io.chorus.coding.transcript.repository.CodingParticipant;
import io.chorus.coding.transcript.repository.CodingSession;
import io.chorus.coding.transcript.event.TranscriptReleased;
import io.chorus.coding.transcript.event.TranscriptRevised;
import io.chorus.coding.transcript.event.TranscriptWithdrawn;
import io.chorus.coding.transcript.repository.ReleasedTranscript;
import io.chorus.common.event.EventEnvelope;
import io.chorus.common.event.EventPayloads;
import io.chorus.common.event.EventRouter;
import jakarta.annotation.PostConstruct;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/** The released transcripts analysts can code, kept current from transcript events. */
@ApplicationScoped
@Transactional
public class TranscriptCatalog {

    public static final String CONSUMER = "coding-service/transcript-events";

    @Inject
    ObjectMapper json;

    @Inject
    CodingService codings;

    @Inject
    ProjectCodings projects;

    @Inject
    io.chorus.coding.transcript.repository.OriginalTexts originals;

    @Inject
    io.chorus.coding.assistant.service.EmbeddingIndex index;

    @Inject
    io.chorus.coding.assistant.service.AssistantModels models;

    @Inject
    io.chorus.common.crypto.EventKeys keys;

    @Inject
    io.chorus.coding.search.service.OriginalSearchAudit searches;

    @Inject
    io.chorus.coding.subjectaccess.SubjectAccessAnswers subjectAccess;

    private EventRouter router;

    @PostConstruct
    void routes() {
        router = EventRouter.forConsumer(CONSUMER)
                .onEvent(TranscriptReleased.class, released -> released(released.opened(keys::open)))
                .onEvent(TranscriptWithdrawn.class, this::withdrawnTranscript)
                .onEvent(SessionRecorded.class, this::recorded)
                .onEvent(ParticipantRecorded.class, this::participant)
                .onEvent(ParticipantWithdrawn.class, this::participantWithdrew)
                .onEvent(TranscriptRevised.class, revised -> revised(revised.opened(keys::open)))
                .onEvent(ParagraphsWithdrawn.class, this::withdrawn)
                .onEvent(io.chorus.coding.transcript.event.OriginalsErased.class, erased -> {
                    originals.removeAll(erased.transcriptId());
                    searches.redactQueriesThatFound(erased.transcriptId());
                })
                .onEvent(io.chorus.coding.subjectaccess.SubjectAccessRequested.class, subjectAccess::answer)
                .onEvent(io.chorus.coding.exchange.event.ProjectImported.class, imported -> projects.received(imported.opened(keys::open)));
    }

    public void apply(EventEnvelope event) {
        router.apply(Panache.getEntityManager(), json, event);
    }

    private void withdrawnTranscript(TranscriptWithdrawn withdrawn) {
        searches.redactQueriesThatFound(withdrawn.transcriptId());
        codings.purgeTranscript(withdrawn.transcriptId());
        models.forgetTrainedOn(withdrawn.transcriptId());
        ReleasedTranscript.deleteById(withdrawn.transcriptId());
    }

    /** A released transcript was revised: the changed paragraphs replace ours (same numbers). */
    private void revised(TranscriptRevised revised) {
        ReleasedTranscript transcript = ReleasedTranscript.findById(revised.transcriptId());
        if (transcript == null || !EventRouter.isNewer(transcript.version, revised.version())) {
            return;
        }
        for (TranscriptReleased.Paragraph change : revised.changed()) {
            String english = transcript.englishOf(change.text(), change.english());
            transcript.paragraphs.stream().filter(p -> p.n == change.n() && english != null).forEach(p -> p.english = english);
            if (change.text() != null && transcript.paragraph(change.n()) != null) {
                originals.put(transcript.id, transcript.language, change.n(), change.text());
            }
        }
        transcript.version = revised.version();
    }

    /** A participant withdrew consent: nothing of their words stays here (codings on them will go too). */
    private void withdrawn(ParagraphsWithdrawn withdrawn) {
        ReleasedTranscript transcript = ReleasedTranscript.findById(withdrawn.transcriptId());
        if (transcript == null) {
            return;
        }
        codings.purgeParagraphs(transcript.id, withdrawn.paragraphs());
        searches.redactQueriesThatFound(transcript.id);
        originals.remove(transcript.id, withdrawn.paragraphs());
        index.forget(transcript.id, withdrawn.paragraphs());
        models.forgetTrainedOn(transcript.id);
        if (withdrawn.removed()) {
            transcript.paragraphs.removeIf(paragraph -> withdrawn.paragraphs().contains(paragraph.n));
            return;
        }
        for (ReleasedTranscript.Paragraph paragraph : transcript.paragraphs) {
            if (withdrawn.paragraphs().contains(paragraph.n)) {
                paragraph.english = ParagraphsWithdrawn.REDACTED;
            }
        }
    }

    private void recorded(SessionRecorded recorded) {
        CodingSession.Key key = new CodingSession.Key(recorded.site(), recorded.externalId());
        CodingSession session = CodingSession.findById(key);
        if (session == null) {
            session = new CodingSession();
            session.key = key;
        }
        session.study = recorded.study();
        session.phase = recorded.phase();
        session.kind = recorded.kind();
        session.date = recorded.date();
        session.language = recorded.language();
        session.persist();
    }

    private void participant(ParticipantRecorded recorded) {
        CodingParticipant.Key key = new CodingParticipant.Key(recorded.site(), recorded.participant());
        CodingParticipant participant = CodingParticipant.findById(key);
        if (participant == null) {
            participant = new CodingParticipant();
            participant.key = key;
        } else if (!EventRouter.isNewer(participant.version, recorded.version())) {
            return;
        }
        participant.gender = recorded.gender();
        participant.age = recorded.age();
        participant.role = recorded.role();
        participant.professionalBackground = recorded.professionalBackground();
        participant.yearsOfExperience = recorded.yearsOfExperience();
        participant.previousPeerSupportExperience = recorded.previousPeerSupportExperience();
        participant.version = recorded.version();
        participant.persist();
    }

    private void participantWithdrew(ParticipantWithdrawn withdrawn) {
        CodingParticipant.deleteById(new CodingParticipant.Key(withdrawn.site(), withdrawn.participant()));
    }

    private void released(TranscriptReleased released) {
        ReleasedTranscript transcript = ReleasedTranscript.findById(released.transcriptId());
        if (transcript == null) {
            transcript = new ReleasedTranscript();
            transcript.id = released.transcriptId();
        } else if (!EventRouter.isNewer(transcript.version, released.version())) {
            return;
        }
        transcript.site = released.site();
        transcript.externalId = released.externalId();
        transcript.language = released.language();
        transcript.version = released.version();
        transcript.releasedAt = released.releasedAt();
        transcript.session = released.session();
        transcript.title = released.title();
        transcript.paragraphs.clear();
        for (TranscriptReleased.Paragraph p : released.paragraphs()) {
            transcript.paragraphs.add(new ReleasedTranscript.Paragraph(p.n(), p.label(), p.speaker(),
                    transcript.englishOf(p.text(), p.english())));
        }
        transcript.persist();
        Panache.getEntityManager().flush();
        originals.replace(transcript.id, transcript.language, released.paragraphs().stream().filter(p -> p.text() != null)
                .map(p -> java.util.Map.entry(p.n(), p.text())).toList());
        projects.released(transcript);
    }

    TranscriptReleased parse(EventEnvelope event) {
        return EventPayloads.read(json, event, TranscriptReleased.class);
    }
}
