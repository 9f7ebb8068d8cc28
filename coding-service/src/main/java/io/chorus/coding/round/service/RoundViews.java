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
}
