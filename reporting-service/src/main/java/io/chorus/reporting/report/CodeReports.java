package io.chorus.reporting.report;

import io.chorus.common.problem.ProblemException;
import io.chorus.reporting.service.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The code tables of a paper, read from the pre-aggregated cells (code_cell, pair_cell): frequency and
 * strength of codes, facilitators and barriers, pre versus post, co-occurrence, and CFIR ratings.
 */
@ApplicationScoped
@Transactional
public class CodeReports {

    /** Report dimensions and the code_cell / transcript_fact columns they read. */
    static final Map<String, String[]> DIMENSIONS = Map.of(
            "site", new String[] {"site", "site"},
            "phase", new String[] {"phase", "cell_phase"},
            "income", new String[] {"band", "cell_band"},
            "role", new String[] {"role", "cell_role"},
            "study", new String[] {"study", "cell_study"});

    @Inject
    Sql sql;

    @Inject
    io.chorus.reporting.config.DisclosureConfig disclosureConfig;

    /** For site staff: which other sites each value of the dimension column, its complement and the whole filter cover. */
    Disclosure disclosure(ReportFilter filter, String column) {
        if (filter.visibleSites() == null) {
            return Disclosure.everything();
        }
        boolean comparable = filter.study() != null && !filter.study().isBlank() && blank(filter.phase()) && blank(filter.income())
                && blank(filter.role());
        List<Object> params = new ArrayList<>();
        String where = filter.where("t", "cell_", params, false);
        params.add(filter.visibleSites().isEmpty() ? java.util.Set.of("-") : filter.visibleSites());
        String others = where + " and t.site not in (?" + params.size() + ")";
        Map<String, java.util.Set<String>> sitesByValue = new HashMap<>();
        java.util.Set<String> allOthers = new TreeSet<>();
        for (Object[] row : sql.rows("select distinct " + (column == null ? "''" : "t." + column) + ", t.site from transcript_fact t where "
                + others, params.toArray())) {
            sitesByValue.computeIfAbsent(label(row[0], column), v -> new TreeSet<>()).add((String) row[1]);
            allOthers.add((String) row[1]);
        }
        Map<String, Long> inside = new HashMap<>();
        Map<String, Long> outside = new HashMap<>();
        sitesByValue.forEach((value, sites) -> {
            inside.put(value, (long) sites.size());
            outside.put(value, sitesByValue.entrySet().stream().filter(e -> !e.getKey().equals(value))
                    .flatMap(e -> e.getValue().stream()).distinct().count());
        });
        return new Disclosure(filter.visibleSites(), disclosureConfig.minSitesForOthers(), comparable, allOthers.size(), inside, outside);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }


    /**
     * Without a codebook asked for, a report of one phase (or of a study whose phases share one codebook) counts the
     * codes of the codebook assigned to it, not every codebook's.
     */
    public ReportFilter scopedToPhaseCodebook(ReportFilter filter) {
        if (!blank(filter.codebook()) || (blank(filter.study()) && blank(filter.phase()))) {
            return filter;
        }
        List<Object> params = new ArrayList<>();
        StringBuilder where = new StringBuilder("1 = 1");
        for (String[] condition : new String[][] {{"study", filter.study()}, {"phase", filter.phase()}}) {
            if (!blank(condition[1])) {
                params.add(condition[1]);
                where.append(" and ").append(condition[0]).append(" = ?").append(params.size());
            }
        }
        List<Object[]> assigned = sql.rows("select distinct codebook_id, 0 from phase_codebook where " + where, params.toArray());
        return assigned.size() == 1 ? filter.withCodebook((String) assigned.get(0)[0]) : filter;
    }

    public ReportTable frequency(ReportFilter filter, String by, Integer level) {
        return frequency(filter, by, level, "tree");
    }

