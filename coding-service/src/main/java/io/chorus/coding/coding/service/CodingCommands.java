package io.chorus.coding.coding.service;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;

/** What clients send to code, decide, rate, validate and write memos. */
public final class CodingCommands {

    private CodingCommands() {
    }

    public static final String VALENCES = "facilitator|barrier|mixed|neutral";

    /** A passage: paragraphs first..last, optionally from startOffset in the first to endOffset in the last (code points). */
    public record Passage(@NotNull @Min(1) Integer firstParagraph, @NotNull @Min(1) Integer lastParagraph,
            @Min(0) Integer startOffset, @Min(0) Integer endOffset) {
    }

    public record NewCoding(@NotNull UUID codeId, @NotNull @Min(1) Integer firstParagraph,
            @NotNull @Min(1) Integer lastParagraph, @Min(0) Integer startOffset, @Min(0) Integer endOffset,
            @Pattern(regexp = VALENCES) String valence, @Min(0) @Max(100) Integer weight, UUID roundId) {

        public Passage passage() {
            return new Passage(firstParagraph, lastParagraph, startOffset, endOffset);
        }
    }

    /** One coding of a batch: a {@link NewCoding} that names its transcript. */
    @Schema(name = "BatchCodingItem")
    public record BatchItem(@NotBlank @Size(max = 64) String transcriptId, @NotNull UUID codeId, @NotNull @Min(1) Integer firstParagraph,
            @NotNull @Min(1) Integer lastParagraph, @Min(0) Integer startOffset, @Min(0) Integer endOffset,
            @Pattern(regexp = VALENCES) String valence, @Min(0) @Max(100) Integer weight, UUID roundId) {

        public NewCoding coding() {
            return new NewCoding(codeId, firstParagraph, lastParagraph, startOffset, endOffset, valence, weight, roundId);
        }
    }

    @Schema(name = "CodingBatch", description = "Up to 1,000 codings. atomic=true stores all of them or, if any is refused, none.")
    public record Batch(Boolean atomic, @NotEmpty @Size(max = 1000) List<@Valid @NotNull BatchItem> items) {
    }

    /** The search whose hits to code: the parameters of GET /api/search. */
    @Schema(name = "HitSearch")
    public record HitSearch(@NotBlank @Size(max = 500) String q, @Pattern(regexp = "english|original") String text,
            @Size(max = 10) String site, @Size(max = 200) String study, @Size(max = 200) String phase, @Size(max = 200) String role,
            @Size(max = 40) String participant, UUID code, @Pattern(regexp = "within|outside") String coded) {
    }

    @Schema(name = "CodeAllHits", description = "Code every hit of a search with one code: the paragraph, the sentence around each "
            + "match, or each match itself (English searches only)")
    public record CodeAllHits(@NotNull @Valid HitSearch search, @NotNull UUID codeId,
            @NotNull @Pattern(regexp = "paragraph|sentence|match") String unit, @Pattern(regexp = VALENCES) String valence) {
    }

    public record CodingUpdate(@NotNull UUID codeId, @NotNull @Min(1) Integer firstParagraph,
            @NotNull @Min(1) Integer lastParagraph, @Min(0) Integer startOffset, @Min(0) Integer endOffset,
            @Pattern(regexp = VALENCES) String valence, @Min(0) @Max(100) Integer weight) {

        public Passage passage() {
            return new Passage(firstParagraph, lastParagraph, startOffset, endOffset);
        }
    }

    public record NewRound(@NotBlank @Size(max = 200) String name, @NotNull UUID codebookId, Boolean independent,
            @NotEmpty @Size(max = 1000) List<@Valid @NotNull Assignment> assignments) {
    }

    public record Assignment(@NotBlank @Size(max = 64) String transcriptId,
            @NotEmpty @Size(max = 100) List<@NotBlank @Size(max = 100) String> coders) {
    }

    @Schema(name = "ConsensusDecision")
    public record Decision(@NotNull UUID codeId, @NotNull @Min(1) Integer firstParagraph,
            @NotNull @Min(1) Integer lastParagraph, @Min(0) Integer startOffset, @Min(0) Integer endOffset,
            @Pattern(regexp = VALENCES) String valence, @Min(0) @Max(100) Integer weight,
            @Size(max = 20) List<@NotNull UUID> basedOn, @Size(max = 4000) String note) {

        public Passage passage() {
            return new Passage(firstParagraph, lastParagraph, startOffset, endOffset);
        }
    }

    public record ConsensusSet(@NotNull @Size(max = 5000) List<@Valid @NotNull Decision> codings) {
    }

    public record NewMemo(@NotNull @Pattern(regexp = "project|code|transcript|passage") String target, UUID codeId,
            @Size(max = 64) String transcriptId, @Min(1) Integer firstParagraph, @Min(1) Integer lastParagraph,
            @NotBlank @Size(max = 200) String title, @NotNull @Size(max = 100_000) String text) {
    }

    public record MemoUpdate(@NotBlank @Size(max = 200) String title, @NotNull @Size(max = 100_000) String text) {
    }

    @Schema(name = "ConstructRating")
    public record Rating(@NotNull @Pattern(regexp = "-2|-1|0|\\+1|\\+2|X|missing",
            message = "must be one of -2, -1, 0, +1, +2, X (mixed) or missing") String rating,
            @Size(max = 10_000) String justification) {
    }

    @Schema(name = "SiteValidation")
    public record Validation(@NotNull @Pattern(regexp = "confirmed|contested") String status,
            @Size(max = 4000) String comment) {
    }
}
