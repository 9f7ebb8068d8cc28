package io.chorus.identity.service;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import io.chorus.common.problem.ProblemException;
import io.chorus.identity.keycloak.KeycloakDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.keycloak.representations.idm.UserRepresentation;

/**
 * Consortium-wide roles (analyst, translation-team translator, consortium admin): realm roles that hold at
 * every site, granted and revoked by consortium admins only.
 */
@ApplicationScoped
@Transactional
public class ConsortiumRoleService {

    public static final String ROLES = "^(analyst|translator|consortium-admin)$";

    @Schema(name = "ConsortiumRoleHolder")
    public record Holder(String username, List<String> consortiumRoles) {
    }

    @Inject
    KeycloakDirectory keycloak;

    @Inject
    AccessRules rules;

    @Inject
    AuditLog audit;

    @Inject
    PeopleAnnouncements people;

    public Holder grant(String role, String username) {
        if (MemberService.isMachine(username)) {
            throw ProblemException.invalid("/username", "'" + username + "' is a partner system's service account: a machine client "
                    + "holds only the partner-system role of its site");
        }
        String userId = userId(username);
        if (!keycloak.realmRoles(userId).contains(role)) {
            keycloak.grant(userId, role);
            audit.record(rules.actor(), "consortium-role-granted", null, "user:" + username, Map.of("role", role));
            people.announce(userId, username);
        }
        return holder(userId, username);
    }

    public void revoke(String role, String username) {
        if (username.equals(rules.actor())) {
            throw ProblemException.forbidden("You cannot change your own access");
        }
        String userId = userId(username);
        if (!keycloak.realmRoles(userId).contains(role)) {
            throw ProblemException.notFound("'" + username + "' holding '" + role + "'");
        }
        keycloak.revoke(userId, role);
        keycloak.logout(userId);
        audit.record(rules.actor(), "consortium-role-revoked", null, "user:" + username, Map.of("role", role));
        people.announce(userId, username);
    }

    private String userId(String username) {
        return keycloak.user(username).map(UserRepresentation::getId)
                .orElseThrow(() -> ProblemException.notFound("User '" + username + "'"));
    }

    private Holder holder(String userId, String username) {
        TreeSet<String> roles = new TreeSet<>(keycloak.realmRoles(userId));
        roles.retainAll(io.chorus.common.security.Roles.CONSORTIUM_WIDE);
        return new Holder(username, List.copyOf(roles));
    }
}
