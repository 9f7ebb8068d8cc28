package io.chorus.reporting.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Keeps the pre-aggregated cells the reports read. A transcript's contribution (per code, rolled up to
 * every ancestor, and per pair of co-occurring codes) is recomputed whenever anything about it changes,
 * and the difference is applied to its cell: site x study x phase x income band on the session date x
 * participant group. The counted codings are the transcript's consensus set if it has one, otherwise
 * the codings made outside double-coding rounds.
 */
@ApplicationScoped
@Transactional
public class CodeCells {

    static final String[] VALENCES = {"facilitator", "barrier", "mixed", "neutral"};

    @Inject
    Sql sql;

    @Inject
    SiteDirectory sites;

    /** One transcript's totals for one code: passages, then facilitators, barriers, mixed, neutral. */
    static final class Tally {
        int passages;
        final int[] valences = new int[4];
    }

    record Cell(String site, String study, String phase, String band, String role) {
    }

    public void refresh(String transcriptId) {
        // both consumer channels (and every instance) recompute transcripts: one at a time per transcript, or a
        // contribution read by both before either subtracted it is counted twice; the lock ends with the transaction
        sql.single("select cast(pg_advisory_xact_lock(hashtextextended(?1, 0)) as text)", transcriptId);
        subtractContribution(transcriptId);
        List<Object[]> fact = sql.rows("select site, session, released_at from transcript_fact where transcript_id = ?1", transcriptId);
        if (fact.isEmpty()) {
            return;
        }
        Cell cell = cellOf((String) fact.get(0)[0], (String) fact.get(0)[1], toDate(fact.get(0)[2]));
        List<Object[]> codings = counted(transcriptId);
        Map<String, List<String>> lineage = lineage(codings.stream().map(r -> (String) r[0]).collect(
                java.util.stream.Collectors.toSet()));
        Map<String, Tally> tallies = new TreeMap<>();
        for (Object[] coding : codings) {
            int valence = valenceIndex((String) coding[3]);
            for (String code : lineage.getOrDefault((String) coding[0], List.of((String) coding[0]))) {
                Tally tally = tallies.computeIfAbsent(code, c -> new Tally());
                tally.passages++;
                if (valence >= 0) {
                    tally.valences[valence]++;
                }
            }
        }
        Map<List<String>, Integer> pairs = new TreeMap<>((a, b) -> (a.get(0) + "|" + a.get(1)).compareTo(b.get(0) + "|" + b.get(1)));
        for (int i = 0; i < codings.size(); i++) {
            for (int j = i + 1; j < codings.size(); j++) {
                Object[] a = codings.get(i);
                Object[] b = codings.get(j);
                boolean overlap = (Integer) a[1] <= (Integer) b[2] && (Integer) b[1] <= (Integer) a[2];
                if (overlap && !a[0].equals(b[0])) {
                    String first = ((String) a[0]).compareTo((String) b[0]) < 0 ? (String) a[0] : (String) b[0];
                    String second = first.equals(a[0]) ? (String) b[0] : (String) a[0];
                    pairs.merge(List.of(first, second), 1, Integer::sum);
                }
            }
        }
        for (Map.Entry<String, Tally> entry : tallies.entrySet()) {
            Tally t = entry.getValue();
            sql.update("insert into transcript_code values (?1, ?2, ?3, ?4, ?5, ?6, ?7)", transcriptId, entry.getKey(),
                    t.passages, t.valences[0], t.valences[1], t.valences[2], t.valences[3]);
            addToCell(entry.getKey(), cell, 1, t.passages, t.valences, 1);
        }
        for (Map.Entry<List<String>, Integer> pair : pairs.entrySet()) {
            sql.update("insert into transcript_pair values (?1, ?2, ?3, ?4)", transcriptId, pair.getKey().get(0),
                    pair.getKey().get(1), pair.getValue());
            sql.update("insert into pair_cell values (?1, ?2, ?3, ?4, ?5, ?6, ?7, 1, ?8) on conflict "
                    + "(code_a, code_b, site, study, phase, band, role) do update set documents = pair_cell.documents + 1, "
                    + "passages = pair_cell.passages + excluded.passages", pair.getKey().get(0), pair.getKey().get(1),
                    cell.site(), cell.study(), cell.phase(), cell.band(), cell.role(), pair.getValue());
        }
        sql.update("update transcript_fact set cell_study = ?2, cell_phase = ?3, cell_band = ?4, cell_role = ?5, "
                + "coded = exists (select 1 from coding_fact where transcript_id = ?1), "
                // double-coded: two coders' independent work in a round, or a consensus decided from it
                + "double_coded = exists (select 1 from coding_fact where transcript_id = ?1 and round_id is not null "
                + "group by round_id having count(distinct case when not consensus then coder end) >= 2 or bool_or(consensus)) "
                + "where transcript_id = ?1", transcriptId, cell.study(), cell.phase(), cell.band(), cell.role());
    }