    /**
     * Strength of theme: per code the documents coded with it and their share of all documents (the denominator is a
     * column and a note), in the codebook's order ({@code tree}) or largest share first ({@code share}).
     */
    public ReportTable frequency(ReportFilter filter, String by, Integer level, String sort) {
        String[] dimension = dimension(by);
        List<CodeTree.Node> codes = codes(filter, level);
        List<Object> params = new ArrayList<>();
        String where = filter.where("c", "", params, false);
        Map<String, Map<String, long[]>> cells = new HashMap<>();
        for (Object[] row : sql.rows("select c.code_id, c." + dimension[0] + ", sum(c.documents), sum(c.passages) from code_cell c where "
                + where + " group by 1, 2", params.toArray())) {
            cells.computeIfAbsent((String) row[0], k -> new TreeMap<>()).put(label(row[1], dimension[0]),
                    new long[] {num(row[2]), num(row[3])});
        }
        Map<String, Long> sites = new HashMap<>();
        if ("site".equals(by)) { // the sites a code is found at are its cells: no second pass
            cells.forEach((code, bySite) -> sites.put(code, (long) bySite.size()));
        } else {
            for (Object[] row : sql.rows("select c.code_id, count(distinct c.site) from code_cell c where " + where + " group by 1",
                    params.toArray())) {
                sites.put((String) row[0], num(row[1]));
            }
        }
        Map<String, Long> documents = documents(filter, dimension[1]);
        long allDocuments = documents.values().stream().mapToLong(Long::longValue).sum();
        List<String> values = visibleValues(filter, by, documents.keySet());
        Disclosure disclosure = disclosure(filter, dimension[1]);
        ReportTable.Builder table = ReportTable.builder("code-frequency", "Code frequency by " + by, describe(filter, by))
                .column("code", "Code").column("level", "Level").column("frameworkRef", "Framework")
                .column("passages", "Coded passages").column("documents", "Documents").column("share", "Share of documents")
                .column("sites", "Sites").column("ofDocuments", "Of documents");
        for (String value : values) {
            table.column(value + ".passages", value + ": passages").column(value + ".documents", value + ": documents")
                    .column(value + ".share", value + ": share of documents");
        }
        for (CodeTree.Node code : codes) {
            Map<String, long[]> byValue = cells.getOrDefault(code.id(), Map.of());
            Map<String, Object> row = table.row();
            row.put("codeId", code.id());
            row.put("code", code.name());
            row.put("level", code.level());
            row.put("frameworkRef", code.frameworkRef());
            long docs = byValue.values().stream().mapToLong(v -> v[0]).sum();
            row.put("passages", byValue.values().stream().mapToLong(v -> v[1]).sum());
            row.put("documents", docs);
            row.put("share", share(docs, allDocuments));
            row.put("ofDocuments", allDocuments);
            row.put("sites", sites.getOrDefault(code.id(), 0L));
            disclosure.withhold(table, row, disclosure.showsTotal(), "passages", "documents", "share", "sites", "ofDocuments");
            for (String value : values) {
                long[] cell = byValue.getOrDefault(value, new long[2]);
                row.put(value + ".passages", cell[1]);
                row.put(value + ".documents", cell[0]);
                row.put(value + ".share", share(cell[0], documents.getOrDefault(value, 0L)));
                disclosure.withhold(table, row, disclosure.shows(value), value + ".passages", value + ".documents", value + ".share");
            }
        }
        if (sort.equals("share")) {
            table.sortRows(Comparator.comparingDouble((Map<String, Object> row) -> row.get("share") instanceof Number n
                    ? -n.doubleValue() : 1).thenComparing(row -> String.valueOf(row.get("code"))));
        }
        return values.isEmpty()
                ? table.chart("code", List.of("share"), "Share of documents coded (strength of theme)", "bars", "Share of documents").build()
                : table.chart("code", values.stream().map(v -> v + ".share").toList(),
                        "Share of documents coded (strength of theme), by " + by, "heatmap", "Share of documents").build();
    }

    public ReportTable valence(ReportFilter filter, String by, Integer level) {
        String[] dimension = dimension(by);
        List<CodeTree.Node> codes = codes(filter, level);
        List<Object> params = new ArrayList<>();
        String where = filter.where("c", "", params, false);
        Map<String, Map<String, long[]>> cells = new HashMap<>();
        for (Object[] row : sql.rows("select c.code_id, c." + dimension[0] + ", sum(c.facilitators), sum(c.barriers), sum(c.mixed), "
                + "sum(c.neutral) from code_cell c where " + where + " group by 1, 2", params.toArray())) {
            cells.computeIfAbsent((String) row[0], k -> new TreeMap<>()).put(label(row[1], dimension[0]),
                    new long[] {num(row[2]), num(row[3]), num(row[4]), num(row[5])});
        }
        List<String> values = visibleValues(filter, by, cells.values().stream().flatMap(m -> m.keySet().stream())
                .collect(java.util.stream.Collectors.toCollection(TreeSet::new)));
        Disclosure disclosure = disclosure(filter, dimension[1]);
        ReportTable.Builder table = ReportTable.builder("facilitators-barriers", "Facilitators and barriers by " + by,
                describe(filter, by)).column("code", "Code").column("level", "Level").column("frameworkRef", "Framework")
                .column("facilitators", "Facilitators").column("barriers", "Barriers").column("mixed", "Mixed").column("neutral", "Neutral");
        for (String value : values) {
            table.column(value + ".facilitators", value + ": facilitators").column(value + ".barriers", value + ": barriers");
        }
        for (CodeTree.Node code : codes) {
            Map<String, long[]> byValue = cells.getOrDefault(code.id(), Map.of());
            Map<String, Object> row = table.row();
            row.put("codeId", code.id());
            row.put("code", code.name());
            row.put("level", code.level());
            row.put("frameworkRef", code.frameworkRef());
            String[] names = {"facilitators", "barriers", "mixed", "neutral"};
            for (int i = 0; i < names.length; i++) {
                int index = i;
                row.put(names[i], byValue.values().stream().mapToLong(v -> v[index]).sum());
            }
            disclosure.withhold(table, row, disclosure.showsTotal(), names);
            for (String value : values) {
                long[] cell = byValue.getOrDefault(value, new long[4]);
                row.put(value + ".facilitators", cell[0]);
                row.put(value + ".barriers", cell[1]);
                disclosure.withhold(table, row, disclosure.shows(value), value + ".facilitators", value + ".barriers");
            }
        }
        List<String> stacks = values.isEmpty() ? List.of("facilitators", "barriers")
                : values.stream().flatMap(v -> java.util.stream.Stream.of(v + ".facilitators", v + ".barriers")).toList();
        return table.chart("code", stacks, "Coded passages marked as facilitator or barrier" + (values.isEmpty() ? "" : ", by " + by),
                "stacked", "Coded passages").build();
    }

