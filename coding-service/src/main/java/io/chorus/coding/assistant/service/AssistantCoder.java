package io.chorus.coding.assistant.service;

import io.chorus.coding.coding.repository.Coding;
import io.chorus.coding.round.repository.CodingRound;
import io.chorus.coding.transcript.repository.ReleasedTranscript;
import io.chorus.coding.round.repository.RoundAssignment;
import io.chorus.coding.coding.service.CodingCommands.NewCoding;
import io.chorus.coding.coding.service.CodingService;
import io.chorus.common.problem.ProblemException;
import io.chorus.common.security.Caller;
import io.chorus.common.security.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The assistant as a coder. A pass over a round's transcripts codes each paragraph with the suggestions scoring at least
 * the threshold, as the coder {@link #CODER}; in an independent round those codings stay blind like any coder's, and the
 * round's agreement compares the assistant with each human. A human accepts a suggestion (it becomes their own coding,
 * naming the suggestion) or rejects it. The assistant never decides a consensus, and a consensus cannot rest on its codings alone.
 */
@ApplicationScoped
@Transactional
public class AssistantCoder {

    public static final String CODER = "assistant:" + SentenceEmbeddings.MODEL + "@" + SentenceEmbeddings.VERSION;

    @Schema(name = "AssistantPass")
    public record Pass(UUID roundId, String coder,
            @Schema(description = "The lowest probability that became a coding; null: each code's own threshold") Double threshold,
            int transcripts, int paragraphs, int codings) {
    }

    @Inject
    Suggestions suggestions;

    @Inject
    CodingService codings;

    @Inject
    Caller caller;

    @Inject
    EmbeddingIndex index;

    public static boolean isAssistant(String coder) {
        return coder != null && coder.startsWith("assistant:");
    }

    /**
     * Codes every paragraph of the round's transcripts (or of one of them) with its most probable codes at or above the
     * threshold (each code's own when null), as a coder of the round. Like a blind coder it never looks at the transcript's
     * codings: the model is the one whose training never saw the transcript, and no passage of it counts as evidence.
     */
    public Pass pass(UUID roundId, String onlyTranscript, Double threshold, int perParagraph) {
        if (!caller.holdsConsortiumWide(Roles.ANALYST, Roles.CONSORTIUM_ADMIN)) {
            throw ProblemException.forbidden("Analysts start an assistant pass");
        }
        CodingRound round = CodingRound.findById(roundId);
        if (round == null) {
            throw ProblemException.notFound("Round '" + roundId + "'");
        }
        if (!round.open()) {
            throw ProblemException.conflict("Round '" + round.name + "' is closed");
        }
        List<String> transcripts = RoundAssignment.<RoundAssignment>list("key.roundId", roundId).stream().map(a -> a.key.transcriptId())
                .distinct().filter(t -> onlyTranscript == null || t.equals(onlyTranscript)).sorted().toList();
        if (onlyTranscript != null && transcripts.isEmpty()) {
            throw ProblemException.invalid("/transcriptId", "Transcript '" + onlyTranscript + "' is not in round '" + round.name + "'");
        }
        int paragraphs = 0;
        int made = 0;
        Suggestions.Scoring scoring = suggestions.scoring(round.codebookId, roundId);
        for (String transcriptId : transcripts) {
            ReleasedTranscript transcript = codings.readableTranscript(transcriptId);
            if (!RoundAssignment.exists(roundId, transcriptId, CODER)) {
                RoundAssignment assignment = new RoundAssignment();
                assignment.key = new RoundAssignment.Key(roundId, transcriptId, CODER);
                assignment.persist();
            }
            for (Coding earlier : Coding.<Coding>list("roundId = ?1 and transcriptId = ?2 and coder = ?3 and suggestionStatus is null",
                    roundId, transcriptId, CODER)) { // a new pass replaces the undecided codings of the last one
                earlier.delete();
                codings.publishRemoved(earlier, "removed");
            }
            Map<Integer, float[]> vectors = suggestions.paragraphVectors(transcript);
            for (ReleasedTranscript.Paragraph paragraph : transcript.paragraphs) {
                if (paragraph.english == null) {
                    continue;
                }
                paragraphs++;
                for (Suggestions.Suggestion suggestion : scoring.answer(transcript.id, paragraph.n, vectors.get(paragraph.n), true, perParagraph)
                        .suggestions()) {
                    if (threshold == null ? !suggestion.applies() : suggestion.score() < threshold) {
                        continue;
                    }
                    Coding coding = codings.createFor(CODER, transcript, new NewCoding(suggestion.codeId(), paragraph.n, paragraph.n, null,
                            null, null, null, roundId), UUID.randomUUID());
                    coding.score = suggestion.score();
                    coding.provenance = provenance(suggestion.reason());
                    made++;
                }
            }
        }
        return new Pass(roundId, CODER, threshold, transcripts.size(), paragraphs, made);
    }

