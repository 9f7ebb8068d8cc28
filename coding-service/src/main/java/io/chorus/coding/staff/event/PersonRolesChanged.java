package io.chorus.coding.staff.event;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.Map;
import java.util.Set;

/** What coding-service reads of io.chorus.identity.person-roles-changed.v1 (a tolerant reader). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PersonRolesChanged(String username, Set<String> consortiumRoles, Map<String, Set<String>> siteRoles, int version) {

    public static final String TYPE = "io.chorus.identity.person-roles-changed.v1";
}
