package io.chorus.coding.coding.service;

import io.chorus.coding.coding.repository.Coding;
import io.chorus.coding.coding.repository.Memo;
import io.chorus.coding.review.repository.SiteValidation;
import io.chorus.coding.review.service.ReviewViews.ValidationView;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** What clients read about codings and memos. */
public final class CodingViews {

    private CodingViews() {
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
        public static CodingView of(Coding c, SiteValidation validation) {
            List<UUID> basedOn = c.basedOn == null || c.basedOn.isEmpty() ? List.of()
                    : Arrays.stream(c.basedOn.split(",")).map(UUID::fromString).toList();
            return new CodingView(c.id, c.transcriptId, c.site, c.codeId, c.coder, c.roundId, c.consensus,
                    c.firstParagraph, c.lastParagraph, c.startOffset, c.endOffset, c.valence, c.weight, basedOn, c.note,
                    c.createdAt, c.updatedAt, ValidationView.of(validation), c.bulkOperationId, c.score,
                    c.provenance, c.suggestionStatus, c.suggestedBy);
        }
    }

    public record MemoView(UUID id, String target, UUID codeId, String transcriptId, Integer firstParagraph,
            Integer lastParagraph, String title, String text, String author, Instant createdAt, Instant updatedAt) {
        public static MemoView of(Memo m) {
            return new MemoView(m.id, m.target, m.codeId, m.transcriptId, m.firstParagraph, m.lastParagraph, m.title,
                    m.text, m.author, m.createdAt, m.updatedAt);
        }
    }
}