    /** A human takes the assistant's suggestion: it becomes their own coding, outside any round, naming the suggestion. */
    public Coding accept(UUID suggestionId) {
        Coding suggestion = undecided(suggestionId);
        Coding accepted = codings.create(suggestion.transcriptId, new NewCoding(suggestion.codeId, suggestion.firstParagraph,
                suggestion.lastParagraph, suggestion.startOffset, suggestion.endOffset, suggestion.valence, suggestion.weight, null),
                UUID.randomUUID());
        accepted.suggestedBy = suggestion.id;
        accepted.provenance = "accepted from " + suggestion.coder + " (score " + suggestion.score + "): " + suggestion.provenance;
        suggestion.suggestionStatus = "accepted";
        return accepted;
    }

    /**
     * A human takes one of the codes the assistant suggests for a paragraph (among its 50 best): a coding of the paragraph by
     * them, whose provenance names the suggestion, its score and what it rests on.
     */
    public Coding acceptForParagraph(String transcriptId, int paragraph, SuggestionAcceptance acceptance) {
        Suggestions.Suggestion suggestion = suggestions.suggest(transcriptId, paragraph, acceptance.codebookId(), 50).suggestions()
                .stream().filter(s -> s.codeId().equals(acceptance.codeId())).findFirst()
                .orElseThrow(() -> ProblemException.invalid("/codeId", "Code '" + acceptance.codeId()
                        + "' is not among the assistant's suggestions for paragraph " + paragraph));
        Coding accepted = codings.create(transcriptId, new NewCoding(acceptance.codeId(), paragraph, paragraph, null, null,
                acceptance.valence(), null, acceptance.roundId()), UUID.randomUUID());
        accepted.provenance = "accepted suggestion of " + CODER + " (probability " + String.format(java.util.Locale.ROOT, "%.3f",
                suggestion.score()) + "): " + provenance(suggestion.reason());
        return accepted;
    }

    /** Which suggested code a human takes for a paragraph, with the codebook asked (else the phase's) and the round coded in. */
    public record SuggestionAcceptance(@jakarta.validation.constraints.NotNull UUID codeId, UUID codebookId, UUID roundId,
            @jakarta.validation.constraints.Pattern(regexp = io.chorus.coding.coding.service.CodingCommands.VALENCES) String valence) {
    }

    public Coding reject(UUID suggestionId) {
        Coding suggestion = undecided(suggestionId);
        suggestion.suggestionStatus = "rejected";
        return suggestion;
    }

    private Coding undecided(UUID id) {
        Coding suggestion = codings.visible(id);
        if (!isAssistant(suggestion.coder)) {
            throw ProblemException.conflict("Coding '" + id + "' is not an assistant's suggestion");
        }
        if (suggestion.suggestionStatus != null) {
            throw ProblemException.conflict("This suggestion was " + suggestion.suggestionStatus + " already");
        }
        return suggestion;
    }

    private static String provenance(Suggestions.Reason reason) {
        return switch (reason.kind()) {
            case "coded-passage" -> "nearest coded passage " + reason.text() + " of transcript " + reason.transcriptId();
            default -> "nearest " + reason.kind() + ": " + reason.text();
        };
    }
}
