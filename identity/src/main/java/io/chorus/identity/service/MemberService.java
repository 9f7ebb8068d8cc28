package io.chorus.identity.service;

import io.chorus.common.problem.ProblemException;
import io.chorus.identity.keycloak.KeycloakDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.keycloak.representations.idm.UserRepresentation;

/** People at a site: invited or added with a role, re-roled, revoked. Keycloak holds the result. */
@ApplicationScoped
@Transactional
public class MemberService {

    static final String ROLES = "site-lead|site-researcher|translator|analyst";

    public record NewMember(@NotNull @Pattern(regexp = "[a-z0-9][a-z0-9._-]{1,59}") String username,
            @Email @Size(max = 200) String email, @Size(max = 100) String firstName, @Size(max = 100) String lastName,
            @NotNull @Pattern(regexp = ROLES) String role) {
    }

    public record RoleChange(@NotNull @Pattern(regexp = ROLES) String role) {
    }

    public record Member(String username, String firstName, String lastName, Set<String> roles, Set<String> sites) {
    }

    @Inject
    KeycloakDirectory keycloak;

    @Inject
    SiteService sites;

    @Inject
    AccessRules rules;

    @Inject
    AuditLog audit;

    public Member add(String site, NewMember command) {
        rules.requireManagerOf(site);
        sites.find(site);
        String group = keycloak.siteGroupId(site);
        rules.requireGrantable(command.role(), command.username());
        String userId = keycloak.user(command.username()).map(UserRepresentation::getId).orElse(null);
        boolean invited = userId == null;
        if (invited) {
            userId = keycloak.createUser(command.username(), command.email(), command.firstName(), command.lastName());
        } else if (keycloak.sitesOf(userId).contains(site)) {
            throw ProblemException.conflict("'" + command.username() + "' is already a member of " + site
                    + "; change their role with PUT .../members/" + command.username());
        }
        keycloak.join(userId, group);
        keycloak.grant(userId, command.role());
        audit.record(rules.actor(), invited ? "member-invited" : "member-added", site, "user:" + command.username(),
                Map.of("role", command.role()));
        return member(command.username());
    }

    public Member changeRole(String site, String username, RoleChange command) {
        rules.requireManagerOf(site);
        rules.requireGrantable(command.role(), username);
        String userId = memberId(site, username);
        Set<String> held = keycloak.realmRoles(userId);
        if (!rules.isAdmin() && held.contains("analyst")) {
            throw ProblemException.forbidden("Only a consortium admin changes an analyst's roles");
        }
        for (String role : AccessRules.PERSON_ROLES) {
            if (held.contains(role) && !role.equals(command.role())) {
                keycloak.revoke(userId, role);
            }
        }
        keycloak.grant(userId, command.role());
        audit.record(rules.actor(), "role-changed", site, "user:" + username, Map.of("from", new TreeSet<>(held), "to", command.role()));
        return member(username);
    }

    public void revoke(String site, String username) {
        rules.requireManagerOf(site);
        if (username.equals(rules.actor()) && !rules.isAdmin()) {
            throw ProblemException.forbidden("You cannot change your own access");
        }
        String userId = memberId(site, username);
        if (!rules.isAdmin() && keycloak.realmRoles(userId).contains("analyst")) {
            throw ProblemException.forbidden("Only a consortium admin revokes an analyst");
        }
        keycloak.leave(userId, keycloak.siteGroupId(site));
        if (keycloak.sitesOf(userId).isEmpty()) {
            for (String role : List.of("site-lead", "site-researcher", "translator")) {
                if (keycloak.realmRoles(userId).contains(role)) {
                    keycloak.revoke(userId, role);
                }
            }
        }
        keycloak.logout(userId);
        audit.record(rules.actor(), "member-revoked", site, "user:" + username, Map.of());
    }

    public List<Member> list(String site) {
        rules.requireManagerOf(site);
        sites.find(site);
        return keycloak.members(keycloak.siteGroupId(site)).stream().filter(u -> !u.getUsername().startsWith("service-account-"))
                .map(u -> member(u.getUsername())).toList();
    }

    private String memberId(String site, String username) {
        String userId = keycloak.user(username).map(UserRepresentation::getId)
                .orElseThrow(() -> ProblemException.notFound("User '" + username + "'"));
        if (!keycloak.sitesOf(userId).contains(site)) {
            throw ProblemException.notFound("Member '" + username + "' of site " + site);
        }
        return userId;
    }

    private Member member(String username) {
        UserRepresentation user = keycloak.user(username).orElseThrow();
        Set<String> roles = new TreeSet<>(keycloak.realmRoles(user.getId()));
        roles.retainAll(Set.of("consortium-admin", "site-lead", "site-researcher", "translator", "analyst"));
        return new Member(user.getUsername(), user.getFirstName(), user.getLastName(), roles, new TreeSet<>(keycloak.sitesOf(user.getId())));
    }
}
