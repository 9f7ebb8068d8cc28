package io.chorus.coding.round.service;

import io.chorus.coding.coding.service.CodingViews.CodingView;
import io.chorus.coding.round.agreement.Coefficients;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What clients read about blind rounds: assignments, comparisons, agreement and consensus. */
public final class RoundViews {

    private RoundViews() {
    }

    public record RoundView(UUID id, String name, UUID codebookId, boolean independent, String status, String createdBy,
            Instant createdAt, String closedBy, Instant closedAt, List<AssignmentView> assignments) {
    }

    /**
     * @param externalId the transcript's name at its site (null once it is withdrawn)
     * @param done the coders who marked the transcript done
     */
    public record AssignmentView(String transcriptId, String externalId, List<String> coders, List<String> done) {
    }

    public record RoundSummary(UUID id, String name, UUID codebookId, boolean independent, String status, String createdBy,
            Instant createdAt, Instant closedAt) {
    }

    /**
     * @param codings your codings of the transcript in this round
     * @param doneAt when you marked the transcript done; null while you are still coding it
     */
    public record MyAssignment(UUID roundId, String roundName, String status, boolean independent, String transcriptId,
            String externalId, String site, long codings, Instant doneAt) {
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

    /**
     * Two coders' agreement over the transcripts both were assigned.
     *
     * @param pooledPresence their present/absent units of every code used, pooled into one table
     */
    public record PairAgreement(String first, String second, int transcripts, Coefficients pooledPresence) {
    }

    /**
     * @param pooledPresence every used code's present/absent units pooled into one table: a pooled binary figure
     * @param pairs every two coders of the round, for a pairwise matrix
     */
    public record AgreementReport(UUID roundId, List<String> coders, double overlap, Coefficients pooledPresence,
            List<TranscriptAgreement> transcripts, List<CodeAgreement> codes, List<PairAgreement> pairs, String method) {
    }

    public record ConsensusView(UUID roundId, String transcriptId, String decidedBy, Instant decidedAt,
            List<CodingView> codings) {
    }
}