    public ReportTable prePost(ReportFilter filter, String pre, String post, Integer level) {
        List<CodeTree.Node> codes = codes(filter, level);
        ReportFilter unphased = new ReportFilter(filter.study(), null, filter.site(), filter.income(), filter.role(),
                filter.codebook(), filter.codebookVersion(), filter.visibleSites());
        List<Object> params = new ArrayList<>();
        String where = unphased.where("c", "", params, true);
        params.add(pre);
        params.add(post);
        Map<String, long[]> cells = new HashMap<>();
        for (Object[] row : sql.rows("select c.code_id, c.site, c.phase, sum(c.documents) from code_cell c where " + where
                + " and c.phase in (?" + (params.size() - 1) + ", ?" + params.size() + ") group by 1, 2, 3", params.toArray())) {
            long[] counts = cells.computeIfAbsent(row[0] + "|" + row[1], k -> new long[2]);
            counts[pre.equals(row[2]) ? 0 : 1] += num(row[3]);
        }
        List<Object> docParams = new ArrayList<>();
        String docWhere = unphased.where("t", "cell_", docParams, true);
        Map<String, Long> documents = new HashMap<>();
        for (Object[] row : sql.rows("select t.site, t.cell_phase, count(*) from transcript_fact t where " + docWhere
                + " group by 1, 2", docParams.toArray())) {
            documents.put(row[0] + "|" + row[1], num(row[2]));
        }
        TreeSet<String> sites = new TreeSet<>();
        documents.keySet().forEach(k -> sites.add(k.substring(0, k.indexOf('|'))));
        ReportTable.Builder table = ReportTable.builder("pre-post", "Pre- versus post-intervention by code and site",
                describe(filter, "site")).column("code", "Code").column("site", "Site")
                .column("pre.documents", pre + ": documents").column("pre.share", pre + ": share")
                .column("post.documents", post + ": documents").column("post.share", post + ": share")
                .column("change", "Change in share");
        for (CodeTree.Node code : codes) {
            for (String site : sites) {
                long[] counts = cells.getOrDefault(code.id() + "|" + site, new long[2]);
                Double preShare = share(counts[0], documents.getOrDefault(site + "|" + pre, 0L));
                Double postShare = share(counts[1], documents.getOrDefault(site + "|" + post, 0L));
                Map<String, Object> row = table.row();
                row.put("codeId", code.id());
                row.put("code", code.name());
                row.put("site", site);
                row.put("pre.documents", counts[0]);
                row.put("pre.share", preShare);
                row.put("post.documents", counts[1]);
                row.put("post.share", postShare);
                row.put("change", preShare == null || postShare == null ? null : postShare - preShare);
            }
        }
        return table.chart("code", List.of("pre.share", "post.share"), "Share of documents, " + pre + " and " + post, "bars",
                "Share of documents").build();
    }

