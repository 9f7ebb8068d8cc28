package io.chorus.coding.assistant.service;

import io.chorus.common.jobs.JobRunners;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Keeps the embeddings current: a background job embeds released English paragraphs and the active codes' definitions,
 * inclusion criteria and examples that have no vector yet or whose text changed since (md5 of the text). Instances
 * share the work: each takes a batch of paragraphs with FOR UPDATE SKIP LOCKED, and an upsert makes a repeat harmless.
 * It runs outside the event consumers, so a transcript's release reaches the coding tables at once and its vectors a
 * few seconds later.
 */
@ApplicationScoped
public class EmbeddingIndex {

    static final int BATCH = 100;
    static final Duration FIRST_PASS_AFTER = Duration.ofSeconds(10);

    @Inject
    SentenceEmbeddings embeddings;

    @Inject
    EntityManager em;

    @ConfigProperty(name = "chorus.assistant.index-interval", defaultValue = "2s")
    Duration interval;

    @ConfigProperty(name = "chorus.assistant.enabled", defaultValue = "true")
    boolean enabled;

    private ScheduledExecutorService executor;

    void start(@Observes StartupEvent startup) {
        if (enabled) {
            // the first pass waits for the service to be up: loading the model takes 2 s of CPU a starting service needs
            executor = JobRunners.every("embedding-index", FIRST_PASS_AFTER, interval, this::indexPending);
        }
    }

    void stop(@Observes ShutdownEvent shutdown) {
        if (executor != null) {
            executor.shutdownNow();
        }
    }

    /** Embeds everything pending; returns how many vectors it wrote. */
    public int indexPending() {
        int written = 0;
        int batch;
        do {
            batch = QuarkusTransaction.requiringNew().call(this::paragraphs);
            written += batch;
        } while (batch == BATCH);
        do {
            batch = QuarkusTransaction.requiringNew().call(this::codes);
            written += batch;
        } while (batch == BATCH);
        return written;
    }

    @SuppressWarnings("unchecked")
    private int paragraphs() {
        List<Object[]> pending = em.createNativeQuery("select p.transcript_id, p.n, p.english, md5(p.english) from transcript_paragraph p "
                        + "left join paragraph_embedding e on e.transcript_id = p.transcript_id and e.n = p.n "
                        + "where p.english is not null and p.english <> '[withdrawn]' and (e.transcript_id is null or e.text_hash <> md5(p.english)) "
                        + "order by p.transcript_id, p.n limit " + BATCH + " for update of p skip locked")
                .getResultList();
        if (pending.isEmpty()) {
            return 0;
        }
        List<float[]> vectors = embeddings.embedAll(pending.stream().map(row -> (String) row[2]).toList());
        for (int i = 0; i < pending.size(); i++) {
            Object[] row = pending.get(i);
            em.createNativeQuery("insert into paragraph_embedding (transcript_id, n, model, text_hash, vector) values (?1, ?2, ?3, ?4, ?5) "
                            + "on conflict (transcript_id, n) do update set model = excluded.model, text_hash = excluded.text_hash, "
                            + "vector = excluded.vector")
                    .setParameter(1, row[0]).setParameter(2, row[1]).setParameter(3, SentenceEmbeddings.MODEL).setParameter(4, row[3])
                    .setParameter(5, SentenceEmbeddings.bytes(vectors.get(i))).executeUpdate();
        }
        return pending.size();
    }

    @SuppressWarnings("unchecked")
    private int codes() {
        List<Object[]> pending = em.createNativeQuery("select c.id, c.kind, c.text, md5(c.text) from ("
                        + " select id, 'definition' as kind, name || coalesce(': ' || definition, '') as text from code"
                        + "   where codable and retired_in is null"
                        + " union all select id, 'inclusion', inclusion from code where codable and retired_in is null and inclusion is not null"
                        + " union all select id, 'example', example from code where codable and retired_in is null and example is not null"
                        + ") c left join code_embedding e on e.code_id = c.id and e.kind = c.kind "
                        + "where e.code_id is null or e.text_hash <> md5(c.text) order by c.id, c.kind limit " + BATCH)
                .getResultList();
        for (Object[] row : pending) {
            em.createNativeQuery("insert into code_embedding (code_id, kind, model, text_hash, vector) values (?1, ?2, ?3, ?4, ?5) "
                            + "on conflict (code_id, kind) do update set model = excluded.model, text_hash = excluded.text_hash, "
                            + "vector = excluded.vector")
                    .setParameter(1, row[0]).setParameter(2, row[1]).setParameter(3, SentenceEmbeddings.MODEL).setParameter(4, row[3])
                    .setParameter(5, SentenceEmbeddings.bytes(embeddings.embed((String) row[2]))).executeUpdate();
        }
        return pending.size();
    }

    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "EmbeddingIndexStatus",
            description = "How far the background job has embedded what there is to embed")
    public record Status(String model, long paragraphs, long paragraphsEmbedded, long codes, long codesEmbedded) {
    }

    @jakarta.transaction.Transactional
    public Status status() {
        Object[] counts = (Object[]) em.createNativeQuery("select "
                + "(select count(*) from transcript_paragraph where english is not null and english <> '[withdrawn]'), "
                + "(select count(*) from paragraph_embedding e join transcript_paragraph p on p.transcript_id = e.transcript_id "
                + "  and p.n = e.n and e.text_hash = md5(p.english)), "
                + "(select count(*) from code where codable and retired_in is null), "
                + "(select count(distinct e.code_id) from code_embedding e join code c on c.id = e.code_id where c.codable and c.retired_in is null)")
                .getSingleResult();
        return new Status(SentenceEmbeddings.MODEL + "@" + SentenceEmbeddings.VERSION, ((Number) counts[0]).longValue(),
                ((Number) counts[1]).longValue(), ((Number) counts[2]).longValue(), ((Number) counts[3]).longValue());
    }

    /** Withdrawn words leave the index with the text. */
    public void forget(String transcriptId, List<Integer> paragraphs) {
        if (!paragraphs.isEmpty()) {
            em.createNativeQuery("delete from paragraph_embedding where transcript_id = :transcript and n in (:paragraphs)")
                    .setParameter("transcript", transcriptId).setParameter("paragraphs", paragraphs).executeUpdate();
        }
    }
}
