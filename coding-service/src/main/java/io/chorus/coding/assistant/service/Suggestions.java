package io.chorus.coding.assistant.service;

import io.chorus.coding.codebook.repository.Code;
import io.chorus.coding.codebook.repository.Codebook;
import io.chorus.coding.transcript.repository.ReleasedTranscript;
import io.chorus.coding.coding.service.CodingService;
import io.chorus.coding.staff.service.CodingStaff;
import io.chorus.common.problem.ProblemException;
import io.chorus.common.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Comparator;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Optional;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Codes for a passage, each with the probability that the team would give it, from the codebook's learned model (see
 * {@link CodeClassifier}): the code's own classifier where it has enough codings, combined with how close the passage's
 * English is, in meaning, to the code's name and definition, inclusion criteria and example, and to passages already
 * coded with it (the latest the caller may read, consensus or outside a blind round). Before a model is trained the
 * similarities alone give an uncalibrated score. Each suggestion names its evidence.
 */
@ApplicationScoped
@Transactional
public class Suggestions {

    static final int CODED_PER_CODE = 10;
    static final int EVIDENCE_PER_CODE = 3;

    @Schema(name = "SuggestionReason", description = "Evidence for a suggestion: the code's definition, inclusion criteria or example "
            + "(with its text), or a passage coded with the code (its label, such as BU 45), with its similarity to the paragraph")
    public record Reason(String kind, String text, String transcriptId, Integer paragraph,
            @Schema(description = "Cosine similarity to the paragraph, -1 to 1") Double similarity) {
    }

    @Schema(name = "CodeSuggestion")
    public record Suggestion(UUID codeId, String code,
            @Schema(description = "The probability that the code applies, 0 to 1, calibrated on held-out codings once the codebook's model "
                    + "is trained (see calibrated)") double score,
            @Schema(description = "The code's threshold: from this probability on, the assistant applies the code") double threshold,
            @Schema(description = "score >= threshold") boolean applies,
            @Schema(description = "model: the code's own classifier with the similarities; similarity: the code has too few codings yet",
                    enumeration = {"model", "similarity"}) String source,
            @Schema(description = "The strongest piece of evidence") Reason reason,
            @Schema(description = "The code's closest text and the coded passages you may read that are most like the paragraph")
            List<Reason> evidence) {
    }

    @Schema(name = "CodeSuggestions")
    public record Answer(String transcriptId, int paragraph, UUID codebookId,
            @Schema(description = "The sentence-embedding model") String model,
            @Schema(description = "When the codebook's model was trained; null before its first training") Instant trainedAt,
            @Schema(description = "Whether the scores are probabilities calibrated on held-out codings") boolean calibrated,
            List<Suggestion> suggestions) {
    }

    /** A code's text: its definition, inclusion criteria or example, embedded. */
    private record Text(String kind, String text, float[] vector) {
    }

    /** A passage coded with a code that the caller may read. */
    private record Coded(UUID codeId, String transcriptId, int first, int last, String label, float[] vector) {
    }

    @Inject
    EntityManager em;

    @Inject
    Caller caller;

    @Inject
    CodingService codings;

    @Inject
    SentenceEmbeddings embeddings;

    @Inject
    AssistantModels models;

    @Inject
    io.chorus.coding.coding.service.CodingRules rules;

    public Answer suggest(String transcriptId, int paragraph, UUID codebookId, int k) {
        ReleasedTranscript transcript = codings.readableTranscript(transcriptId);
        ReleasedTranscript.Paragraph text = transcript.paragraph(paragraph);
        if (text == null || text.english == null) {
            throw ProblemException.notFound("Paragraph " + paragraph + " of transcript '" + transcriptId + "'");
        }
        Scoring scoring = scoring(codebookOf(transcript, codebookId), null);
        return scoring.answer(transcript.id, paragraph, paragraphVector(transcript.id, paragraph, text.english), false, k);
    }

    /** The codebook asked for, else the one of the transcript's phase. */
    public UUID codebookOf(ReleasedTranscript transcript, UUID codebookId) {
        UUID codebook = codebookId != null ? codebookId : rules.phaseCodebook(transcript);
        if (codebook == null) {
            throw ProblemException.invalid("/codebook", "This transcript's phase has no codebook assigned; name one with codebook=");
        }
        if (Codebook.findById(codebook) == null) {
            throw ProblemException.invalid("/codebook", "No codebook '" + codebook + "'");
        }
        return codebook;
    }

    /**
     * Everything scoring a codebook's codes needs, read once for many paragraphs.
     *
     * @param withoutRound a round whose codings must not inform the scores: the blind round the assistant codes in
     */
    public Scoring scoring(UUID codebook, UUID withoutRound) {
        Map<UUID, Code> codes = new LinkedHashMap<>();
        for (Code code : Code.activeOf(codebook)) {
            if (code.codable) {
                codes.put(code.id, code);
            }
        }
        Optional<AssistantModels.Current> current = models.current(codebook);
        CodeClassifier.Trained model = current.map(AssistantModels.Current::trained).orElseGet(() -> CodeClassifier.train(codes.values()
                .stream().map(code -> new CodeClassifier.CodeInfo(code.id, code.name, List.of(), 0)).toList(), List.of(),
                CodeClassifier.Settings.DEFAULT));
        return new Scoring(codebook, codes, texts(codes), codedPassages(codes, withoutRound), model,
                current.map(AssistantModels.Current::trainedAt).orElse(null));
    }

