package io.chorus.coding.event;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.chorus.common.event.EventEnvelope;
import io.chorus.common.event.PostgresOutbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The events of coding-service (topic chorus.coding, schemas in src/main/resources/META-INF/resources/events/). They are
 * written to the outbox in the caller's transaction, so an event exists exactly when its change does.
 */
@ApplicationScoped
public class CodingEvents {

    public static final String CODEBOOK_PUBLISHED = "io.chorus.coding.codebook-published.v1";
    public static final String CODE_CHANGED = "io.chorus.coding.code-changed.v1";
    public static final String PASSAGE_CODED = "io.chorus.coding.passage-coded.v1";
    public static final String CODING_REMOVED = "io.chorus.coding.coding-removed.v1";
    public static final String CONSENSUS_REACHED = "io.chorus.coding.consensus-reached.v1";
    public static final String CONSTRUCT_RATED = "io.chorus.coding.construct-rated.v1";
    public static final String AGREEMENT_MEASURED = "io.chorus.coding.agreement-measured.v1";
    public static final String PHASE_CODEBOOK_ASSIGNED = "io.chorus.coding.phase-codebook-assigned.v1";
    public static final String SUBJECT_ACCESS_ANSWERED = "io.chorus.coding.subject-access-answered.v1";

    /**
     * Payload of {@value #SUBJECT_ACCESS_ANSWERED}: what coding-service holds on one participant's paragraphs, for the archive
     * transcript-service makes. Memo titles and texts are sealed with the participant's data key of their transcript.
     */
    public record SubjectAccessAnswered(UUID requestId, String site, String participant, Instant at, List<HeldCoding> codings,
            List<HeldMemo> memos) {
    }

    public record HeldCoding(UUID codingId, String transcriptId, int firstParagraph, int lastParagraph, UUID codeId, String code,
            UUID codebookId, String coder, String valence, boolean consensus, Instant createdAt) {
    }

    public record HeldMemo(UUID memoId, String transcriptId, int firstParagraph, int lastParagraph, String title, String text,
            String author, Instant createdAt) {
    }

    /** Payload of {@value #PASSAGE_CODED}: schema events/passage-coded.schema.json. */
    public record PassageCoded(UUID codingId, String transcriptId, String site, UUID codeId, UUID codebookId, String coder, UUID roundId,
            int firstParagraph, int lastParagraph, Integer startOffset, Integer endOffset, String valence, Integer weight, long revision,
            Instant codedAt) {
    }

    /** Payload of {@value #CODING_REMOVED}: schema events/coding-removed.schema.json. */
    public record CodingRemoved(UUID codingId, String transcriptId, String site, UUID codeId, String reason, boolean consensus,
            Instant removedAt) {
    }

    /** Payload of {@value #CODEBOOK_PUBLISHED}: schema events/codebook-published.schema.json. */
    public record CodebookPublished(UUID codebookId, String name, int version, Instant publishedAt, String publishedBy,
            List<PublishedCode> codes) {
    }

    public record PublishedCode(UUID id, String key, UUID parentId, String name, boolean codable, String origin, String frameworkRef) {
    }

    /** Payload of {@value #CODE_CHANGED}: schema events/code-changed.schema.json; the last four belong to merges and splits. */
    public record CodeChanged(UUID codebookId, int version, UUID codeId, String change, String name, UUID parentId, String changedBy,
            Instant changedAt, @JsonInclude(JsonInclude.Include.NON_NULL) UUID into,
            @JsonInclude(JsonInclude.Include.NON_NULL) Integer codingsMoved,
            @JsonInclude(JsonInclude.Include.NON_NULL) List<Part> parts,
            @JsonInclude(JsonInclude.Include.NON_NULL) Map<String, UUID> assignments) {
    }

    public record Part(UUID id, String name) {
    }

    /** Payload of {@value #CONSENSUS_REACHED}: schema events/consensus-reached.schema.json. */
    public record ConsensusReached(String transcriptId, String site, UUID roundId, UUID codebookId, String decidedBy, Instant decidedAt,
            List<Decided> codings) {
    }

    public record Decided(UUID codingId, UUID codeId, int firstParagraph, int lastParagraph, Integer startOffset, Integer endOffset,
            String valence, Integer weight) {
    }

    /** Payload of {@value #CONSTRUCT_RATED}: schema events/construct-rated.schema.json. */
    public record ConstructRated(String site, UUID codeId, UUID codebookId, String frameworkRef, String phase, String rating,
            String ratedBy, Instant ratedAt) {
    }

    /** Payload of {@value #AGREEMENT_MEASURED}: schema events/agreement-measured.schema.json. */
    public record AgreementMeasured(UUID roundId, String transcriptId, String site, List<String> coders, int units,
            Double percentAgreement, Double cohenKappa, Double fleissKappa, Double krippendorffAlpha, Instant measuredAt) {
    }

    /** Payload of {@value #PHASE_CODEBOOK_ASSIGNED}: schema events/phase-codebook-assigned.schema.json. */
    public record PhaseCodebookAssigned(String study, String phase, UUID codebookId, String assignedBy, Instant assignedAt) {
    }

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    /** @param payload one of the payload records above */
    public void publish(String type, String aggregateType, Object aggregateId, Record payload) {
        try {
            PostgresOutbox.add(em, new EventEnvelope(UUID.randomUUID().toString(), type, aggregateType,
                    String.valueOf(aggregateId), Instant.now(), json.writeValueAsString(payload)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event payload is not serialisable", e);
        }
    }
}
