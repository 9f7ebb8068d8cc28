package io.chorus.reporting.report;

import static io.chorus.reporting.report.CodeReports.num;

import io.chorus.common.problem.ProblemException;
import io.chorus.reporting.service.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** Tables about people and sites: participant characteristics, quotes, and the implementation measure. */
@ApplicationScoped
@Transactional
public class SiteReports {

    public static final int MEASURE_ITEMS = 8;

    @Inject
    Sql sql;

    @Inject
    io.chorus.reporting.config.DisclosureConfig disclosureConfig;

    /** A filter naming a site or a role no report knows is refused (422 naming it), instead of answering with nothing. */
    public void requireKnown(ReportFilter filter) {
        if (filter.site() != null && sql.single("select 1 from site where code = ?1", filter.site()) == null) {
            throw ProblemException.invalid("/site", "No site '" + filter.site() + "'");
        }
        if (filter.study() != null && sql.single("select 1 from session_fact where study = ?1 union all "
                + "select 1 from phase_codebook where study = ?1 limit 1", filter.study()) == null) {
            throw ProblemException.invalid("/study", "No session of a study '" + filter.study() + "' has been recorded, "
                    + "and no codebook is assigned to it");
        }
        if (filter.phase() != null && sql.single("select 1 from session_fact where phase = ?1 and (?2 = '' or study = ?2) union all "
                + "select 1 from phase_codebook where phase = ?1 and (?2 = '' or study = ?2) union all "
                + "select 1 from implementation_measure where phase = ?1 union all "
                + "select 1 from construct_rating_fact where phase = ?1 limit 1", filter.phase(),
                filter.study() == null ? "" : filter.study()) == null) {
            throw ProblemException.invalid("/phase", "No session of a phase '" + filter.phase() + "'"
                    + (filter.study() == null ? "" : " of study '" + filter.study() + "'") + " has been recorded, nor a measure or rating of it");
        }
        if (filter.codebook() != null && sql.single("select 1 from code_fact where codebook_id = ?1 limit 1",
                filter.codebook().toLowerCase()) == null) {
            throw ProblemException.invalid("/codebook", "No published codebook '" + filter.codebook() + "'");
        }
        if (filter.role() != null && !filter.roleNotStated()
                && sql.single("select 1 from participant_fact where role = ?1 limit 1", filter.role()) == null) {
            throw ProblemException.invalid("/role", "No participant has the role '" + filter.role() + "'; for those without one, "
                    + "use role=" + ReportFilter.NOT_STATED);
        }
    }

