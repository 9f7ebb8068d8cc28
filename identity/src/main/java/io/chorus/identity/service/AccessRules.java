package io.chorus.identity.service;

import io.chorus.common.problem.ProblemException;
import io.chorus.common.security.Roles;
import io.chorus.common.security.Caller;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.Set;

/**
 * Who may manage access to which site. Consortium admins manage every site and may grant any person
 * role; a site lead manages their own sites only and grants no role above their own.
 */
@RequestScoped
public class AccessRules {

    static final Set<String> SITE_LEAD_GRANTS = Set.of(Roles.SITE_LEAD, Roles.SITE_RESEARCHER, Roles.TRANSLATOR);

    @Inject
    Caller caller;

    public String actor() {
        return caller.username();
    }

    public boolean isAdmin() {
        return caller.holdsConsortiumWide(Roles.CONSORTIUM_ADMIN);
    }

    /** Managing a site's members: admins anywhere, site leads at their own sites. */
    public void requireManagerOf(String site) {
        if (isAdmin()) {
            return;
        }
        if (!caller.holds(site, Roles.SITE_LEAD)) {
            throw ProblemException.forbidden("Only a consortium admin or a site lead of '" + site + "' manages its members");
        }
    }

    public void requireGrantable(String role, String username) {
        if (username.equals(actor()) && !isAdmin()) {
            throw ProblemException.forbidden("You cannot change your own access");
        }
        if (MemberService.isMachine(username)) {
            throw ProblemException.invalid("/role", "'" + username + "' is a partner system's service account: a machine client holds "
                    + "only the partner-system role of its site, which /api/sites/{site}/partners grants and revokes");
        }
        if (!isAdmin() && !SITE_LEAD_GRANTS.contains(role)) {
            throw ProblemException.forbidden("A site lead cannot grant '" + role + "', which is above their own role");
        }
    }
}