    /** Every transcript with a counted coding of one of these codes (after a tree change). */
    public void refreshCodes(Set<String> codeIds) {
        if (codeIds.isEmpty()) {
            return;
        }
        for (Object[] row : sql.rows("select distinct transcript_id from coding_fact where code_id in (?1)", codeIds)) {
            refresh((String) row[0]);
        }
    }

    /** Transcripts of one session, when its study, phase, date or group changed. */
    public void refreshSession(String site, String externalId) {
        for (Object[] row : sql.rows("select transcript_id from transcript_fact where site = ?1 and session = ?2", site, externalId)) {
            refresh((String) row[0]);
        }
    }

    private void subtractContribution(String transcriptId) {
        List<Object[]> fact = sql.rows("select site, cell_study, cell_phase, cell_band, cell_role from transcript_fact "
                + "where transcript_id = ?1", transcriptId);
        List<Object[]> old = sql.rows("select code_id, passages, facilitators, barriers, mixed, neutral from transcript_code "
                + "where transcript_id = ?1", transcriptId);
        List<Object[]> oldPairs = sql.rows("select code_a, code_b, passages from transcript_pair where transcript_id = ?1", transcriptId);
        if (!fact.isEmpty()) {
            Cell cell = new Cell((String) fact.get(0)[0], (String) fact.get(0)[1], (String) fact.get(0)[2],
                    (String) fact.get(0)[3], (String) fact.get(0)[4]);
            for (Object[] row : old) {
                int[] valences = {(Integer) row[2], (Integer) row[3], (Integer) row[4], (Integer) row[5]};
                addToCell((String) row[0], cell, -1, (Integer) row[1], valences, -1);
            }
            for (Object[] pair : oldPairs) {
                sql.update("update pair_cell set documents = documents - 1, passages = passages - ?8 where code_a = ?1 and "
                        + "code_b = ?2 and site = ?3 and study = ?4 and phase = ?5 and band = ?6 and role = ?7", pair[0], pair[1],
                        cell.site(), cell.study(), cell.phase(), cell.band(), cell.role(), pair[2]);
            }
            sql.update("delete from code_cell where documents <= 0");
            sql.update("delete from pair_cell where documents <= 0");
        }
        sql.update("delete from transcript_code where transcript_id = ?1", transcriptId);
        sql.update("delete from transcript_pair where transcript_id = ?1", transcriptId);
    }

    private void addToCell(String code, Cell cell, int documents, int passages, int[] valences, int sign) {
        sql.update("insert into code_cell values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12) on conflict "
                        + "(code_id, site, study, phase, band, role) do update set documents = code_cell.documents + excluded.documents, "
                        + "passages = code_cell.passages + excluded.passages, facilitators = code_cell.facilitators + excluded.facilitators, "
                        + "barriers = code_cell.barriers + excluded.barriers, mixed = code_cell.mixed + excluded.mixed, "
                        + "neutral = code_cell.neutral + excluded.neutral",
                code, cell.site(), cell.study(), cell.phase(), cell.band(), cell.role(), documents, sign * passages,
                sign * valences[0], sign * valences[1], sign * valences[2], sign * valences[3]);
    }