    /** Per site and phase: N, age, gender, backgrounds, peer-support experience, session dates and durations. */
    public ReportTable participants(ReportFilter filter) {
        List<Object> params = new ArrayList<>();
        String where = sessionWhere(filter, params);
        Map<String, List<Object[]>> groups = new TreeMap<>();
        for (Object[] row : sql.rows("select distinct s.site, s.phase, p.participant, p.age, p.gender, p.background, "
                + "p.previous_peer_support, p.role from session_fact s "
                + "cross join lateral unnest(string_to_array(s.participants, ',')) as sp(participant) "
                + "join participant_fact p on p.site = s.site and p.participant = sp.participant where " + where
                + roleCondition(filter, params), params.toArray())) {
            groups.computeIfAbsent(row[0] + "|" + row[1], k -> new ArrayList<>()).add(row);
        }
        Map<String, List<String>> dates = new TreeMap<>();
        Map<String, List<String>> durations = new TreeMap<>();
        List<Object> sessionParams = new ArrayList<>();
        String sessionWhere = sessionWhere(filter, sessionParams);
        for (Object[] row : sql.rows("select s.site, s.phase, s.session_date, s.duration_minutes from session_fact s where "
                + sessionWhere + " order by s.session_date", sessionParams.toArray())) {
            dates.computeIfAbsent(row[0] + "|" + row[1], k -> new ArrayList<>()).add(String.valueOf(row[2]));
            durations.computeIfAbsent(row[0] + "|" + row[1], k -> new ArrayList<>()).add(row[3] == null ? "?" : row[3] + " min");
        }
        ReportTable.Builder table = ReportTable.builder("participants", "Participant characteristics by site and phase", filter.describe())
                .column("site", "Site").column("phase", "Phase").column("n", "N").column("meanAge", "Mean age")
                .column("ageRange", "Age range").column("female", "Female").column("male", "Male").column("otherGender", "Diverse / not stated")
                .column("backgrounds", "Professional backgrounds").column("peerSupportYes", "Previous peer-support experience: yes")
                .column("peerSupportNo", "no").column("peerSupportNotStated", "not stated").column("sessionDates", "Session dates").column("durations", "Durations");
        for (Map.Entry<String, List<Object[]>> group : groups.entrySet()) {
            List<Object[]> people = group.getValue();
            Map<String, Object> row = table.row();
            String[] key = group.getKey().split("\\|", 2);
            row.put("site", key[0]);
            row.put("phase", key[1]);
            row.put("n", (long) people.size());
            List<Integer> ages = people.stream().filter(p -> p[3] != null).map(p -> ((Number) p[3]).intValue()).toList();
            row.put("meanAge", ages.isEmpty() ? null : ages.stream().mapToInt(Integer::intValue).average().orElse(0));
            row.put("ageRange", ages.isEmpty() ? null : ages.stream().mapToInt(Integer::intValue).min().orElse(0) + "-"
                    + ages.stream().mapToInt(Integer::intValue).max().orElse(0));
            row.put("female", people.stream().filter(p -> "female".equals(p[4])).count());
            row.put("male", people.stream().filter(p -> "male".equals(p[4])).count());
            row.put("otherGender", people.stream().filter(p -> !"female".equals(p[4]) && !"male".equals(p[4])).count());
            Map<String, Long> backgrounds = new TreeMap<>();
            people.stream().filter(p -> p[5] != null).forEach(p -> backgrounds.merge((String) p[5], 1L, Long::sum));
            row.put("backgrounds", String.join("; ", backgrounds.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).toList()));
            row.put("peerSupportYes", people.stream().filter(p -> Boolean.TRUE.equals(p[6])).count());
            row.put("peerSupportNo", people.stream().filter(p -> Boolean.FALSE.equals(p[6])).count());
            row.put("peerSupportNotStated", people.stream().filter(p -> p[6] == null).count());
            row.put("sessionDates", String.join("; ", dates.getOrDefault(group.getKey(), List.of())));
            row.put("durations", String.join("; ", durations.getOrDefault(group.getKey(), List.of())));
        }
        return table.chart("site", List.of("female", "male", "otherGender"), "Participants by gender, per site and phase", "stacked",
                "Participants").build();
    }

    /**
     * A paper's Table 2: one row per site (by name; the sites in {@code order} first, in that order), its focus groups
     * and interviews, N, one column per role and per gender (missing ones counted as not stated), and a totals row.
     */
    public ReportTable participantsBySite(ReportFilter filter, List<String> order) {
        List<Object> params = new ArrayList<>();
        String where = sessionWhere(filter, params);
        Map<String, long[]> sessions = new TreeMap<>();
        for (Object[] row : sql.rows("select s.site, count(*) filter (where s.kind = 'focus-group'), count(*) filter (where s.kind = "
                + "'interview') from session_fact s where " + where + " group by 1", params.toArray())) {
            sessions.put((String) row[0], new long[] {num(row[1]), num(row[2])});
        }
        List<Object> peopleParams = new ArrayList<>();
        String peopleWhere = sessionWhere(filter, peopleParams);
        Map<String, List<String[]>> people = new TreeMap<>();
        for (Object[] row : sql.rows("select distinct s.site, p.participant, coalesce(nullif(p.role, ''), 'not stated'), "
                + "case when p.gender in ('female', 'male', 'diverse') then p.gender else 'not stated' end from session_fact s "
                + "cross join lateral unnest(string_to_array(s.participants, ',')) as sp(participant) "
                + "join participant_fact p on p.site = s.site and p.participant = sp.participant where " + peopleWhere
                + roleCondition(filter, peopleParams), peopleParams.toArray())) {
            people.computeIfAbsent((String) row[0], k -> new ArrayList<>()).add(new String[] {(String) row[2], (String) row[3]});
        }
        Map<String, String> names = new TreeMap<>();
        for (Object[] row : sql.rows("select code, name from site")) {
            names.put((String) row[0], (String) row[1]);
        }
        TreeSet<String> roles = new TreeSet<>((a, b) -> a.equals(b) ? 0 : a.equals(ReportFilter.NOT_STATED) ? 1
                : b.equals(ReportFilter.NOT_STATED) ? -1 : a.compareToIgnoreCase(b));
        people.values().forEach(list -> list.forEach(p -> roles.add(p[0])));
        List<String> genders = List.of("female", "male", "diverse", ReportFilter.NOT_STATED);
        ReportTable.Builder table = ReportTable.builder("participants-by-site", "Participants by site, role and gender", filter.describe())
                .column("site", "Site").column("siteCode", "Code").column("focusGroups", "Focus groups").column("interviews", "Interviews")
                .column("n", "N");
        roles.forEach(role -> table.column("role." + role, role));
        genders.forEach(gender -> table.column("gender." + gender, gender.substring(0, 1).toUpperCase() + gender.substring(1)));
        java.util.Set<String> siteCodes = new TreeSet<>(sessions.keySet());
        siteCodes.addAll(people.keySet());
        List<String> ordered = new ArrayList<>(order.stream().filter(siteCodes::contains).distinct().toList());
        siteCodes.stream().filter(code -> !ordered.contains(code))
                .sorted(java.util.Comparator.comparing(code -> names.getOrDefault(code, code))).forEach(ordered::add);
        long[] totals = new long[3 + roles.size() + genders.size()];
        for (String code : ordered) {
            Map<String, Object> row = table.row();
            row.put("site", names.getOrDefault(code, code));
            row.put("siteCode", code);
            long[] counted = sessions.getOrDefault(code, new long[2]);
            List<String[]> here = people.getOrDefault(code, List.of());
            long[] values = new long[totals.length];
            values[0] = counted[0];
            values[1] = counted[1];
            values[2] = here.size();
            int i = 3;
            for (String role : roles) {
                values[i++] = here.stream().filter(p -> p[0].equals(role)).count();
            }
            for (String gender : genders) {
                values[i++] = here.stream().filter(p -> p[1].equals(gender)).count();
            }
            put(row, values, roles, genders);
            for (int v = 0; v < totals.length; v++) {
                totals[v] += values[v];
            }
        }
        Map<String, Object> total = table.row();
        total.put("site", "Total");
        total.put(ReportCharts.TOTAL_ROW, true);
        put(total, totals, roles, genders);
        return table.chart("site", genders.stream().map(g -> "gender." + g).toList(), "Participants by site and gender", "stacked",
                "Participants").build();
    }

    private static void put(Map<String, Object> row, long[] values, java.util.Collection<String> roles, List<String> genders) {
        row.put("focusGroups", values[0]);
        row.put("interviews", values[1]);
        row.put("n", values[2]);
        int i = 3;
        for (String role : roles) {
            row.put("role." + role, values[i++]);
        }
        for (String gender : genders) {
            row.put("gender." + gender, values[i++]);
        }
    }

    /** Counts by participant role and gender, like a paper's participant table. */
    public ReportTable rolesByGender(ReportFilter filter) {
        List<Object> params = new ArrayList<>();
        String where = sessionWhere(filter, params);
        ReportTable.Builder table = ReportTable.builder("participants-by-role", "Participants by role and gender", filter.describe())
                .column("role", "Role").column("female", "Female").column("male", "Male").column("other", "Diverse / not stated")
                .column("total", "Total");
        Map<String, long[]> roles = new TreeMap<>();
        for (Object[] row : sql.rows("select coalesce(nullif(p.role, ''), 'not stated'), p.gender, count(distinct p.site || '/' || p.participant) "
                + "from session_fact s cross join lateral unnest(string_to_array(s.participants, ',')) as sp(participant) "
                + "join participant_fact p on p.site = s.site and p.participant = sp.participant where " + where
                + roleCondition(filter, params) + " group by 1, 2", params.toArray())) {
            long[] counts = roles.computeIfAbsent((String) row[0], r -> new long[3]);
            counts["female".equals(row[1]) ? 0 : "male".equals(row[1]) ? 1 : 2] += num(row[2]);
        }
        roles.forEach((role, counts) -> {
            Map<String, Object> row = table.row();
            row.put("role", role);
            row.put("female", counts[0]);
            row.put("male", counts[1]);
            row.put("other", counts[2]);
            row.put("total", counts[0] + counts[1] + counts[2]);
        });
        return table.chart("role", List.of("female", "male", "other"), "Participants by role and gender", "stacked", "Participants")
                .build();
    }

    /**
     * Quotes for a code (and its sub-codes) from the counted codings, with their labels; the original
     * language only for members of the quote's site.
     */
    /** Who reads a report, for the audit of original-language text. */
    public record Reader(String username, String subject, Set<String> memberOf) {
    }

    public ReportTable quotes(ReportFilter filter, String codeId, String valence, Reader reader) {
        if (codeId == null || codeId.isBlank()) {
            throw ProblemException.invalid("/code", "code is required");
        }
        List<Object> params = new ArrayList<>();
        params.add(codeId);
        ReportFilter bySpeaker = new ReportFilter(filter.study(), filter.phase(), filter.site(), filter.income(), null,
                filter.codebook(), filter.codebookVersion(), filter.visibleSites());
        String where = bySpeaker.where("t", "cell_", params, true);
        if (valence != null) {
            params.add(valence);
            where += " and f.valence = ?" + params.size();
        }
        ReportTable.Builder table = ReportTable.builder("quotes", "Quotes", filter.describe()).column("label", "Label")
                .column("participantLabel", "Participant label").column("site", "Site").column("phase", "Phase")
                .column("valence", "Valence").column("role", "Role").column("english", "English").column("original", "Original");
        List<Object[]> codings = sql.rows("with recursive down(code_id) as (select cast(?1 as varchar) union all "
                + "select c.code_id from code_fact c join down on c.parent_id = down.code_id) "
                + "select f.transcript_id, t.site, t.cell_phase, f.valence, f.first_paragraph, f.last_paragraph, s.name, t.language "
                + "from coding_fact f join transcript_fact t on t.transcript_id = f.transcript_id left join site s on s.code = t.site "
                + "where f.code_id in (select code_id from down) and (f.consensus or (f.round_id is null and not exists "
                + "(select 1 from coding_fact c where c.transcript_id = f.transcript_id and c.consensus))) and " + where
                + " order by t.site, f.transcript_id, f.first_paragraph limit 500", params.toArray());
        Set<String> audited = new TreeSet<>();
        for (Object[] coding : codings) {
            List<Object[]> paragraphs = sql.rows("select n, label, speaker, text, english from paragraph_fact where transcript_id = ?1 "
                    + "and n between ?2 and ?3 order by n", coding[0], coding[4], coding[5]);
            if (paragraphs.isEmpty()) {
                continue;
            }
            Object[] first = paragraphs.get(0);
            String speaker = (String) first[2];
            Object roleValue = sql.single("select role from participant_fact where site = ?1 and participant = ?2", coding[1], speaker);
            String role = roleValue == null ? null : (String) roleValue;
            if (filter.role() != null && !filter.role().equals(role)) {
                continue;
            }
            Map<String, Object> row = table.row();
            int last = ((Number) paragraphs.get(paragraphs.size() - 1)[0]).intValue();
            row.put("label", paragraphs.size() > 1 ? first[1] + "-" + last : first[1]);
            row.put("participantLabel", role == null ? null : "[#" + speaker.replaceAll("\\D", "") + ", " + coding[6] + ", " + role + "]");
            row.put("site", coding[1]);
            row.put("phase", CodeReports.label(coding[2]));
            row.put("valence", coding[3]);
            row.put("role", role);
            row.put("english", String.join(" ", paragraphs.stream().map(p -> (String) p[4]).toList()));
            boolean original = reader.memberOf().contains((String) coding[1]);
            row.put("original", original ? String.join(" ", paragraphs.stream().map(p -> (String) p[3]).toList()) : null);
            String language = (String) coding[7];
            if (original && !io.chorus.common.text.Languages.isEnglish(language) && audited.add((String) coding[0])) {
                sql.update("insert into original_read (at, subject, username, site, transcript_id, language) "
                        + "values (now(), ?1, ?2, ?3, ?4, ?5)", reader.subject(), reader.username(), coding[1], coding[0], language);
            }
        }
        return table.build();
    }

    public record OriginalRead(long id, java.time.Instant at, String subject, String username, String site, String transcriptId,
            String language) {
    }

    /** The audit of original-language reads through reports, newest first. */
    public io.chorus.common.rest.Page<OriginalRead> originalReads(String site, String username, int page, int size) {
        List<Object> params = new ArrayList<>();
        StringBuilder where = new StringBuilder("1 = 1");
        if (site != null) {
            params.add(site);
            where.append(" and site = ?").append(params.size());
        }
        if (username != null) {
            params.add(username);
            where.append(" and username = ?").append(params.size());
        }
        long total = num(sql.single("select count(*) from original_read where " + where, params.toArray()));
        params.add(size);
        params.add((long) page * size);
        List<OriginalRead> items = sql.rows("select id, at, subject, username, site, transcript_id, language from original_read where "
                + where + " order by id desc limit ?" + (params.size() - 1) + " offset ?" + params.size(), params.toArray()).stream()
                .map(r -> new OriginalRead(num(r[0]), instant(r[1]), (String) r[2], (String) r[3],
                        (String) r[4], (String) r[5], (String) r[6])).toList();
        return new io.chorus.common.rest.Page<>(items, page, size, total);
    }

    private static java.time.Instant instant(Object value) {
        return value instanceof java.time.Instant instant ? instant
                : value instanceof java.time.OffsetDateTime offset ? offset.toInstant()
                : ((java.sql.Timestamp) value).toInstant();
    }

    public void submitMeasure(String site, String phase, List<Integer> items, String by) {
        if (sql.single("select 1 from site where code = ?1", site) == null) {
            throw ProblemException.notFound("Site '" + site + "'");
        }
        String key = phase == null ? "" : phase;
        sql.update("delete from implementation_measure where site = ?1 and phase = ?2", site, key);
        sql.update("insert into implementation_measure values (?1, ?2, ?3, ?4, now())", site, key,
                String.join(",", items.stream().map(String::valueOf).toList()), by);
    }

    /** Each site's sum (0-24) and item scores, then the mean item scores of each group of sites. */
    public ReportTable measure(ReportFilter filter, String groupBy) {
        if (!Set.of("income", "priorPeerSupport").contains(groupBy)) {
            throw ProblemException.invalid("/groupBy", "groupBy must be income or priorPeerSupport");
        }
        String phase = filter.phase() == null ? "" : filter.phase();
        ReportTable.Builder table = ReportTable.builder("implementation-measure", "Implementation measure (8 items, 0-3)",
                Map.of("phase", phase, "groupBy", groupBy)).column("site", "Site / group").column("group", "Group").column("sites", "Sites");
        for (int i = 1; i <= MEASURE_ITEMS; i++) {
            table.column("item" + i, "Item " + i);
        }
        table.column("sum", "Sum (0-24)").column("meanItem", "Mean item score");
        Map<String, List<int[]>> groups = new TreeMap<>();
        Map<String, Set<String>> members = new TreeMap<>();
        Map<String, Set<String>> otherGrouping = new TreeMap<>();
        for (Object[] row : sql.rows("select m.site, m.items, s.prior_peer_support, (select band from site_income i where i.site = m.site "
                + "and i.valid_from <= m.submitted_at order by valid_from desc limit 1) from implementation_measure m "
                + "join site s on s.code = m.site where m.phase = ?1 order by m.site", phase)) {
            int[] items = Arrays.stream(((String) row[1]).split(",")).mapToInt(Integer::parseInt).toArray();
            String band = String.valueOf(row[3]);
            String prior = Boolean.TRUE.equals(row[2]) ? "prior peer support" : "no prior peer support";
            String group = "income".equals(groupBy) ? band : prior;
            groups.computeIfAbsent(group, g -> new ArrayList<>()).add(items);
            members.computeIfAbsent(group, g -> new TreeSet<>()).add((String) row[0]);
            otherGrouping.computeIfAbsent("income".equals(groupBy) ? prior : band, g -> new TreeSet<>()).add((String) row[0]);
            if (filter.visibleSites() == null || filter.visibleSites().contains((String) row[0])) {
                Map<String, Object> out = table.row();
                out.put("site", row[0]);
                out.put("group", group);
                out.put("sites", 1L);
                putItems(out, List.<int[]>of(items));
            }
        }
        groups.forEach((group, scores) -> {
            Map<String, Object> out = table.row();
            out.put("site", "group: " + group);
            out.put("group", group);
            out.put("sites", (long) scores.size());
            putItems(out, scores);
            if (!Disclosure.showsGroup(members.get(group), otherGrouping.values(), filter.visibleSites(),
                    disclosureConfig.minSitesForOthers())) {
                List<String> figures = new ArrayList<>(List.of("sum", "meanItem"));
                for (int i = 1; i <= MEASURE_ITEMS; i++) {
                    figures.add("item" + i);
                }
                table.withhold(out, figures, "Group figures covering other sites are withheld (null) unless the group, and what is left of it or of "
                        + "a group of the other grouping when one is subtracted from the other, hold no other site or at least "
                        + disclosureConfig.minSitesForOthers() + " sites other than your own");
            }
        });
        return table.chart("site", List.of("meanItem"), "Mean item score per site and group", "bars", "Mean item score (0-3)").build();
    }

    private static void putItems(Map<String, Object> out, List<int[]> members) {
        double sum = 0;
        for (int i = 0; i < MEASURE_ITEMS; i++) {
            int index = i;
            double mean = members.stream().mapToInt(m -> m[index]).average().orElse(0);
            out.put("item" + (i + 1), mean);
            sum += mean;
        }
        out.put("sum", sum);
        out.put("meanItem", sum / MEASURE_ITEMS);
    }

    private static String roleCondition(ReportFilter filter, List<Object> params) {
        if (filter.role() == null) {
            return "";
        }
        if (filter.roleNotStated()) {
            return " and coalesce(p.role, '') = ''";
        }
        params.add(filter.role());
        return " and p.role = ?" + params.size();
    }

    private static String sessionWhere(ReportFilter filter, List<Object> params) {
        StringBuilder where = new StringBuilder("1 = 1");
        for (String[] condition : new String[][] {{"s.study", filter.study()}, {"s.phase", filter.phase()}, {"s.site", filter.site()}}) {
            if (condition[1] != null) {
                params.add(condition[1]);
                where.append(" and ").append(condition[0]).append(" = ?").append(params.size());
            }
        }
        if (filter.income() != null) {
            params.add(filter.income());
            where.append(" and (select band from site_income i where i.site = s.site and i.valid_from <= s.session_date "
                    + "order by valid_from desc limit 1) = ?").append(params.size());
        }
        if (filter.visibleSites() != null) {
            params.add(filter.visibleSites().isEmpty() ? Set.of("-") : filter.visibleSites());
            where.append(" and s.site in (?").append(params.size()).append(")");
        }
        return where.toString();
    }

}
