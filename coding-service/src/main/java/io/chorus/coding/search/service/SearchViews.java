package io.chorus.coding.search.service;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a text search answers: keyword-in-context hits, and the audit of searches in original-language text. */
public final class SearchViews {

    private SearchViews() {
    }

    /** Where in a search: the released English, or the originals of the caller's own sites. */
    @Schema(name = "SearchedText")
    public enum Text { english, original }

    /** The filters of a search; null means "any". */
    public record Filter(Text text, String site, String study, String phase, String role, String participant, UUID code,
            Boolean withinCode) {
    }

    @Schema(description = "A match in the paragraph's text, in Unicode code points: [start, end)")
    public record SearchMatch(int start, int end) {
    }

    @Schema(description = "A matching paragraph, keyword in context: the text before the first match, the "
            + "match, and the text after it, each cut at a word near 60 characters")
    public record SearchHit(String transcriptId, String site, String externalId, String language, String study, String phase,
            int paragraph, @Schema(description = "The paragraph as papers cite it, such as 'BU 45'") String label,
            String speaker, @Schema(description = "The speaker's role from their questionnaire, where recorded") String speakerRole,
            Text text, String before, String match, String after,
            @Schema(description = "Every match in the whole paragraph") List<SearchMatch> matches,
            @Schema(description = "Relevance (PostgreSQL ts_rank_cd): hits come highest first") double score) {
    }

    @Schema(name = "OriginalSearch", description = "A search in original-language text: who, when, where, what, and what it found")
    public record OriginalSearch(UUID id, Instant searchedAt, String username, String subject, List<String> sites, String query,
            long hits, @Schema(description = "The transcripts whose text the answer showed") List<String> transcripts) {
    }
}
