package io.chorus.common.security;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The roles a token holds: realm roles (consortium-wide) and, per site, the site roles of the
 * {@code site_roles} claim, whose entries read {@code "BU:site-lead"} (Keycloak fills it from the
 * per-site role groups {@code /sites/BU/site-lead}).
 */
public record SiteRoles(Set<String> realmRoles, Map<String, Set<String>> bySite) {

    public static final String CLAIM = "site_roles";

    public static SiteRoles of(JsonWebToken token) {
        Set<String> realm = new TreeSet<>();
        Object realmAccess = token.getClaim("realm_access");
        if (realmAccess instanceof JsonObject access && access.get("roles") instanceof JsonArray roles) {
            strings(roles, realm);
        } else if (realmAccess instanceof Map<?, ?> access && access.get("roles") instanceof Collection<?> roles) {
            roles.forEach(role -> realm.add(String.valueOf(role)));
        }
        Set<String> entries = new TreeSet<>();
        Object claim = token.getClaim(CLAIM);
        if (claim instanceof JsonArray array) {
            strings(array, entries);
        } else if (claim instanceof Collection<?> values) {
            values.forEach(value -> entries.add(String.valueOf(value)));
        } else if (claim instanceof JsonString single) {
            entries.add(single.getString());
        } else if (claim instanceof String single) {
            entries.add(single);
        }
        Map<String, Set<String>> bySite = new TreeMap<>();
        for (String entry : entries) {
            int colon = entry.indexOf(':');
            String role = colon < 0 ? "" : entry.substring(colon + 1);
            if (colon > 0 && Roles.SITE_ROLES.contains(role)) {
                bySite.computeIfAbsent(entry.substring(0, colon), site -> new TreeSet<>()).add(role);
            }
        }
        return new SiteRoles(realm, bySite);
    }

    /** A consortium-wide role held as a realm role; site roles given realm-wide are ignored. */
    public boolean holdsConsortiumWide(String role) {
        return Roles.CONSORTIUM_WIDE.contains(role) && realmRoles.contains(role);
    }

    public boolean holdsAt(String site, String role) {
        return holdsConsortiumWide(role) || bySite.getOrDefault(site, Set.of()).contains(role);
    }

    /** Every role held anywhere: what {@code @RolesAllowed} checks before the per-site check. */
    public Set<String> anywhere() {
        Set<String> all = new TreeSet<>();
        realmRoles.stream().filter(Roles.CONSORTIUM_WIDE::contains).forEach(all::add);
        bySite.values().forEach(all::addAll);
        return all;
    }

    private static void strings(JsonArray array, Set<String> into) {
        for (JsonValue value : array) {
            if (value instanceof JsonString string) {
                into.add(string.getString());
            }
        }
    }
}
