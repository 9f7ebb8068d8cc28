package io.chorus.identity.service;

import io.chorus.common.problem.ProblemException;
import io.chorus.common.security.Roles;
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

/**
 * People at a site: invited or added with a role at that site, re-roled, revoked. The role is a membership
 * of the site's role group in Keycloak, so it holds at that site only; other sites are never touched.
 */
@ApplicationScoped
@Transactional
public class MemberService {

    static final String ROLES = "^(site-lead|site-researcher|translator)$";
    /** Keycloak's person-name rule: none of < > & " $ % ! # ? § ; * ~ / \\ | ^ = [ ] { } ( ). */
    static final String PERSON_NAME = "^[^<>&\"$%!#?§;*~/\\\\|^=\\[\\]{}()]*$";
    static final String NAME_MESSAGE = "may not contain any of < > & \" $ % ! # ? § ; * ~ / \\ | ^ = [ ] { } ( )";

    public record NewMember(@NotNull @Pattern(regexp = "^[a-z0-9][a-z0-9._-]{1,59}$",
                    message = "must be 2-60 lower-case letters, digits, '.', '_' or '-'") String username,
            @Email @Size(max = 200) String email,
            @Size(max = 100) @Pattern(regexp = PERSON_NAME, message = NAME_MESSAGE) String firstName,
            @Size(max = 100) @Pattern(regexp = PERSON_NAME, message = NAME_MESSAGE) String lastName,
            @NotNull @Pattern(regexp = ROLES, message = "must be a site role: site-lead, site-researcher or translator") String role) {
    }

    public record RoleChange(@NotNull @Pattern(regexp = ROLES,
            message = "must be a site role: site-lead, site-researcher or translator") String role) {
    }

    /**
     * A member as seen from one site: their role there, the consortium-wide roles that hold everywhere, and whether it is
     * a person or a partner system's service account.
     */
    public record Member(String username, String firstName, String lastName, String site, Set<String> roles,
            Set<String> consortiumRoles,
            @org.eclipse.microprofile.openapi.annotations.media.Schema(enumeration = {PERSON, PARTNER_SYSTEM},
                    description = "person, or partner-system for the service account of a site's machine client") String kind) {
    }

    public static final String PERSON = "person";
    public static final String PARTNER_SYSTEM = "partner-system";
    private static final String SERVICE_ACCOUNT = "service-account-";

    /** Keycloak names the account of a confidential client's client credentials so; no person is invited under it. */
    public static boolean isMachine(String username) {
        return username.startsWith(SERVICE_ACCOUNT);
    }

    @Inject
    KeycloakDirectory keycloak;

    @Inject
    SiteService sites;

    @Inject
    AccessRules rules;

    @Inject
    AuditLog audit;

    @Inject
    PeopleAnnouncements people;

    public Member add(String site, NewMember command) {
        rules.requireManagerOf(site);
        sites.find(site);
        rules.requireGrantable(command.role(), command.username());
        String userId = keycloak.user(command.username()).map(UserRepresentation::getId).orElse(null);
        boolean invited = userId == null;
        if (invited) {
            userId = keycloak.createUser(command.username(), command.email(), command.firstName(), command.lastName());
        } else if (keycloak.siteRolesOf(userId).containsKey(site)) {
            throw ProblemException.conflict("'" + command.username() + "' is already a member of " + site
                    + "; change their role with PUT .../members/" + command.username());
        }
        keycloak.join(userId, keycloak.roleGroupId(site, command.role()));
        audit.record(rules.actor(), invited ? "member-invited" : "member-added", site, "user:" + command.username(),
                Map.of("role", command.role()));
        people.announce(userId, command.username());
        return member(site, userId, command.username());
    }

    public Member changeRole(String site, String username, RoleChange command) {
        rules.requireManagerOf(site);
        rules.requireGrantable(command.role(), username);
        String userId = memberId(site, username);
        requireNotConsortiumStaff(userId, "changes the site roles of");
        Set<String> held = keycloak.siteRolesOf(userId).get(site);
        for (String role : held) {
            if (!role.equals(command.role())) {
                keycloak.leave(userId, keycloak.roleGroupId(site, role));
            }
        }
        keycloak.join(userId, keycloak.roleGroupId(site, command.role()));
        keycloak.logout(userId);
        audit.record(rules.actor(), "role-changed", site, "user:" + username, Map.of("from", new TreeSet<>(held), "to", command.role()));
        people.announce(userId, username);
        return member(site, userId, username);
    }

    public void revoke(String site, String username) {
        rules.requireManagerOf(site);
        if (username.equals(rules.actor()) && !rules.isAdmin()) {
            throw ProblemException.forbidden("You cannot change your own access");
        }
        String userId = memberId(site, username);
        requireNotConsortiumStaff(userId, "revokes");
        for (String role : keycloak.siteRolesOf(userId).get(site)) {
            keycloak.leave(userId, keycloak.roleGroupId(site, role));
        }
        keycloak.logout(userId);
        audit.record(rules.actor(), "member-revoked", site, "user:" + username, Map.of());
        people.announce(userId, username);
    }

    public List<Member> list(String site) {
        rules.requireManagerOf(site);
        sites.find(site);
        // every principal with a role at the site, partner systems' service accounts included, so that none holds one unseen
        return keycloak.members(site).stream().map(u -> member(site, u.getId(), u.getUsername())).toList();
    }

    private void requireNotConsortiumStaff(String userId, String what) {
        Set<String> consortium = keycloak.realmRoles(userId);
        if (!rules.isAdmin() && (consortium.contains(Roles.ANALYST) || consortium.contains(Roles.CONSORTIUM_ADMIN))) {
            throw ProblemException.forbidden("Only a consortium admin " + what + " an analyst or consortium admin");
        }
    }

    private String memberId(String site, String username) {
        String userId = keycloak.user(username).map(UserRepresentation::getId)
                .orElseThrow(() -> ProblemException.notFound("User '" + username + "'"));
        if (!keycloak.siteRolesOf(userId).containsKey(site)) {
            throw ProblemException.notFound("Member '" + username + "' of site " + site);
        }
        return userId;
    }

    private Member member(String site, String userId, String username) {
        UserRepresentation user = keycloak.user(username).orElseThrow();
        Set<String> consortium = new TreeSet<>(keycloak.realmRoles(userId));
        consortium.retainAll(Roles.CONSORTIUM_WIDE);
        return new Member(user.getUsername(), user.getFirstName(), user.getLastName(), site,
                new TreeSet<>(keycloak.siteRolesOf(userId).getOrDefault(site, Set.of())), consortium,
                isMachine(username) ? PARTNER_SYSTEM : PERSON);
    }
}
