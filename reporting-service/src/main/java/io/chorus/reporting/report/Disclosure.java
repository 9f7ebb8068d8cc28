package io.chorus.reporting.report;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which figures covering other sites site staff may see, so that no other site's values can be worked out,
 * from one table or by subtracting one table from another:
 * <ul>
 * <li>only within one study ({@code study=}) and without a phase, income or role filter, so that the
 * populations site staff can ask about are a study and its one-way breakdowns, never a subset of another
 * figure's population chosen at will;</li>
 * <li>only where the figure aggregates no other site or at least {@code minOthers} of them, and so does its
 * complement within the study (what subtracting it from the study total leaves).</li>
 * </ul>
 * Withheld figures are null, and the table's notes say why. {@code visible} is null for analysts and admins,
 * who see everything.
 */
public record Disclosure(Set<String> visible, int minOthers, boolean comparable, long othersInTotal,
        Map<String, Long> othersByValue, Map<String, Long> othersOutsideValue) {

    public static Disclosure everything() {
        return new Disclosure(null, 0, true, 0, Map.of(), Map.of());
    }

    /** A figure of the caller's own sites only is always theirs to see. */
    public boolean showsTotal() {
        return visible == null || othersInTotal == 0 || comparable && allowed(othersInTotal);
    }

    public boolean shows(String value) {
        long inside = othersByValue.getOrDefault(value, 0L);
        return visible == null || inside == 0 || comparable && allowed(inside) && allowed(othersOutsideValue.getOrDefault(value, 0L));
    }

    private boolean allowed(long others) {
        return enough(others, minOthers);
    }

    private static boolean enough(long others, int minOthers) {
        return others == 0 || others >= minOthers;
    }

    /**
     * An implementation-measure group's means are shown to site staff when the group holds no or enough other
     * sites, and so does its difference to every shown group of the other grouping that it contains or that
     * contains it (means times group sizes could otherwise be subtracted).
     */
    public static boolean showsGroup(Set<String> group, java.util.Collection<Set<String>> otherGrouping, Set<String> visible,
            int minOthers) {
        if (visible == null) {
            return true;
        }
        long others = others(group, visible);
        if (others == 0) {
            return true;
        }
        if (!enough(others, minOthers)) {
            return false;
        }
        for (Set<String> other : otherGrouping) {
            long otherOthers = others(other, visible);
            if (otherOthers == 0 || !enough(otherOthers, minOthers) || other.equals(group)) {
                continue;
            }
            Set<String> difference = new java.util.TreeSet<>(group.containsAll(other) ? group : other.containsAll(group) ? other : Set.of());
            difference.removeAll(group.containsAll(other) ? other : group);
            if (!enough(others(difference, visible), minOthers)) {
                return false;
            }
        }
        return true;
    }

    private static long others(Set<String> sites, Set<String> visible) {
        return sites.stream().filter(site -> !visible.contains(site)).count();
    }

    /** Withholds the row's cells at these keys unless shown, and notes why in the table. */
    public void withhold(ReportTable.Builder table, Map<String, Object> row, boolean shown, String... keys) {
        if (!shown) {
            table.withhold(row, List.of(keys), note());
        }
    }

    public String note() {
        return "Figures covering other sites are withheld (null) unless they are for one study (study=...), without a phase, "
                + "income or role filter, and they and what subtracting them from the study total leaves aggregate no other "
                + "site or at least " + minOthers + " sites other than your own, so that no other site's values can be worked out";
    }
}
