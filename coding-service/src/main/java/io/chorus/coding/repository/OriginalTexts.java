package io.chorus.coding.repository;

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

    public void replace(String transcriptId, String language, List<Map.Entry<Integer, String>> paragraphs) {
        em.createNativeQuery("delete from paragraph_original where transcript_id = ?1").setParameter(1, transcriptId).executeUpdate();
        paragraphs.forEach(p -> put(transcriptId, language, p.getKey(), p.getValue()));
    }

    public void put(String transcriptId, String language, int n, String text) {
        em.createNativeQuery("insert into paragraph_original (transcript_id, n, text, search_config) "
                        + "values (?1, ?2, ?3, coalesce((select cast(c.oid as regconfig) from pg_ts_config c where c.cfgname = ?4), 'simple'::regconfig)) "
                        + "on conflict (transcript_id, n) do update set text = excluded.text")
                .setParameter(1, transcriptId).setParameter(2, n).setParameter(3, text).setParameter(4, configFor(language))
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
