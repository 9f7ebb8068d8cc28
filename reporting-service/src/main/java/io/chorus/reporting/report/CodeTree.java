package io.chorus.reporting.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The published codes a report covers, in tree order, with their depth (1 = top level). */
public final class CodeTree {

    public record Node(String id, String parentId, String name, String frameworkRef, String codebook, int level) {
    }

    private CodeTree() {
    }

    /** @param rows code_id, parent_id, name, framework_ref, codebook_name */
    public static List<Node> of(List<Object[]> rows) {
        Map<String, Object[]> byId = new HashMap<>();
        Map<String, List<Object[]>> children = new HashMap<>();
        for (Object[] row : rows) {
            byId.put((String) row[0], row);
        }
        for (Object[] row : rows) {
            String parent = row[1] != null && byId.containsKey((String) row[1]) ? (String) row[1] : "";
            children.computeIfAbsent(parent, p -> new ArrayList<>()).add(row);
        }
        List<Node> ordered = new ArrayList<>();
        walk("", 1, children, ordered);
        return ordered;
    }

    private static void walk(String parent, int level, Map<String, List<Object[]>> children, List<Node> out) {
        List<Object[]> kids = new ArrayList<>(children.getOrDefault(parent, List.of()));
        kids.sort(Comparator.comparing((Object[] r) -> String.valueOf(r[4])).thenComparing(r -> String.valueOf(r[2])));
        for (Object[] row : kids) {
            out.add(new Node((String) row[0], (String) row[1], (String) row[2], (String) row[3], (String) row[4], level));
            walk((String) row[0], level + 1, children, out);
        }
    }
}
