package io.chorus.coding.search.service;

import io.chorus.coding.search.service.SearchViews.OriginalSearch;
import io.chorus.common.rest.Page;
import io.chorus.common.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** Every search in original-language text, recorded in the transaction that answers it (table original_search_audit). */
@ApplicationScoped
@Transactional
public class OriginalSearchAudit {

    @Inject
    EntityManager em;

    /**
     * A withdrawal (or a study's retention end) reached the transcript: the queries that found it may quote its words, so
     * they read '[withdrawn]'; who searched, when, where and what it found stay (the only change the table allows).
     */
    public int redactQueriesThatFound(String transcriptId) {
        return em.createNativeQuery("update original_search_audit set query = '[withdrawn]' where query <> '[withdrawn]' "
                + "and strpos(',' || transcripts || ',', ',' || :transcript || ',') > 0").setParameter("transcript", transcriptId)
                .executeUpdate();
    }

    void record(Caller caller, Collection<String> sites, String query, long hits, List<String> transcripts) {
        em.createNativeQuery("insert into original_search_audit (id, searched_at, subject, username, sites, query, hits, transcripts) "
                        + "values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)")
                .setParameter(1, UUID.randomUUID()).setParameter(2, Timestamp.from(Instant.now())).setParameter(3, caller.subject())
                .setParameter(4, caller.username()).setParameter(5, String.join(",", new java.util.TreeSet<>(sites)))
                .setParameter(6, query).setParameter(7, (int) Math.min(Integer.MAX_VALUE, hits))
                .setParameter(8, String.join(",", transcripts)).executeUpdate();
    }

    /** Newest first; filtered by a site searched, or by the searcher's username. */
    public Page<OriginalSearch> list(String site, String username, int page, int size) {
        String where = " where (cast(:site as text) is null or ',' || sites || ',' like '%,' || cast(:site as text) || ',%')"
                + " and (cast(:username as text) is null or username = cast(:username as text))";
        Query count = em.createNativeQuery("select count(*) from original_search_audit" + where);
        Query select = em.createNativeQuery("select id, searched_at, username, subject, sites, query, hits, transcripts "
                + "from original_search_audit" + where + " order by searched_at desc, id limit :limit offset :offset");
        for (Query query : List.of(count, select)) {
            query.setParameter("site", site).setParameter("username", username);
        }
        select.setParameter("limit", size).setParameter("offset", page * size);
        List<OriginalSearch> items = ((List<?>) select.getResultList()).stream().map(Object[].class::cast)
                .map(row -> new OriginalSearch((UUID) row[0], instant(row[1]), (String) row[2], (String) row[3], split(row[4]),
                        (String) row[5], ((Number) row[6]).longValue(), split(row[7])))
                .toList();
        return new Page<>(items, page, size, ((Number) count.getSingleResult()).longValue());
    }

    private static Instant instant(Object value) {
        return value instanceof Timestamp timestamp ? timestamp.toInstant() : value instanceof Instant instant ? instant
                : ((java.time.OffsetDateTime) value).toInstant();
    }

    private static List<String> split(Object value) {
        String text = (String) value;
        return text == null || text.isEmpty() ? List.of() : Arrays.asList(text.split(","));
    }
}
