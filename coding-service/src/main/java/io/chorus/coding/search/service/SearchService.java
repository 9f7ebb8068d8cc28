package io.chorus.coding.search.service;

import io.chorus.coding.staff.service.CodingStaff;
import io.chorus.coding.coding.service.CodingService;

import io.chorus.coding.transcript.repository.OriginalTexts;
import io.chorus.coding.search.service.SearchViews.Filter;
import io.chorus.coding.search.service.SearchViews.SearchHit;
import io.chorus.coding.search.service.SearchViews.SearchMatch;
import io.chorus.coding.search.service.SearchViews.Text;
import io.chorus.common.problem.Problem;
import io.chorus.common.problem.ProblemException;
import io.chorus.common.rest.Page;
import io.chorus.common.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Full-text search over released transcripts (PostgreSQL text search, GIN-indexed): the English of every transcript the
 * caller may read, or the originals of the caller's own sites, each search of those audited.
 */
@ApplicationScoped
@Transactional
public class SearchService {

    static final String ENGLISH = "english";
    private static final char START = '\u0001';
    private static final char STOP = '\u0002';
    private static final String HEADLINE = "HighlightAll=true, StartSel=" + START + ", StopSel=" + STOP;
    private static final int CONTEXT = 60;

    @Inject
    EntityManager em;

    @Inject
    Caller caller;

    @Inject
    CodingService codings;

    @Inject
    OriginalTexts originals;

    @Inject
    OriginalSearchAudit audit;

    public Page<SearchHit> search(String q, Filter filter, int page, int size) {
        SearchQuery query = SearchQuery.parse(q);
        Prepared prepared = prepare(query, filter);
        long total = prepared.count();
        List<SearchHit> hits = prepared.hits(size, page * size);
        prepared.audit(total, hits);
        return new Page<>(hits, page, size, total);
    }

    /** Every hit up to {@code limit}, best first, with the total: what code-all-hits codes. Audited like a search. */
    public Page<SearchHit> all(SearchQuery query, Filter filter, int limit) {
        Prepared prepared = prepare(query, filter);
        long total = prepared.count();
        List<SearchHit> hits = total > limit ? List.of() : prepared.hits(limit, 0);
        prepared.audit(total, hits);
        return new Page<>(hits, 0, limit, total);
    }

    private Prepared prepare(SearchQuery query, Filter filter) {
        boolean original = filter.text() == Text.original;
        Set<String> sites = original ? originalSites(filter.site()) : readableSites(filter.site());
        Map<String, Object> params = new LinkedHashMap<>();
        List<String> configs = original && !sites.isEmpty() ? originals.configsAt(sites) : List.of();
        String from = original ? originalFrom(query, configs, params) : englishFrom(query, params);
        StringBuilder where = new StringBuilder(" where ").append(original ? matchOriginals(configs) : "p.english_search @@ q.e");
        if (sites != null) {
            where.append(" and t.site in (:sites)");
            params.put("sites", sites.isEmpty() ? Set.of("-") : sites);
        }
        filters(where, params, filter);
        return new Prepared(query, filter, sites, configs, from + where, params);
    }

    private final class Prepared {
        private final SearchQuery query;
        private final Filter filter;
        private final Set<String> sites;
        private final List<String> configs;
        private final String fromWhere;
        private final Map<String, Object> params;

        Prepared(SearchQuery query, Filter filter, Set<String> sites, List<String> configs, String fromWhere, Map<String, Object> params) {
            this.query = query;
            this.filter = filter;
            this.sites = sites;
            this.configs = configs;
            this.fromWhere = fromWhere;
            this.params = params;
        }

        boolean original() {
            return filter.text() == Text.original;
        }

        long count() {
            Query count = em.createNativeQuery("select count(*) " + fromWhere);
            params.forEach(count::setParameter);
            return ((Number) count.getSingleResult()).longValue();
        }

        List<SearchHit> hits(int limit, int offset) {
            String vector = original() ? "o.search" : "p.english_search";
            String queryOfRow = original() ? originalQueryOfRow(configs) : "q.e";
            String text = original() ? "o.text" : "p.english";
            String config = original() ? "o.search_config" : "'english'::regconfig";
            Query select = em.createNativeQuery("select p.transcript_id, t.site, t.external_id, t.language, s.study, s.phase, p.n, "
                    + "p.label, p.speaker, cp.role, ts_rank_cd(" + vector + ", " + queryOfRow + ") as score, "
                    + "ts_headline(" + config + ", " + text + ", " + queryOfRow + ", :headline) " + fromWhere
                    + " order by score desc, p.transcript_id, p.n limit :limit offset :offset");
            params.forEach(select::setParameter);
            select.setParameter("headline", HEADLINE).setParameter("limit", limit).setParameter("offset", offset);
            List<SearchHit> hits = new ArrayList<>();
            for (Object row : select.getResultList()) {
                hits.add(hit((Object[]) row, original() ? Text.original : Text.english));
            }
            return hits;
        }

        void audit(long total, List<SearchHit> hits) {
            if (original()) {
                audit.record(caller, sites, query.text() + describe(filter), total,
                        hits.stream().map(SearchHit::transcriptId).distinct().toList());
            }
        }
    }

