package io.chorus.transcript.event;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.chorus.common.event.EventEnvelope;
import io.chorus.transcript.transcript.repository.Transcript;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Builds the events of transcripts and participants; each type has a JSON Schema under META-INF/resources/events/, listed in asyncapi.json. */
@ApplicationScoped
public class TranscriptEvents {

    public static final String AGGREGATE_TYPE = "transcript";
    public static final String RELEASED = "io.chorus.transcript.released.v1";
    public static final String STATUS_CHANGED = "io.chorus.transcript.status-changed.v1";
    public static final String PARAGRAPHS_WITHDRAWN = "io.chorus.transcript.paragraphs-withdrawn.v1";
    public static final String PARTICIPANT_REGISTERED = "io.chorus.transcript.participant-registered.v1";
    public static final String PARTICIPANT_UPDATED = "io.chorus.transcript.participant-updated.v1";
    public static final String PARTICIPANT_WITHDRAWN = "io.chorus.transcript.participant-withdrawn.v1";
    public static final String PARTICIPANT_AGGREGATE = "participant";
    public static final String SESSION_RECORDED = "io.chorus.transcript.session-recorded.v1";
    public static final String REVISED = "io.chorus.transcript.revised.v1";
    public static final String STUDY_RECORDED = "io.chorus.transcript.study-recorded.v1";
    /** Name of a record of the key topic chorus.keys (not a CloudEvent): schema events/data-key.schema.json. */
    public static final String DATA_KEY = "io.chorus.transcript.data-key.v1";

    /** Payload of {@value #STUDY_RECORDED} is the study itself: schema events/study-recorded.schema.json. */
    public EventEnvelope studyRecorded(io.chorus.transcript.study.repository.Study study) {
        return envelope(STUDY_RECORDED, "study", study.code(), study.updatedAt(), study);
    }
    public static final String WITHDRAWN = "io.chorus.transcript.withdrawn.v1";
    public static final String ORIGINALS_ERASED = "io.chorus.transcript.originals-erased.v1";
    public static final String SUBJECT_ACCESS_REQUESTED = "io.chorus.transcript.subject-access-requested.v1";

    /** Payload of {@value #SUBJECT_ACCESS_REQUESTED}: schema events/subject-access-requested.schema.json. No text. */
    public record SubjectAccessRequested(String requestId, String site, String participant, Instant at, List<SubjectParagraph> paragraphs) {
    }

    /** One of the participant's paragraphs, and the key their English is sealed with in events (for the answer's memos). */
    public record SubjectParagraph(String transcriptId, int n, String keyId) {
    }

    public EventEnvelope subjectAccessRequested(io.chorus.transcript.subjectaccess.DataRequest request, List<SubjectParagraph> paragraphs) {
        return envelope(SUBJECT_ACCESS_REQUESTED, "subject-access", request.id(), request.requestedAt(), new SubjectAccessRequested(
                request.id(), request.site(), request.participant(), request.requestedAt(), paragraphs));
    }

    /** Payload of {@value #ORIGINALS_ERASED}: schema events/transcript-originals-erased.schema.json. */
    public record OriginalsErased(String transcriptId, String site, String study, int paragraphs, int version, Instant at) {
    }

    public EventEnvelope originalsErased(Transcript t, String study, int paragraphs) {
        return envelope(ORIGINALS_ERASED, t.id(), t.updatedAt(), new OriginalsErased(t.id(), t.site(), study, paragraphs, t.version(),
                t.updatedAt()));
    }

    /** Payload of {@value #WITHDRAWN}: schema events/transcript-withdrawn.schema.json. */
    public record Withdrawn(String transcriptId, String site, String externalId, String reason, int version, Instant at) {
    }

    public EventEnvelope withdrawn(Transcript t, String reason) {
        return envelope(WITHDRAWN, t.id(), t.updatedAt(), new Withdrawn(t.id(), t.site(), t.externalId(), reason, t.version(), t.updatedAt()));
    }

    /** Payload of {@value #RELEASED}: schema events/transcript-released.schema.json. */
    public record Released(String transcriptId, String site, String externalId, String session, String title, String language,
            int version, Instant releasedAt, String releasedBy, List<ReleasedParagraph> paragraphs) {
    }

    public record ReleasedParagraph(int n, String label, String speaker, String text, String english) {
    }

    /** Payload of {@value #STATUS_CHANGED}: schema events/transcript-status-changed.schema.json. */
    public record StatusChanged(String transcriptId, String site, String externalId, String session, String status,
            String previousStatus, int version, String by, Instant at) {
    }

    /** Payload of {@value #PARAGRAPHS_WITHDRAWN}: schema events/transcript-paragraphs-withdrawn.schema.json. */
    public record ParagraphsWithdrawn(String transcriptId, String site, String participant, List<Integer> paragraphs,
            String mode, int version, Instant at) {
    }

    /** Payload of {@value #PARTICIPANT_REGISTERED} and {@value #PARTICIPANT_UPDATED}: schema events/participant.schema.json. */
    public record ParticipantData(String site, String participant, String gender, Integer age, String role,
            String professionalBackground, Integer yearsOfExperience, Boolean previousPeerSupportExperience,
            String consent, int version, Instant at) {
    }

    /** Payload of {@value #PARTICIPANT_WITHDRAWN}: schema events/participant-withdrawn.schema.json. */
    public record ParticipantWithdrawn(String site, String participant, Instant at) {
    }

