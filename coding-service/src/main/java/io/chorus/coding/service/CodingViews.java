package io.chorus.coding.service;

import io.chorus.coding.agreement.Coefficients;
import io.chorus.coding.repository.Coding;
import io.chorus.coding.repository.ConstructRating;
import io.chorus.coding.repository.Memo;
import io.chorus.coding.repository.SiteValidation;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** What clients read about codings, rounds, consensus, memos, ratings and validations. */
public final class CodingViews {

    private CodingViews() {
    }

    public record ValidationView(UUID id, String site, UUID codingId, UUID codeId, String status, String comment,
            String validatedBy, Instant validatedAt) {
        static ValidationView of(SiteValidation v) {
            return v == null ? null : new ValidationView(v.id, v.site, v.codingId, v.codeId, v.status, v.comment,
                    v.validatedBy, v.validatedAt);
        }
    }

    public record CodingView(UUID id, String transcriptId, String site, UUID codeId, String coder, UUID roundId,
            boolean consensus, int firstParagraph, int lastParagraph, Integer startOffset, Integer endOffset,
            String valence, Integer weight, List<UUID> basedOn, String note, Instant createdAt, Instant updatedAt,
            ValidationView siteValidation,
            @org.eclipse.microprofile.openapi.annotations.media.Schema(description = "The code-all-hits operation that made it, if one did")
            UUID bulkOperation,
            @org.eclipse.microprofile.openapi.annotations.media.Schema(description = "An assistant's coding: its similarity score")
            Double score,
            @org.eclipse.microprofile.openapi.annotations.media.Schema(description = "An assistant's coding: what it was nearest to")
            String provenance,
            @org.eclipse.microprofile.openapi.annotations.media.Schema(description = "An assistant's coding: accepted, rejected or null")
            String suggestionStatus,
            @org.eclipse.microprofile.openapi.annotations.media.Schema(description = "Accepted from this assistant's coding")
            UUID suggestedBy) {
        static CodingView of(Coding c, SiteValidation validation) {
            List<UUID> basedOn = c.basedOn == null || c.basedOn.isEmpty() ? List.of()
                    : Arrays.stream(c.basedOn.split(",")).map(UUID::fromString).toList();
            return new CodingView(c.id, c.transcriptId, c.site, c.codeId, c.coder, c.roundId, c.consensus,
                    c.firstParagraph, c.lastParagraph, c.startOffset, c.endOffset, c.valence, c.weight, basedOn, c.note,
                    c.createdAt, c.updatedAt, ValidationView.of(validation), c.bulkOperationId, c.score,
                    c.provenance, c.suggestionStatus, c.suggestedBy);
        }
    }

    public record RoundView(UUID id, String name, UUID codebookId, boolean independent, String status, String createdBy,
            Instant createdAt, String closedBy, Instant closedAt, List<AssignmentView> assignments) {
    }

    public record AssignmentView(String transcriptId, List<String> coders) {
    }

    public record MyAssignment(UUID roundId, String roundName, String status, boolean independent, String transcriptId) {
    }

    public record ComparedPassage(UUID codingId, String coder, int firstParagraph, int lastParagraph,
            Integer startOffset, Integer endOffset, String valence) {
    }

    public record ComparisonItem(UUID codeId, String codeName, boolean agreed, List<ComparedPassage> passages) {
    }

    public record Comparison(UUID roundId, String transcriptId, double overlap, List<String> coders, int agreed,
            int disagreed, List<ComparisonItem> items) {
    }

    /** @param pooledPresence the transcript's codes' present/absent units pooled into one table (see the answer's method) */
    public record TranscriptAgreement(String transcriptId, List<String> coders, Coefficients pooledPresence) {
    }

    public record CodeAgreement(UUID codeId, String codeName, Coefficients coefficients) {
    }

    /** @param pooledPresence every used code's present/absent units pooled into one table: a pooled binary figure */
    public record AgreementReport(UUID roundId, List<String> coders, double overlap, Coefficients pooledPresence,
            List<TranscriptAgreement> transcripts, List<CodeAgreement> codes, String method) {
    }

    public record ConsensusView(UUID roundId, String transcriptId, String decidedBy, Instant decidedAt,
            List<CodingView> codings) {
    }

    public record MemoView(UUID id, String target, UUID codeId, String transcriptId, Integer firstParagraph,
            Integer lastParagraph, String title, String text, String author, Instant createdAt, Instant updatedAt) {
        static MemoView of(Memo m) {
            return new MemoView(m.id, m.target, m.codeId, m.transcriptId, m.firstParagraph, m.lastParagraph, m.title,
                    m.text, m.author, m.createdAt, m.updatedAt);
        }
    }

    public record RatingView(UUID id, String site, UUID codeId, String phase, String rating, String justification,
            String ratedBy, Instant ratedAt) {
        static RatingView of(ConstructRating r) {
            return new RatingView(r.id, r.site, r.codeId, r.phase.isEmpty() ? null : r.phase, r.rating, r.justification,
                    r.ratedBy, r.ratedAt);
        }
    }
}