    static final int MAX_CANDIDATES = 50_000;

    /**
     * Paragraphs whose English means most nearly the same as the vector (cosine of sentence embeddings), with the search's
     * filters and scope; {@code except} leaves out the passage the vector came from. Exact: every candidate SQL selects is
     * scored in Java, so the filters, not an approximate index, bound the work.
     */
    public Page<SearchHit> similar(float[] vector, Filter filter, String exceptTranscript, Integer exceptParagraph, int page, int size) {
        if (filter.text() == Text.original) {
            throw ProblemException.invalid("/text", "Similar passages are found in the English: the model embeds English only");
        }
        Set<String> sites = readableSites(filter.site());
        Map<String, Object> params = new LinkedHashMap<>();
        StringBuilder where = new StringBuilder(" where true");
        if (sites != null) {
            where.append(" and t.site in (:sites)");
            params.put("sites", sites.isEmpty() ? Set.of("-") : sites);
        }
        if (exceptTranscript != null) {
            where.append(" and not (p.transcript_id = :exceptTranscript and p.n = :exceptParagraph)");
            params.put("exceptTranscript", exceptTranscript);
            params.put("exceptParagraph", exceptParagraph);
        }
        filters(where, params, filter);
        Query select = em.createNativeQuery("select p.transcript_id, t.site, t.external_id, t.language, s.study, s.phase, p.n, p.label, "
                + "p.speaker, cp.role, pe.vector, p.english from transcript_paragraph p "
                + "join paragraph_embedding pe on pe.transcript_id = p.transcript_id and pe.n = p.n "
                + "join released_transcript t on t.id = p.transcript_id " + joins() + where + " limit " + (MAX_CANDIDATES + 1));
        params.forEach(select::setParameter);
        List<?> rows = select.getResultList();
        if (rows.size() > MAX_CANDIDATES) {
            throw ProblemException.invalid("/site", "More than " + MAX_CANDIDATES + " paragraphs to compare; narrow the search with a "
                    + "filter (site, study, phase, role, participant or code)");
        }
        List<Object[]> scored = new ArrayList<>();
        for (Object row : rows) {
            Object[] cells = (Object[]) row;
            double score = io.chorus.coding.assistant.service.SentenceEmbeddings.cosine(vector,
                    io.chorus.coding.assistant.service.SentenceEmbeddings.vector((byte[]) cells[10]));
            scored.add(new Object[] {cells, score});
        }
        scored.sort((a, b) -> Double.compare((double) b[1], (double) a[1]));
        List<SearchHit> hits = scored.stream().skip((long) page * size).limit(size).map(entry -> {
            Object[] c = (Object[]) entry[0];
            String english = (String) c[11];
            int[] codePoints = english.codePoints().toArray();
            return new SearchHit((String) c[0], (String) c[1], (String) c[2], (String) c[3], (String) c[4], (String) c[5],
                    ((Number) c[6]).intValue(), (String) c[7], (String) c[8], (String) c[9], Text.english, "", "",
                    context(codePoints, 0, Math.min(codePoints.length, 3 * CONTEXT), false), List.of(), (double) entry[1]);
        }).toList();
        return new Page<>(hits, page, size, scored.size());
    }

    /** The caller's readable sites, or null where they read every site. */
    private Set<String> readableSites(String site) {
        caller.requireSiteFilter(site, CodingStaff.ANYWHERE);
        if (site != null) {
            return Set.of(site);
        }
        return caller.seesAllSites() ? null : caller.sitesWhere(CodingStaff.AT_SITE);
    }

    /** Originals are searched only at the caller's own sites. */
    private Set<String> originalSites(String site) {
        Set<String> member = caller.sitesWhere(CodingStaff.AT_SITE);
        if (site != null && !member.contains(site)) {
            throw new ProblemException(403, "Forbidden", "Original-language text of site '" + site + "' is searched only by its members",
                    List.of(Problem.FieldError.parameter("site", "not a site you are a member of")));
        }
        if (member.isEmpty()) {
            throw new ProblemException(403, "Forbidden", "Original-language text is searched only by members of its site; "
                    + "search the English (text=english)", List.of(Problem.FieldError.parameter("text", "you are a member of no site")));
        }
        return site != null ? Set.of(site) : member;
    }

    private static String englishFrom(SearchQuery query, Map<String, Object> params) {
        return "from (select " + query.sql("e", ENGLISH, params) + " as e) q "
                + "cross join transcript_paragraph p join released_transcript t on t.id = p.transcript_id " + joins();
    }

    private static String originalFrom(SearchQuery query, List<String> configs, Map<String, Object> params) {
        StringBuilder columns = new StringBuilder("1 as one");
        for (int i = 0; i < configs.size(); i++) {
            columns.append(", ").append(query.sql("o" + i, configs.get(i), params)).append(" as o").append(i);
        }
        return "from (select " + columns + ") q cross join paragraph_original o "
                + "join transcript_paragraph p on p.transcript_id = o.transcript_id and p.n = o.n "
                + "join released_transcript t on t.id = p.transcript_id " + joins();
    }

