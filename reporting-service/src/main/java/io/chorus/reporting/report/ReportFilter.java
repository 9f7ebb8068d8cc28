package io.chorus.reporting.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The filters every report takes. {@code visibleSites} is not a client filter: it is the caller's
 * site scope (null when they see every site), applied to rows that name a site.
 */
public record ReportFilter(String study, String phase, String site, String income, String role, String codebook,
        Integer codebookVersion, Set<String> visibleSites) {

    /** How a missing value is shown, and the filter value that selects it (role=not stated). */
    public static final String NOT_STATED = "not stated";

    public ReportFilter withCodebook(String codebookId) {
        return new ReportFilter(study, phase, site, income, role, codebookId, codebookVersion, visibleSites);
    }

    public boolean roleNotStated() {
        return NOT_STATED.equalsIgnoreCase(role);
    }

    /** Conditions on a table with columns site, study, phase, band, role (prefixed for transcript_fact). */
    public String where(String alias, String dimensionPrefix, List<Object> params, boolean scopeToVisibleSites) {
        StringBuilder where = new StringBuilder("1 = 1");
        add(where, params, alias + "." + dimensionPrefix + "study", study);
        add(where, params, alias + "." + dimensionPrefix + "phase", phase);
        add(where, params, alias + "." + dimensionPrefix + "band", income);
        if (roleNotStated()) {
            where.append(" and coalesce(").append(alias).append(".").append(dimensionPrefix).append("role, '') = ''");
        } else {
            add(where, params, alias + "." + dimensionPrefix + "role", role);
        }
        add(where, params, alias + ".site", site);
        if (scopeToVisibleSites && visibleSites != null) {
            params.add(visibleSites.isEmpty() ? Set.of("-") : visibleSites);
            where.append(" and ").append(alias).append(".site in (?").append(params.size()).append(")");
        }
        return where.toString();
    }

    /** Conditions restricting codes (alias of code_fact) to the codebook and version asked for. */
    public String codeWhere(String alias, List<Object> params) {
        StringBuilder where = new StringBuilder("1 = 1");
        add(where, params, alias + ".codebook_id", codebook);
        if (codebookVersion != null) {
            params.add(codebookVersion);
            where.append(" and exists (select 1 from code_in_version v where v.code_id = ").append(alias)
                    .append(".code_id and v.version = ?").append(params.size()).append(")");
        }
        return where.toString();
    }

    public Map<String, String> describe() {
        Map<String, String> described = new LinkedHashMap<>();
        put(described, "study", study);
        put(described, "phase", phase);
        put(described, "site", site);
        put(described, "income", income);
        put(described, "role", role);
        put(described, "codebook", codebook);
        put(described, "codebookVersion", codebookVersion == null ? null : codebookVersion.toString());
        return described;
    }

    private static void add(StringBuilder where, List<Object> params, String column, String value) {
        if (value != null && !value.isBlank()) {
            params.add(value);
            where.append(" and ").append(column).append(" = ?").append(params.size());
        }
    }

    private static void put(Map<String, String> described, String key, String value) {
        if (value != null && !value.isBlank()) {
            described.put(key, value);
        }
    }
}
