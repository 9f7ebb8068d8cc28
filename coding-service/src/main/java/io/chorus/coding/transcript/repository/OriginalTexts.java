package io.chorus.coding.transcript.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The original-language paragraphs of released transcripts, kept only to be searched by members of their site
 * (table paragraph_original). Each is indexed with the PostgreSQL text search configuration of its language, or
 * {@code simple} (no stemming) where PostgreSQL has none.
 */
@ApplicationScoped
public class OriginalTexts {

    /** BCP 47 primary language subtags of the configurations PostgreSQL ships. */
    static final Map<String, String> CONFIGS = Map.ofEntries(Map.entry("ar", "arabic"), Map.entry("hy", "armenian"),
            Map.entry("eu", "basque"), Map.entry("ca", "catalan"), Map.entry("da", "danish"), Map.entry("nl", "dutch"),
            Map.entry("en", "english"), Map.entry("fi", "finnish"), Map.entry("fr", "french"), Map.entry("de", "german"),
            Map.entry("el", "greek"), Map.entry("hi", "hindi"), Map.entry("hu", "hungarian"), Map.entry("id", "indonesian"),
            Map.entry("ga", "irish"), Map.entry("it", "italian"), Map.entry("lt", "lithuanian"), Map.entry("ne", "nepali"),
            Map.entry("no", "norwegian"), Map.entry("nb", "norwegian"), Map.entry("nn", "norwegian"), Map.entry("pt", "portuguese"),
            Map.entry("ro", "romanian"), Map.entry("ru", "russian"), Map.entry("sr", "serbian"), Map.entry("es", "spanish"),
            Map.entry("sv", "swedish"), Map.entry("ta", "tamil"), Map.entry("tr", "turkish"), Map.entry("yi", "yiddish"));

    public static final String SIMPLE = "simple";

    @Inject
    EntityManager em;

    /** The configuration for a transcript's language; the row keeps {@code simple} if this PostgreSQL lacks it. */
    public static String configFor(String language) {
        String primary = language == null ? "" : language.toLowerCase(Locale.ROOT).split("-", 2)[0];
        return CONFIGS.getOrDefault(primary, SIMPLE);
    }

    /**
     * Replaces a transcript's originals in one JDBC batch: a native query per paragraph would make Hibernate flush, and
     * dirty-check the transcript's paragraphs, before each one (5,000 paragraphs took longer than the transaction may).
     */
    public void replace(String transcriptId, String language, List<Map.Entry<Integer, String>> paragraphs) {
        String config = configFor(language);
        em.unwrap(org.hibernate.Session.class).doWork(connection -> {
            try (var delete = connection.prepareStatement("delete from paragraph_original where transcript_id = ?")) {
                delete.setString(1, transcriptId);
                delete.executeUpdate();
            }
            try (var insert = connection.prepareStatement(
                    "insert into paragraph_original (transcript_id, n, text, search_config) values (?, ?, ?, coalesce((select cast(c.oid as regconfig) from pg_ts_config c where c.cfgname = ?), 'simple'::regconfig))")) {
                for (Map.Entry<Integer, String> paragraph : paragraphs) {
                    insert.setString(1, transcriptId);
                    insert.setInt(2, paragraph.getKey());
                    insert.setString(3, paragraph.getValue());
                    insert.setString(4, config);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        });
    }

    /** One revised paragraph's original (JDBC, for the reason {@link #replace} gives). */
    public void put(String transcriptId, String language, int n, String text) {
        String config = configFor(language);
        em.unwrap(org.hibernate.Session.class).doWork(connection -> {
            try (var upsert = connection.prepareStatement("insert into paragraph_original (transcript_id, n, text, search_config) "
                    + "values (?, ?, ?, coalesce((select cast(c.oid as regconfig) from pg_ts_config c where c.cfgname = ?), 'simple'::regconfig)) on conflict (transcript_id, n) do update set text = excluded.text")) {
                upsert.setString(1, transcriptId);
                upsert.setInt(2, n);
                upsert.setString(3, text);
                upsert.setString(4, config);
                upsert.executeUpdate();
            }
        });
    }

    /** A study's retention ended: the transcript's originals go, searchable no more. */
    public void removeAll(String transcriptId) {
        em.createNativeQuery("delete from paragraph_original where transcript_id = :transcript").setParameter("transcript", transcriptId)
                .executeUpdate();
    }

    public void remove(String transcriptId, List<Integer> paragraphs) {
        if (!paragraphs.isEmpty()) {
            em.createNativeQuery("delete from paragraph_original where transcript_id = :transcript and n in (:paragraphs)")
                    .setParameter("transcript", transcriptId).setParameter("paragraphs", paragraphs).executeUpdate();
        }
    }

    /** The configurations the originals of these sites are indexed with. */
    @SuppressWarnings("unchecked")
    public List<String> configsAt(java.util.Collection<String> sites) {
        return em.createNativeQuery("select distinct cast(o.search_config as text) from paragraph_original o "
                        + "join released_transcript t on t.id = o.transcript_id where t.site in (:sites) order by 1")
                .setParameter("sites", sites).getResultList();
    }
}