    /** The query stemmed the way the row's own original is indexed. */
    private static String originalQueryOfRow(List<String> configs) {
        if (configs.isEmpty()) {
            return "cast('' as tsquery)";
        }
        StringBuilder perConfig = new StringBuilder("(case o.search_config");
        for (int i = 0; i < configs.size(); i++) {
            perConfig.append(" when cast(:o").append(i).append("config as regconfig) then q.o").append(i);
        }
        return perConfig.append(" end)").toString();
    }

    /** One index-backed condition per configuration the site's originals use, each with the query stemmed its way. */
    private static String matchOriginals(List<String> configs) {
        if (configs.isEmpty()) {
            return "false";
        }
        List<String> conditions = new ArrayList<>();
        for (int i = 0; i < configs.size(); i++) {
            conditions.add("(o.search_config = cast(:o" + i + "config as regconfig) and o.search @@ q.o" + i + ")");
        }
        return "(" + String.join(" or ", conditions) + ")";
    }

    private static String joins() {
        return "left join coding_session s on s.site = t.site and s.external_id = t.session "
                + "left join coding_participant cp on cp.site = t.site and cp.number = p.speaker";
    }

    private void filters(StringBuilder where, Map<String, Object> params, Filter filter) {
        equal(where, params, "t.site", "site", filter.site());
        equal(where, params, "s.study", "study", filter.study());
        equal(where, params, "s.phase", "phase", filter.phase());
        equal(where, params, "cp.role", "role", filter.role());
        equal(where, params, "p.speaker", "participant", filter.participant());
        if (filter.code() != null) {
            StringBuilder visible = new StringBuilder("c.round_id is null or c.consensus or c.coder = :me");
            params.put("me", caller.username());
            List<UUID> blind = codings.blindRounds();
            if (!blind.isEmpty()) {
                visible.append(" or c.round_id not in (:blind)");
                params.put("blind", blind);
            } else {
                visible.append(" or true");
            }
            where.append(Boolean.FALSE.equals(filter.withinCode()) ? " and not exists" : " and exists")
                    .append(" (select 1 from coding c where c.transcript_id = p.transcript_id and c.code_id = :code")
                    .append(" and p.n between c.first_paragraph and c.last_paragraph and (").append(visible).append("))");
            params.put("code", filter.code());
        }
    }

    private static void equal(StringBuilder where, Map<String, Object> params, String column, String name, String value) {
        if (value != null) {
            where.append(" and ").append(column).append(" = :").append(name);
            params.put(name, value);
        }
    }

    static String describe(Filter filter) {
        StringBuilder out = new StringBuilder();
        append(out, "site", filter.site());
        append(out, "study", filter.study());
        append(out, "phase", filter.phase());
        append(out, "role", filter.role());
        append(out, "participant", filter.participant());
        append(out, "code", filter.code());
        return out.toString();
    }

    private static void append(StringBuilder out, String name, Object value) {
        if (value != null) {
            out.append(" [").append(name).append('=').append(value).append(']');
        }
    }

    static SearchHit hit(Object[] row, Text text) {
        String marked = (String) row[11];
        StringBuilder plain = new StringBuilder();
        List<SearchMatch> matches = new ArrayList<>();
        int index = 0;
        int start = -1;
        for (int i = 0; i < marked.length(); ) {
            int cp = marked.codePointAt(i);
            i += Character.charCount(cp);
            if (cp == START) {
                start = index;
            } else if (cp == STOP) {
                if (start >= 0) {
                    matches.add(new SearchMatch(start, index));
                }
                start = -1;
            } else {
                plain.appendCodePoint(cp);
                index++;
            }
        }
        String paragraph = plain.toString();
        SearchMatch first = matches.isEmpty() ? null : matches.get(0);
        int[] codePoints = paragraph.codePoints().toArray();
        String before = first == null ? "" : context(codePoints, Math.max(0, first.start() - CONTEXT), first.start(), true);
        String match = first == null ? "" : new String(codePoints, first.start(), first.end() - first.start());
        String after = first == null ? context(codePoints, 0, Math.min(codePoints.length, 2 * CONTEXT), false)
                : context(codePoints, first.end(), Math.min(codePoints.length, first.end() + CONTEXT), false);
        return new SearchHit((String) row[0], (String) row[1], (String) row[2], (String) row[3], (String) row[4], (String) row[5],
                ((Number) row[6]).intValue(), (String) row[7], (String) row[8], (String) row[9], text, before, match, after, matches,
                ((Number) row[10]).doubleValue());
    }

    /** Code points [from, to), cut back to a word boundary on the side away from the match, with an ellipsis where cut. */
    private static String context(int[] codePoints, int from, int to, boolean leading) {
        String piece = new String(codePoints, from, to - from);
        if (leading && from > 0) {
            int space = piece.indexOf(' ');
            return "…" + (space >= 0 && space < piece.length() - 1 ? piece.substring(space + 1) : piece);
        }
        if (!leading && to < codePoints.length) {
            int space = piece.lastIndexOf(' ');
            return (space > 0 ? piece.substring(0, space) : piece) + "…";
        }
        return piece;
    }
}