    public ReportTable cooccurrence(ReportFilter filter) {
        Map<String, CodeTree.Node> codes = new HashMap<>();
        codes(filter, null).forEach(c -> codes.put(c.id(), c));
        List<Object> params = new ArrayList<>();
        String where = filter.where("p", "", params, false);
        Disclosure disclosure = disclosure(filter, null);
        ReportTable.Builder table = ReportTable.builder("co-occurrence", "Passages coded with both codes", describe(filter, null))
                .column("codeA", "Code").column("codeB", "Co-occurring code").column("passages", "Passages with both")
                .column("documents", "Documents");
        for (Object[] row : sql.rows("select p.code_a, p.code_b, sum(p.passages), sum(p.documents) from pair_cell p where " + where
                + " group by 1, 2 order by 3 desc, 1, 2", params.toArray())) {
            CodeTree.Node a = codes.get((String) row[0]);
            CodeTree.Node b = codes.get((String) row[1]);
            if (a == null || b == null) {
                continue;
            }
            Map<String, Object> out = table.row();
            out.put("codeAId", a.id());
            out.put("codeA", a.name());
            out.put("codeBId", b.id());
            out.put("codeB", b.name());
            out.put("passages", num(row[2]));
            out.put("documents", num(row[3]));
            disclosure.withhold(table, out, disclosure.showsTotal(), "passages", "documents");
        }
        return table.build();
    }

    public ReportTable cfirRatings(ReportFilter filter) {
        List<CodeTree.Node> constructs = codes(filter, null).stream().filter(c -> c.frameworkRef() != null).toList();
        List<Object> params = new ArrayList<>();
        String phase = filter.phase() == null ? "" : filter.phase();
        params.add(phase);
        String scope = "";
        if (filter.visibleSites() != null) {
            params.add(filter.visibleSites().isEmpty() ? java.util.Set.of("-") : filter.visibleSites());
            scope = " and r.site in (?" + params.size() + ")";
        }
        Map<String, String> ratings = new HashMap<>();
        TreeSet<String> sites = new TreeSet<>();
        for (Object[] row : sql.rows("select r.code_id, r.site, r.rating from construct_rating_fact r where r.phase = ?1" + scope,
                params.toArray())) {
            ratings.put(row[0] + "|" + row[1], (String) row[2]);
            sites.add((String) row[1]);
        }
        ReportTable.Builder table = ReportTable.builder("cfir-ratings", "CFIR construct ratings by site", describe(filter, "site"))
                .column("frameworkRef", "Construct").column("code", "Name");
        sites.forEach(site -> table.column(site, site));
        for (CodeTree.Node construct : constructs) {
            Map<String, Object> row = table.row();
            row.put("codeId", construct.id());
            row.put("frameworkRef", construct.frameworkRef());
            row.put("code", construct.name());
            sites.forEach(site -> row.put(site, ratings.get(construct.id() + "|" + site)));
        }
        return table.build();
    }

    /** Published codes of the filtered codebook (and version), at one level if asked. */
    List<CodeTree.Node> codes(ReportFilter filter, Integer level) {
        List<Object> params = new ArrayList<>();
        List<CodeTree.Node> tree = CodeTree.of(sql.rows("select f.code_id, f.parent_id, f.name, f.framework_ref, f.codebook_name "
                + "from code_fact f where " + filter.codeWhere("f", params), params.toArray()));
        return level == null ? tree : tree.stream().filter(c -> c.level() == level).toList();
    }

    private Map<String, Long> documents(ReportFilter filter, String column) {
        List<Object> params = new ArrayList<>();
        Map<String, Long> documents = new TreeMap<>();
        for (Object[] row : sql.rows("select t." + column + ", count(*) from transcript_fact t where "
                + filter.where("t", "cell_", params, false) + " group by 1", params.toArray())) {
            documents.put(label(row[0], column), num(row[1]));
        }
        return documents;
    }

    /** Site staff see per-site columns of their own sites only; every other breakdown is an aggregate. */
    private static List<String> visibleValues(ReportFilter filter, String by, java.util.Collection<String> values) {
        return values.stream().filter(v -> !"site".equals(by) || filter.visibleSites() == null || filter.visibleSites().contains(v))
                .sorted().toList();
    }

    private static String[] dimension(String by) {
        String[] dimension = DIMENSIONS.get(by);
        if (dimension == null) {
            throw ProblemException.invalid("/by", "by must be one of site, phase, income, role, study");
        }
        return dimension;
    }

    private static Map<String, String> describe(ReportFilter filter, String by) {
        Map<String, String> described = filter.describe();
        if (by != null) {
            described.put("by", by);
        }
        return described;
    }

    /** A role-less speaker is "not stated" (what role=not stated selects); any other missing value is "unknown". */
    static String label(Object value, String column) {
        return (value == null || value.toString().isEmpty()) && column != null && column.endsWith("role") ? ReportFilter.NOT_STATED
                : label(value);
    }

    static String label(Object value) {
        return value == null || value.toString().isEmpty() ? "unknown" : value.toString();
    }

    static Double share(long part, long whole) {
        return whole == 0 ? null : (double) part / whole;
    }

    static long num(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }
}