    /** The stored vectors of a transcript's English paragraphs that are current; the others embedded now. */
    @SuppressWarnings("unchecked")
    public Map<Integer, float[]> paragraphVectors(ReleasedTranscript transcript) {
        Map<Integer, float[]> vectors = new HashMap<>();
        for (Object[] row : (List<Object[]>) em.createNativeQuery("select e.n, e.vector from paragraph_embedding e join transcript_paragraph p "
                + "on p.transcript_id = e.transcript_id and p.n = e.n and e.text_hash = md5(p.english) where e.transcript_id = ?1")
                .setParameter(1, transcript.id).getResultList()) {
            vectors.put(((Number) row[0]).intValue(), SentenceEmbeddings.vector((byte[]) row[1]));
        }
        List<ReleasedTranscript.Paragraph> missing = transcript.paragraphs.stream()
                .filter(p -> p.english != null && !vectors.containsKey(p.n)).toList();
        if (!missing.isEmpty()) {
            List<float[]> embedded = embeddings.embedAll(missing.stream().map(p -> p.english).toList());
            for (int i = 0; i < missing.size(); i++) {
                vectors.put(missing.get(i).n, embedded.get(i));
            }
        }
        return vectors;
    }

    private float[] paragraphVector(String transcriptId, int paragraph, String english) {
        List<?> stored = em.createNativeQuery("select vector from paragraph_embedding where transcript_id = ?1 and n = ?2 and text_hash = md5(?3)")
                .setParameter(1, transcriptId).setParameter(2, paragraph).setParameter(3, english).getResultList();
        return stored.isEmpty() ? embeddings.embed(english) : SentenceEmbeddings.vector((byte[]) stored.get(0));
    }

    @SuppressWarnings("unchecked")
    private Map<UUID, List<Text>> texts(Map<UUID, Code> codes) {
        Map<UUID, List<Text>> texts = new HashMap<>();
        if (codes.isEmpty()) {
            return texts;
        }
        List<Object[]> rows = em.createNativeQuery("select code_id, kind, vector from code_embedding where code_id in (:codes)")
                .setParameter("codes", codes.keySet()).getResultList();
        for (Object[] row : rows) {
            UUID id = (UUID) row[0];
            String kind = (String) row[1];
            texts.computeIfAbsent(id, x -> new ArrayList<>()).add(new Text(kind, textOf(codes.get(id), kind),
                    SentenceEmbeddings.vector((byte[]) row[2])));
        }
        for (Code code : codes.values()) {
            if (!texts.containsKey(code.id)) { // not indexed yet: embed its definition now
                String definition = textOf(code, "definition");
                texts.put(code.id, List.of(new Text("definition", definition, embeddings.embed(definition))));
            }
        }
        return texts;
    }

    /** Per code, the latest passages coded with it that the caller may read: twice as many as a paragraph uses, for those it must skip. */
    @SuppressWarnings("unchecked")
    private List<Coded> codedPassages(Map<UUID, Code> codes, UUID withoutRound) {
        if (codes.isEmpty()) {
            return List.of();
        }
        StringBuilder sql = new StringBuilder("select x.code_id, x.transcript_id, x.first_paragraph, x.last_paragraph, p.label, pe.vector "
                + "from code k cross join lateral (select c.code_id, c.transcript_id, c.first_paragraph, c.last_paragraph, c.created_at, c.id "
                + "from coding c where c.code_id = k.id and c.coder not like 'assistant:%' and (c.round_id is null or c.consensus or c.coder = :me");
        List<UUID> blind = codings.blindRounds();
        sql.append(blind.isEmpty() ? ")" : " or c.round_id not in (:blind))");
        if (withoutRound != null) {
            sql.append(" and (c.round_id is null or c.round_id <> :withoutRound)");
        }
        if (!caller.seesAllSites()) {
            sql.append(" and c.site in (:sites)");
        }
        sql.append(" order by c.created_at desc, c.id desc limit ").append(2 * CODED_PER_CODE).append(") x join transcript_paragraph p "
                + "on p.transcript_id = x.transcript_id and p.n = x.first_paragraph join paragraph_embedding pe on pe.transcript_id = p.transcript_id "
                + "and pe.n = p.n where k.id in (:codes) order by x.code_id, x.created_at desc, x.id desc");
        Query query = em.createNativeQuery(sql.toString()).setParameter("codes", codes.keySet()).setParameter("me", caller.username());
        if (!blind.isEmpty()) {
            query.setParameter("blind", blind);
        }
        if (withoutRound != null) {
            query.setParameter("withoutRound", withoutRound);
        }
        if (!caller.seesAllSites()) {
            var sites = caller.sitesWhere(CodingStaff.AT_SITE);
            query.setParameter("sites", sites.isEmpty() ? List.of("-") : sites);
        }
        List<Coded> coded = new ArrayList<>();
        for (Object[] row : (List<Object[]>) query.getResultList()) {
            coded.add(new Coded((UUID) row[0], (String) row[1], ((Number) row[2]).intValue(), ((Number) row[3]).intValue(), (String) row[4],
                    SentenceEmbeddings.vector((byte[]) row[5])));
        }
        return coded;
    }

