package io.chorus.identity.service;

import io.chorus.common.problem.ProblemException;
import io.chorus.common.security.Roles;
import io.chorus.common.security.SiteScope;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Set;

/**
 * Who may manage access to which site. Consortium admins manage every site and may grant any person
 * role; a site lead manages their own sites only and grants no role above their own.
 */
@RequestScoped
public class AccessRules {

    /** The roles a person can hold at a site (partner-system is for clients, consortium-admin is granted in Keycloak). */
    public static final List<String> PERSON_ROLES = List.of(Roles.SITE_LEAD, Roles.SITE_RESEARCHER, Roles.TRANSLATOR, Roles.ANALYST);
    static final Set<String> SITE_LEAD_GRANTS = Set.of(Roles.SITE_LEAD, Roles.SITE_RESEARCHER, Roles.TRANSLATOR);

    @Inject
    SecurityIdentity identity;

    @Inject
    SiteScope scope;

    public String actor() {
        return identity.getPrincipal().getName();
    }

    public boolean isAdmin() {
        return identity.hasRole(Roles.CONSORTIUM_ADMIN);
    }

    /** Managing a site's members: admins anywhere, site leads at their own sites. */
    public void requireManagerOf(String site) {
        if (isAdmin()) {
            return;
        }
        if (!identity.hasRole(Roles.SITE_LEAD) || !scope.isMemberOf(site)) {
            throw ProblemException.forbidden("Only a consortium admin or a site lead of '" + site + "' manages its members");
        }
    }

    public void requireGrantable(String role, String username) {
        if (username.equals(actor()) && !isAdmin()) {
            throw ProblemException.forbidden("You cannot change your own access");
        }
        if (!isAdmin() && !SITE_LEAD_GRANTS.contains(role)) {
            throw ProblemException.forbidden("A site lead cannot grant '" + role + "', which is above their own role");
        }
    }
}
