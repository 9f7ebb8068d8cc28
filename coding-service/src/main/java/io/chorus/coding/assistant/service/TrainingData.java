package io.chorus.coding.assistant.service;

import io.chorus.coding.assistant.service.CodeClassifier.CodeInfo;
import io.chorus.coding.assistant.service.CodeClassifier.Example;
import io.chorus.coding.codebook.repository.Code;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * What the assistant learns from: human codings (never the assistant's own) of released English paragraphs that have a
 * vector, outside open blind rounds (a coder's blind work stays theirs until the round closes) or agreed in a consensus.
 * A paragraph weighs 3 for a code agreed in a consensus, 2 where two or more coders gave it the code, else 1.
 */
@ApplicationScoped
public class TrainingData {

    /** Human codings that may teach the model; alias c. */
    static final String LEARNABLE = "c.coder not like 'assistant:%' and (c.round_id is null or c.consensus or c.round_id not in "
            + "(select r.id from coding_round r where r.independent and r.status = 'open'))";

    public record Loaded(List<CodeInfo> codes, List<Example> examples) {
    }

    @Inject
    EntityManager em;

    /**
     * Per codebook with learnable codings, what its model would be built from now: the codings (count, latest change),
     * how many of them have a vector and which (a revision re-embeds), and the codes' texts. A model whose fingerprint
     * differs is stale.
     */
    @SuppressWarnings("unchecked")
    public Map<UUID, String> fingerprints() {
        Map<UUID, String> codeTexts = new HashMap<>();
        for (Object[] row : (List<Object[]>) em.createNativeQuery("select k.codebook_id, md5(string_agg(e.kind || e.text_hash, ',' "
                + "order by e.code_id, e.kind)) from code_embedding e join code k on k.id = e.code_id where k.codable and k.retired_in is null "
                + "group by k.codebook_id").getResultList()) {
            codeTexts.put((UUID) row[0], (String) row[1]);
        }
        Map<UUID, String> fingerprints = new LinkedHashMap<>();
        for (Object[] row : (List<Object[]>) em.createNativeQuery("select k.codebook_id, count(*), max(c.updated_at), count(pe.n), "
                + "coalesce(sum(hashtext(pe.text_hash)), 0) "
                + "from coding c join code k on k.id = c.code_id left join paragraph_embedding pe on pe.transcript_id = c.transcript_id "
                + "and pe.n = c.first_paragraph where " + LEARNABLE + " group by k.codebook_id order by k.codebook_id").getResultList()) {
            Object latest = row[2];
            Instant changed = latest instanceof Timestamp timestamp ? timestamp.toInstant() : (Instant) latest;
            fingerprints.put((UUID) row[0], row[1] + "/" + changed.toEpochMilli() + "/" + row[3] + "/" + row[4] + "/" + codeTexts.get((UUID) row[0]));
        }
        return fingerprints;
    }

    /** The codebook's active codable codes with their texts' vectors, and up to {@code limit} coded paragraphs, latest first. */
    @SuppressWarnings("unchecked")
    public Loaded load(UUID codebook, int limit) {
        Map<UUID, Code> codes = new LinkedHashMap<>();
        Code.activeOf(codebook).stream().filter(code -> code.codable).forEach(code -> codes.put(code.id, code));
        Map<UUID, List<float[]>> descriptions = new HashMap<>();
        if (!codes.isEmpty()) {
            for (Object[] row : (List<Object[]>) em.createNativeQuery("select code_id, vector from code_embedding where code_id in (:codes)")
                    .setParameter("codes", codes.keySet()).getResultList()) {
                descriptions.computeIfAbsent((UUID) row[0], id -> new ArrayList<>()).add(SentenceEmbeddings.vector((byte[]) row[1]));
            }
        }
        List<Object[]> rows = codes.isEmpty() ? List.of() : em.createNativeQuery("select c.transcript_id, pe.n, c.code_id, c.consensus, "
                        + "c.coder, c.created_at, pe.vector from coding c join paragraph_embedding pe on pe.transcript_id = c.transcript_id "
                        + "and pe.n between c.first_paragraph and c.last_paragraph join transcript_paragraph p on p.transcript_id = pe.transcript_id "
                        + "and p.n = pe.n and pe.text_hash = md5(p.english) where c.code_id in (:codes) and " + LEARNABLE
                        + " order by c.created_at desc, c.id")
                .setParameter("codes", codes.keySet()).getResultList();
        Map<String, Paragraph> paragraphs = new LinkedHashMap<>();
        Map<UUID, Integer> codings = new HashMap<>();
        for (Object[] row : rows) {
            String key = row[0] + "#" + row[1];
            Paragraph paragraph = paragraphs.get(key);
            if (paragraph == null) {
                if (paragraphs.size() == limit) {
                    continue;
                }
                Object created = row[5];
                long codedAt = (created instanceof Timestamp timestamp ? timestamp.toInstant() : (Instant) created).toEpochMilli();
                paragraph = new Paragraph((String) row[0], ((Number) row[1]).intValue(), (byte[]) row[6], codedAt);
                paragraphs.put(key, paragraph);
            }
            UUID code = (UUID) row[2];
            paragraph.coders.computeIfAbsent(code, c -> new HashSet<>()).add((String) row[4]);
            if ((Boolean) row[3]) {
                paragraph.consensus.add(code);
            }
            codings.merge(code, 1, Integer::sum);
        }
        List<CodeInfo> infos = codes.values().stream().map(code -> new CodeInfo(code.id, code.name,
                descriptions.getOrDefault(code.id, List.of()), codings.getOrDefault(code.id, 0))).toList();
        return new Loaded(infos, paragraphs.values().stream().map(Paragraph::example).toList());
    }

    private static final class Paragraph {
        final String transcriptId;
        final int n;
        final byte[] vector;
        final long codedAt;
        final Map<UUID, Set<String>> coders = new LinkedHashMap<>();
        final Set<UUID> consensus = new HashSet<>();

        Paragraph(String transcriptId, int n, byte[] vector, long codedAt) {
            this.transcriptId = transcriptId;
            this.n = n;
            this.vector = vector;
            this.codedAt = codedAt;
        }

        Example example() {
            Map<UUID, Integer> weights = new LinkedHashMap<>();
            coders.forEach((code, who) -> weights.put(code, consensus.contains(code) ? 3 : who.size() > 1 ? 2 : 1));
            return new Example(transcriptId, n, SentenceEmbeddings.vector(vector), weights, codedAt);
        }
    }
}