    /** A codebook's codes, texts, model and readable coded passages: scores any paragraph. */
    public static final class Scoring {
        private final UUID codebook;
        private final Map<UUID, Code> codes;
        private final Map<UUID, List<Text>> texts;
        private final List<Coded> coded;
        private final CodeClassifier.Trained model;
        private final Instant trainedAt;

        private Scoring(UUID codebook, Map<UUID, Code> codes, Map<UUID, List<Text>> texts, List<Coded> coded, CodeClassifier.Trained model,
                Instant trainedAt) {
            this.codebook = codebook;
            this.codes = codes;
            this.texts = texts;
            this.coded = coded;
            this.model = model;
            this.trainedAt = trainedAt;
        }

        public Answer answer(String transcriptId, int paragraph, float[] vector, boolean blindToTranscript, int k) {
            List<Suggestion> ranked = score(transcriptId, paragraph, vector, blindToTranscript).stream()
                    .sorted(Comparator.comparingDouble(Suggestion::score).reversed().thenComparing(Suggestion::code)).limit(k).toList();
            return new Answer(transcriptId, paragraph, codebook, SentenceEmbeddings.MODEL + "@" + SentenceEmbeddings.VERSION, trainedAt,
                    model.evaluation().calibrated(), ranked);
        }

        /**
         * Every code's suggestion for a paragraph, unordered. A coded passage of the paragraph itself never counts; with
         * {@code blindToTranscript} no coding of its transcript counts, and the model is the one that never saw the transcript.
         */
        public List<Suggestion> score(String transcriptId, int paragraph, float[] vector, boolean blindToTranscript) {
            Map<UUID, List<Reason>> passages = new HashMap<>();
            Map<UUID, Integer> used = new HashMap<>();
            for (Coded passage : coded) {
                boolean own = passage.transcriptId().equals(transcriptId)
                        && (blindToTranscript || (paragraph >= passage.first() && paragraph <= passage.last()));
                if (own || used.getOrDefault(passage.codeId(), 0) >= CODED_PER_CODE) {
                    continue;
                }
                used.merge(passage.codeId(), 1, Integer::sum);
                passages.computeIfAbsent(passage.codeId(), id -> new ArrayList<>()).add(new Reason("coded-passage", passage.label(),
                        passage.transcriptId(), passage.first(), rounded(SentenceEmbeddings.cosine(vector, passage.vector()))));
            }
            String heldOut = blindToTranscript ? transcriptId : null;
            List<Suggestion> suggestions = new ArrayList<>();
            for (Code code : codes.values()) {
                Reason definition = null;
                for (Text text : texts.getOrDefault(code.id, List.of())) {
                    double similarity = SentenceEmbeddings.cosine(vector, text.vector());
                    if (definition == null || similarity > definition.similarity()) {
                        definition = new Reason(text.kind(), text.text(), null, null, rounded(similarity));
                    }
                }
                List<Reason> nearest = passages.getOrDefault(code.id, List.of()).stream()
                        .sorted(Comparator.comparingDouble(Reason::similarity).reversed()).toList();
                int index = model.indexOf(code.id);
                double probability = model.probability(index, vector, definition == null ? 0 : definition.similarity(),
                        nearest.isEmpty() ? Double.NaN : nearest.get(0).similarity(), heldOut);
                List<Reason> evidence = new ArrayList<>();
                if (definition != null) {
                    evidence.add(definition);
                }
                evidence.addAll(nearest.stream().limit(EVIDENCE_PER_CODE).toList());
                Reason strongest = evidence.stream().max(Comparator.comparingDouble(Reason::similarity)).orElse(null);
                double threshold = model.thresholdOf(index);
                suggestions.add(new Suggestion(code.id, code.name, rounded(probability), rounded(threshold), probability >= threshold,
                        model.weightsOf(index, heldOut) == null ? "similarity" : "model", strongest, evidence));
            }
            return suggestions;
        }
    }

    private static double rounded(double value) {
        return Math.round(value * 10_000) / 10_000.0;
    }

    static String textOf(Code code, String kind) {
        return switch (kind) {
            case "inclusion" -> code.inclusion;
            case "example" -> code.example;
            default -> code.name + (code.definition == null ? "" : ": " + code.definition);
        };
    }
}
