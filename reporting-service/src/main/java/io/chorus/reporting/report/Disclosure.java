package io.chorus.reporting.report;

import java.util.Map;
import java.util.Set;

/**
 * Which figures covering other sites site staff may see. A figure that includes other sites' data is
 * shown only when it aggregates at least {@code minOthers} other sites, so that no single other site's
 * values can be worked out from it; otherwise it is withheld (null) and the table says why.
 * {@code visible} is null for analysts and admins, who see everything.
 */
public record Disclosure(Set<String> visible, int minOthers, long othersInTotal, Map<String, Long> othersByValue) {

    public static Disclosure everything() {
        return new Disclosure(null, 0, 0, Map.of());
    }

    public boolean showsTotal() {
        return allowed(othersInTotal);
    }

    public boolean shows(String value) {
        return allowed(othersByValue.getOrDefault(value, 0L));
    }

    private boolean allowed(long others) {
        return visible == null || others == 0 || others >= minOthers;
    }

    /** Withholds the row's cells at these keys unless shown, and notes why in the table. */
    public void withhold(ReportTable.Builder table, Map<String, Object> row, boolean shown, String... keys) {
        if (!shown) {
            for (String key : keys) {
                row.put(key, null);
            }
            table.note(note());
        }
    }

    public String note() {
        return "Figures covering other sites are withheld (null) where they aggregate fewer than " + minOthers
                + " sites other than your own, so that no other site's values can be worked out";
    }
}