    /** Payload of {@value #REVISED}: schema events/transcript-revised.schema.json. */
    public record Revised(String transcriptId, String site, int version, int previousVersion, String reason,
            List<ReleasedParagraph> changed, Instant at) {
    }

    public static final String PROJECT_IMPORTED = "io.chorus.transcript.project-imported.v1";
    public static final String PROJECT_IMPORT_AGGREGATE = "project-import";

    /**
     * Payload of {@value #PROJECT_IMPORTED}: schema events/project-imported.schema.json. What a desktop tool's project
     * brings to coding-service once its sources are transcripts of the site: the code tree, the codings placed on the
     * transcripts' paragraphs (offsets in code points of the original text), and the notes as memos. No transcript text.
     */
    public record ProjectImported(String importId, String site, String study, String phase, String project, String origin,
            String importedBy, Instant at, List<io.chorus.refi.QdaProject.Code> codes, List<ImportedCoding> codings,
            List<ImportedMemo> memos) {
    }

    public record ImportedCoding(String id, String transcriptId, String codeGuid, String coder, int firstParagraph, int startOffset,
            int lastParagraph, int endOffset) {
    }

    public record ImportedMemo(String id, String title, String text, String author, String transcriptId) {
    }

    public EventEnvelope projectImported(ProjectImported payload) {
        return envelope(PROJECT_IMPORTED, PROJECT_IMPORT_AGGREGATE, payload.importId(), payload.at(), payload);
    }

    @Inject
    ObjectMapper json;

    /** Stored without the changed paragraphs' text (see {@link EventParagraphs}): only their numbers. */
    public EventEnvelope revised(Transcript t, int previousVersion, String reason, List<Transcript.Paragraph> changed) {
        var payload = json.<com.fasterxml.jackson.databind.node.ObjectNode>valueToTree(
                new Revised(t.id(), t.site(), t.version(), previousVersion, reason, null, t.updatedAt()));
        payload.remove("changed");
        changed.forEach(p -> payload.withArray(EventParagraphs.CHANGED_NUMBERS).add(p.n()));
        return envelope(REVISED, t.id(), t.updatedAt(), payload);
    }

    /** Payload of {@value #SESSION_RECORDED} is the session itself: schema events/session-recorded.schema.json. */
    public EventEnvelope sessionRecorded(io.chorus.transcript.session.repository.Session session) {
        return envelope(SESSION_RECORDED, "session", io.chorus.transcript.session.repository.Session.id(session.site(), session.externalId()),
                session.updatedAt(), session);
    }

    public EventEnvelope paragraphsWithdrawn(Transcript t, String participant, List<Integer> paragraphs, boolean removed) {
        return envelope(PARAGRAPHS_WITHDRAWN, t.id(), t.updatedAt(), new ParagraphsWithdrawn(t.id(), t.site(), participant,
                paragraphs, removed ? "removed" : "redacted", t.version(), t.updatedAt()));
    }

    public EventEnvelope participant(String type, io.chorus.transcript.participant.repository.Participant p) {
        Object payload = type.equals(PARTICIPANT_WITHDRAWN)
                ? new ParticipantWithdrawn(p.site(), p.number(), p.updatedAt())
                : new ParticipantData(p.site(), p.number(), p.gender(), p.age(), p.role(), p.professionalBackground(),
                        p.yearsOfExperience(), p.previousPeerSupportExperience(), p.consent().name().toLowerCase(),
                        p.version(), p.updatedAt());
        return envelope(type, PARTICIPANT_AGGREGATE, io.chorus.transcript.participant.repository.Participant.id(p.site(), p.number()),
                p.updatedAt(), payload);
    }

    /** Stored without paragraphs (see {@link EventParagraphs}); the relay attaches those of the released version. */
    public EventEnvelope released(Transcript t, String releasedBy) {
        Released payload = new Released(t.id(), t.site(), t.externalId(), t.session(), t.title(), t.language(), t.version(), t.updatedAt(),
                releasedBy, null);
        return envelope(RELEASED, t.id(), t.updatedAt(), payload);
    }

    static ReleasedParagraph paragraph(Transcript t, Transcript.Paragraph p, io.chorus.transcript.erasure.EventText.Sealer sealer) {
        return new ReleasedParagraph(p.n(), label(t, p.n()), p.speaker(), sealer.original(p.speaker(), p.text()),
                sealer.english(p.speaker(), p.english()));
    }

    public EventEnvelope statusChanged(Transcript t, Transcript.Status previous, String by) {
        StatusChanged payload = new StatusChanged(t.id(), t.site(), t.externalId(), t.session(), t.status().wireName(),
                previous == null ? null : previous.wireName(), t.version(), by, t.updatedAt());
        return envelope(STATUS_CHANGED, t.id(), t.updatedAt(), payload);
    }

    /** Quote label of a paragraph, as papers cite it: "BU 45". */
    public static String label(Transcript t, int n) {
        return t.site() + " " + n;
    }

    private EventEnvelope envelope(String type, String aggregateId, Instant at, Object payload) {
        return envelope(type, AGGREGATE_TYPE, aggregateId, at, payload);
    }

    private EventEnvelope envelope(String type, String aggregateType, String aggregateId, Instant at, Object payload) {
        try {
            return new EventEnvelope(UUID.randomUUID().toString(), type, aggregateType, aggregateId, at,
                    json.writeValueAsString(payload));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event payload not serialisable", e);
        }
    }
}
