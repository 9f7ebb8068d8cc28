package io.chorus.common.testing;

import io.smallrye.jwt.build.Jwt;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Tokens shaped like the chorus realm's, signed for the WireMock OIDC server of the fast suites. As in
 * Keycloak, {@code sub} is a UUID that differs from {@code preferred_username}, so a service recording
 * the wrong one fails its tests.
 */
public final class TestTokens {

    private TestTokens() {
    }

    /**
     * A person or client holding each role at each listed site; consortium-admin and analyst (and a
     * translator with no site: the translation team) are realm roles.
     */
    public static String token(String username, List<String> roles, List<String> sites) {
        List<String> realm = new ArrayList<>();
        Map<String, List<String>> bySite = new LinkedHashMap<>();
        for (String role : roles) {
            if (role.equals("consortium-admin") || role.equals("analyst") || sites.isEmpty()) {
                realm.add(role);
            } else {
                sites.forEach(site -> bySite.computeIfAbsent(site, s -> new ArrayList<>()).add(role));
            }
        }
        return token(username, realm, bySite);
    }

    /** A token with realm roles and the given roles per site, such as {@code {"BU": ["site-lead"], "ULM": ["translator"]}}. */
    public static String token(String username, List<String> realmRoles, Map<String, List<String>> siteRoles) {
        List<String> entries = new ArrayList<>();
        siteRoles.forEach((site, roles) -> roles.forEach(role -> entries.add(site + ":" + role)));
        return Jwt.preferredUserName(username)
                .subject(subjectOf(username))
                .issuer("https://server.example.com")
                .audience("chorus-api")
                .claim("realm_access", Map.of("roles", realmRoles))
                .claim("sites", List.copyOf(siteRoles.keySet()))
                .claim("site_roles", entries)
                .sign();
    }

    /** The subject id a test token of this username carries. */
    public static String subjectOf(String username) {
        return UUID.nameUUIDFromBytes(username.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
