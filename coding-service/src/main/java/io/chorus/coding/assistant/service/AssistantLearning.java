package io.chorus.coding.assistant.service;

import io.chorus.coding.codebook.repository.Code;
import io.chorus.coding.codebook.repository.Codebook;
import io.chorus.coding.coding.service.CodingService;
import io.chorus.coding.round.repository.CodingRound;
import io.chorus.coding.round.repository.RoundAssignment;
import io.chorus.coding.transcript.repository.ReleasedTranscript;
import io.chorus.common.problem.ProblemException;
import io.chorus.common.rest.Page;
import io.chorus.common.security.Caller;
import io.chorus.common.security.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** How good a codebook's assistant is, retraining on demand, and which paragraphs would teach it most. */
@ApplicationScoped
@Transactional
public class AssistantLearning {

    @Schema(name = "AssistantModel", description = "A codebook's learned assistant: when it was trained, whether codings changed since, "
            + "and its cross-validation")
    public record ModelView(UUID codebookId,
            @Schema(enumeration = {"trained", "untrained"}) String state,
            Instant trainedAt,
            @Schema(description = "How long the last training took, cross-validation included") Long trainingMillis,
            @Schema(description = "Codings changed since the training; a retraining follows within seconds") boolean stale,
            @Schema(description = "The sentence-embedding model under it") String embeddingModel,
            CodeClassifier.Evaluation evaluation) {
    }

    @Schema(name = "UncertainParagraph", description = "A paragraph you have not coded yet, with the code the assistant is least sure of")
    public record UncertainParagraph(String transcriptId, int paragraph, String label,
            @Schema(description = "How far the least certain code's probability lies from its threshold, 0 to 1: the smaller, the more "
                    + "your coding of the paragraph teaches the assistant") double margin,
            UUID codeId, String code, double probability, double threshold) {
    }

    @Inject
    AssistantModels models;

    @Inject
    AssistantTrainer trainer;

    @Inject
    Suggestions suggestions;

    @Inject
    CodingService codings;

    @Inject
    Caller caller;

    @Inject
    EntityManager em;

    public ModelView model(UUID codebook) {
        requireConsortiumWide();
        requireCodebook(codebook);
        Optional<AssistantModels.Current> current = models.current(codebook);
        String embedding = SentenceEmbeddings.MODEL + "@" + SentenceEmbeddings.VERSION;
        return current.map(c -> new ModelView(codebook, "trained", c.trainedAt(), c.trainingMillis(), trainer.stale(codebook), embedding,
                c.trained().evaluation())).orElseGet(() -> new ModelView(codebook, "untrained", null, null, trainer.stale(codebook), embedding, null));
    }

    public void retrain(UUID codebook) {
        requireConsortiumWide();
        requireCodebook(codebook);
        trainer.request(codebook);
    }

    /** The paragraphs of a transcript that you have not coded with the codebook, the least certain first. */
    public Page<UncertainParagraph> uncertainIn(String transcriptId, UUID codebookId, int page, int size) {
        ReleasedTranscript transcript = codings.readableTranscript(transcriptId);
        UUID codebook = suggestions.codebookOf(transcript, codebookId);
        Suggestions.Scoring scoring = suggestions.scoring(codebook, null);
        return page(uncertain(scoring, transcript, codebook, null), page, size);
    }

    /** The paragraphs of a round's transcripts (yours, if you code in it) that you have not coded in it, the least certain first. */
    public Page<UncertainParagraph> uncertainInRound(UUID roundId, int page, int size) {
        CodingRound round = CodingRound.findById(roundId);
        if (round == null) {
            throw ProblemException.notFound("Round '" + roundId + "'");
        }
        boolean analyst = caller.holdsConsortiumWide(Roles.ANALYST, Roles.CONSORTIUM_ADMIN);
        List<String> transcripts = RoundAssignment.<RoundAssignment>list("key.roundId", roundId).stream()
                .filter(a -> analyst || a.key.coder().equals(caller.username())).map(a -> a.key.transcriptId()).distinct().sorted().toList();
        if (transcripts.isEmpty() && !analyst) {
            throw ProblemException.notFound("Round '" + roundId + "'");
        }
        Suggestions.Scoring scoring = suggestions.scoring(round.codebookId, null);
        List<UncertainParagraph> all = new ArrayList<>();
        for (String transcriptId : transcripts) {
            all.addAll(uncertain(scoring, codings.readableTranscript(transcriptId), round.codebookId, roundId));
        }
        return page(all, page, size);
    }

    @SuppressWarnings("unchecked")
    private List<UncertainParagraph> uncertain(Suggestions.Scoring scoring, ReleasedTranscript transcript, UUID codebook, UUID round) {
        List<UUID> codes = Code.activeOf(codebook).stream().map(code -> code.id).toList();
        List<Object[]> mine = List.of();
        if (!codes.isEmpty()) {
            jakarta.persistence.Query query = em.createNativeQuery("select first_paragraph, last_paragraph from coding where transcript_id = "
                    + ":transcript and coder = :me and code_id in (:codes)" + (round == null ? "" : " and round_id = :round"))
                    .setParameter("transcript", transcript.id).setParameter("me", caller.username()).setParameter("codes", codes);
            mine = (round == null ? query : query.setParameter("round", round)).getResultList();
        }
        Map<Integer, float[]> vectors = suggestions.paragraphVectors(transcript);
        List<UncertainParagraph> uncertain = new ArrayList<>();
        for (ReleasedTranscript.Paragraph paragraph : transcript.paragraphs) {
            boolean coded = mine.stream().anyMatch(r -> paragraph.n >= ((Number) r[0]).intValue() && paragraph.n <= ((Number) r[1]).intValue());
            if (paragraph.english == null || coded) {
                continue;
            }
            scoring.score(transcript.id, paragraph.n, vectors.get(paragraph.n), false).stream()
                    .min(Comparator.comparingDouble(s -> Math.abs(s.score() - s.threshold())))
                    .ifPresent(s -> uncertain.add(new UncertainParagraph(transcript.id, paragraph.n, paragraph.label,
                            Math.round(Math.abs(s.score() - s.threshold()) * 10_000) / 10_000.0, s.codeId(), s.code(), s.score(), s.threshold())));
        }
        return uncertain;
    }

    private static Page<UncertainParagraph> page(List<UncertainParagraph> all, int page, int size) {
        List<UncertainParagraph> sorted = all.stream().sorted(Comparator.comparingDouble(UncertainParagraph::margin)
                .thenComparing(UncertainParagraph::transcriptId).thenComparingInt(UncertainParagraph::paragraph)).toList();
        int from = (int) Math.min((long) page * size, sorted.size());
        return new Page<>(sorted.subList(from, Math.min(from + size, sorted.size())), page, size, sorted.size());
    }

    /** The per-code counts are consortium-wide: an analyst role held at one site does not show them. */
    private void requireConsortiumWide() {
        if (!caller.holdsConsortiumWide(Roles.ANALYST, Roles.CONSORTIUM_ADMIN)) {
            throw ProblemException.forbidden("Analysts and consortium admins see and retrain the assistant");
        }
    }

    private static void requireCodebook(UUID codebook) {
        if (Codebook.findById(codebook) == null) {
            throw ProblemException.notFound("Codebook '" + codebook + "'");
        }
    }
}