    /** Code, first and last paragraph, valence of each counted coding. */
    private List<Object[]> counted(String transcriptId) {
        boolean consensus = sql.single("select 1 from coding_fact where transcript_id = ?1 and consensus limit 1", transcriptId) != null;
        return sql.rows("select code_id, first_paragraph, last_paragraph, valence from coding_fact where transcript_id = ?1 and "
                + (consensus ? "consensus" : "round_id is null") + " order by coding_id", transcriptId);
    }

    /** Each code with itself and its ancestors, nearest first; unknown codes stand alone. */
    private Map<String, List<String>> lineage(Set<String> codes) {
        Map<String, List<String>> lineage = new HashMap<>();
        if (codes.isEmpty()) {
            return lineage;
        }
        for (Object[] row : sql.rows("with recursive up(leaf, code_id, parent_id, depth) as ("
                + "select code_id, code_id, parent_id, 0 from code_fact where code_id in (?1) "
                + "union all select up.leaf, c.code_id, c.parent_id, up.depth + 1 from code_fact c join up on c.code_id = up.parent_id "
                + "where up.depth < 20) select leaf, code_id from up order by leaf, depth", codes)) {
            lineage.computeIfAbsent((String) row[0], k -> new ArrayList<>()).add((String) row[1]);
        }
        return lineage;
    }

    private Cell cellOf(String site, String session, LocalDate released) {
        List<Object[]> found = session == null ? List.of() : sql.rows("select study, phase, session_date, participant_group "
                + "from session_fact where site = ?1 and external_id = ?2", site, session);
        if (found.isEmpty()) {
            return new Cell(site, "", "", sites.bandOn(site, released), "");
        }
        Object[] s = found.get(0);
        LocalDate date = toDate(s[2]);
        return new Cell(site, (String) s[0], (String) s[1], sites.bandOn(site, date), s[3] == null ? "" : (String) s[3]);
    }

    static LocalDate toDate(Object value) {
        if (value instanceof java.sql.Date date) {
            return date.toLocalDate();
        }
        if (value instanceof LocalDate date) {
            return date;
        }
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant().atZone(ZoneOffset.UTC).toLocalDate();
        }
        if (value instanceof java.time.Instant instant) {
            return instant.atZone(ZoneOffset.UTC).toLocalDate();
        }
        if (value instanceof java.time.OffsetDateTime offset) {
            return offset.toLocalDate();
        }
        throw new IllegalStateException("not a date: " + value);
    }

    static int valenceIndex(String valence) {
        for (int i = 0; i < VALENCES.length; i++) {
            if (VALENCES[i].equals(valence)) {
                return i;
            }
        }
        return -1;
    }


    /** The codes whose cells disagree with the sum of the transcripts' contributions they are made of. */
    public record Difference(String codeId, long cellPassages, long factPassages, long cellDocuments, long factDocuments) {
    }

    public List<Difference> differences() {
        List<Difference> differences = new ArrayList<>();
        for (Object[] row : sql.rows("select coalesce(c.code_id, t.code_id), coalesce(c.passages, 0), coalesce(t.passages, 0), "
                + "coalesce(c.documents, 0), coalesce(t.documents, 0) "
                + "from (select code_id, sum(passages) passages, sum(documents) documents from code_cell group by code_id) c "
                + "full join (select code_id, sum(passages) passages, count(*) documents from transcript_code group by code_id) t "
                + "on c.code_id = t.code_id where coalesce(c.passages, 0) <> coalesce(t.passages, 0) "
                + "or coalesce(c.documents, 0) <> coalesce(t.documents, 0) order by 1")) {
            differences.add(new Difference((String) row[0], ((Number) row[1]).longValue(), ((Number) row[2]).longValue(),
                    ((Number) row[3]).longValue(), ((Number) row[4]).longValue()));
        }
        return differences;
    }
}
