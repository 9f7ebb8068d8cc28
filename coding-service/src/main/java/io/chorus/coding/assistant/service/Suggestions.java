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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Codes for a passage, ranked by how close its English is, in meaning, to each code of the codebook: to the code's name
 * and definition, its inclusion criteria, its example, and to passages already coded with it (the ten latest the caller
 * may read, consensus or outside a blind round). A code's score is its best similarity; the reason names where it came from.
 */
@ApplicationScoped
@Transactional
public class Suggestions {

    static final int CODED_PER_CODE = 10;

    @Schema(name = "SuggestionReason", description = "What the passage is closest to: the code's definition, inclusion criteria or "
            + "example (with its text), or a passage coded with the code (its label, such as BU 45)")
    public record Reason(String kind, String text, String transcriptId, Integer paragraph) {
    }

    @Schema(name = "CodeSuggestion")
    public record Suggestion(UUID codeId, String code, @Schema(description = "Cosine similarity, -1 to 1") double score, Reason reason) {
    }

    @Schema(name = "CodeSuggestions")
    public record Answer(String transcriptId, int paragraph, UUID codebookId, String model, List<Suggestion> suggestions) {
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
    io.chorus.coding.coding.service.CodingRules rules;

    public Answer suggest(String transcriptId, int paragraph, UUID codebookId, int k) {
        return suggest(transcriptId, paragraph, codebookId, k, null);
    }

    /** @param withoutRound a round whose codings must not inform the suggestion: the blind round the assistant codes in */
    public Answer suggest(String transcriptId, int paragraph, UUID codebookId, int k, UUID withoutRound) {
        ReleasedTranscript transcript = codings.readableTranscript(transcriptId);
        ReleasedTranscript.Paragraph text = transcript.paragraph(paragraph);
        if (text == null || text.english == null) {
            throw ProblemException.notFound("Paragraph " + paragraph + " of transcript '" + transcriptId + "'");
        }
        UUID codebook = codebookId != null ? codebookId : rules.phaseCodebook(transcript);
        if (codebook == null) {
            throw ProblemException.invalid("/codebook", "This transcript's phase has no codebook assigned; name one with codebook=");
        }
        if (Codebook.findById(codebook) == null) {
            throw ProblemException.invalid("/codebook", "No codebook '" + codebook + "'");
        }
        float[] passage = paragraphVector(transcript.id, paragraph, text.english);
        Map<UUID, Code> codes = new HashMap<>();
        for (Code code : Code.activeOf(codebook)) {
            if (code.codable) {
                codes.put(code.id, code);
            }
        }
        Map<UUID, Suggestion> best = new HashMap<>();
        scoreDefinitions(passage, codes, best);
        scoreCodedPassages(passage, codes, transcript.id, paragraph, withoutRound, best);
        List<Suggestion> ranked = best.values().stream().sorted(Comparator.comparingDouble(Suggestion::score).reversed()
                .thenComparing(Suggestion::code)).limit(k).toList();
        return new Answer(transcript.id, paragraph, codebook, SentenceEmbeddings.MODEL + "@" + SentenceEmbeddings.VERSION, ranked);
    }

    private float[] paragraphVector(String transcriptId, int paragraph, String english) {
        List<?> stored = em.createNativeQuery("select vector from paragraph_embedding where transcript_id = ?1 and n = ?2 and text_hash = md5(?3)")
                .setParameter(1, transcriptId).setParameter(2, paragraph).setParameter(3, english).getResultList();
        return stored.isEmpty() ? embeddings.embed(english) : SentenceEmbeddings.vector((byte[]) stored.get(0));
    }

    @SuppressWarnings("unchecked")
    private void scoreDefinitions(float[] passage, Map<UUID, Code> codes, Map<UUID, Suggestion> best) {
        if (codes.isEmpty()) {
            return;
        }
        List<Object[]> rows = em.createNativeQuery("select code_id, kind, vector from code_embedding where code_id in (:codes)")
                .setParameter("codes", codes.keySet()).getResultList();
        Map<UUID, List<String>> embedded = new HashMap<>();
        for (Object[] row : rows) {
            UUID id = (UUID) row[0];
            String kind = (String) row[1];
            embedded.computeIfAbsent(id, x -> new ArrayList<>()).add(kind);
            offer(best, codes.get(id), SentenceEmbeddings.cosine(passage, SentenceEmbeddings.vector((byte[]) row[2])),
                    new Reason(kind, textOf(codes.get(id), kind), null, null));
        }
        for (Code code : codes.values()) {
            if (!embedded.containsKey(code.id)) { // not indexed yet: embed its definition now
                String definition = textOf(code, "definition");
                offer(best, code, SentenceEmbeddings.cosine(passage, embeddings.embed(definition)), new Reason("definition", definition, null, null));
            }
        }
    }

    @SuppressWarnings("unchecked")
    private void scoreCodedPassages(float[] passage, Map<UUID, Code> codes, String transcriptId, int paragraph, UUID withoutRound,
            Map<UUID, Suggestion> best) {
        if (codes.isEmpty()) {
            return;
        }
        StringBuilder sql = new StringBuilder("select code_id, transcript_id, n, label, vector from (select c.code_id, p.transcript_id, p.n, "
                + "p.label, pe.vector, row_number() over (partition by c.code_id order by c.created_at desc, c.id) as latest "
                + "from coding c join transcript_paragraph p on p.transcript_id = c.transcript_id and p.n = c.first_paragraph "
                + "join paragraph_embedding pe on pe.transcript_id = p.transcript_id and pe.n = p.n "
                + "where c.code_id in (:codes) and not (c.transcript_id = :transcript and :paragraph between c.first_paragraph and c.last_paragraph) "
                + "and (c.round_id is null or c.consensus or c.coder = :me");
        List<UUID> blind = codings.blindRounds();
        sql.append(blind.isEmpty() ? ")" : " or c.round_id not in (:blind))");
        if (withoutRound != null) {
            sql.append(" and (c.round_id is null or c.round_id <> :withoutRound)");
        }
        if (!caller.seesAllSites()) {
            sql.append(" and c.site in (:sites)");
        }
        sql.append(") coded where latest <= ").append(CODED_PER_CODE);
        Query query = em.createNativeQuery(sql.toString()).setParameter("codes", codes.keySet()).setParameter("transcript", transcriptId)
                .setParameter("paragraph", paragraph).setParameter("me", caller.username());
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
        for (Object[] row : (List<Object[]>) query.getResultList()) {
            Code code = codes.get((UUID) row[0]);
            offer(best, code, SentenceEmbeddings.cosine(passage, SentenceEmbeddings.vector((byte[]) row[4])),
                    new Reason("coded-passage", (String) row[3], (String) row[1], ((Number) row[2]).intValue()));
        }
    }

    private static void offer(Map<UUID, Suggestion> best, Code code, double score, Reason reason) {
        Suggestion current = best.get(code.id);
        if (current == null || score > current.score()) {
            best.put(code.id, new Suggestion(code.id, code.name, Math.round(score * 10_000) / 10_000.0, reason));
        }
    }

    static String textOf(Code code, String kind) {
        return switch (kind) {
            case "inclusion" -> code.inclusion;
            case "example" -> code.example;
            default -> code.name + (code.definition == null ? "" : ": " + code.definition);
        };
    }
}
