package io.chorus.common.security;

import io.chorus.common.problem.ProblemException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who is calling and what they may do at which site, read from the token only, never from a payload.
 * Every service records {@link #username()} as the actor and asks {@link #holds} before acting at a site.
 */
@RequestScoped
public class Caller {

    @Inject
    JsonWebToken token;

    private SiteRoles roles;

    private SiteRoles roles() {
        if (roles == null) {
            roles = SiteRoles.of(token);
        }
        return roles;
    }

    /** The username (preferred_username), as every record of who acted names them. */
    public String username() {
        String name = token.getClaim("preferred_username");
        return name != null ? name : token.getSubject();
    }

    /** Keycloak's stable subject id, kept next to the username where an audit needs it. */
    public String subject() {
        return token.getSubject();
    }

    /** Whether the caller holds any of the roles at the site; consortium-wide roles hold at every site. */
    public boolean holds(String site, String... anyOf) {
        return Arrays.stream(anyOf).anyMatch(role -> roles().holdsAt(site, role));
    }

    public boolean holdsConsortiumWide(String... anyOf) {
        return Arrays.stream(anyOf).anyMatch(roles()::holdsConsortiumWide);
    }

    /** Analysts and consortium admins work across every site. */
    public boolean seesAllSites() {
        return holdsConsortiumWide(Roles.ANALYST, Roles.CONSORTIUM_ADMIN);
    }

    /** The sites where the caller holds a site role. */
    public Set<String> sites() {
        return new TreeSet<>(roles().bySite().keySet());
    }

    /** The sites where the caller holds one of the given site roles. */
    public Set<String> sitesWhere(String... anyOf) {
        Set<String> sites = new TreeSet<>();
        roles().bySite().forEach((site, held) -> {
            if (Arrays.stream(anyOf).anyMatch(held::contains)) {
                sites.add(site);
            }
        });
        return sites;
    }

    /** A member of the site: a site role there, or the translation team, who work on every site's originals. */
    public boolean isMemberOf(String site) {
        return roles().bySite().containsKey(site) || holdsConsortiumWide(Roles.TRANSLATOR);
    }

    public boolean canRead(String site) {
        return seesAllSites() || isMemberOf(site);
    }

    /** Acting at a site needs one of the roles at that site; anything else is refused with 403. */
    public void requireAt(String site, String... anyOf) {
        if (!holds(site, anyOf)) {
            throw ProblemException.forbidden("Your token holds none of the roles " + String.join(", ", anyOf)
                    + " at site '" + site + "'");
        }
    }

    /** A filter naming a site the caller holds none of the roles at is refused (403), not answered with that site's data. */
    public void requireSiteFilter(String site, String... anyOf) {
        if (site != null && !holds(site, anyOf)) {
            throw new ProblemException(403, "Forbidden", "You hold none of the roles " + String.join(", ", anyOf) + " at site '"
                    + site + "'", java.util.List.of(io.chorus.common.problem.Problem.FieldError.parameter("site",
                    "not one of your sites")));
        }
    }

    /** Reading another site's object answers 404, so its existence is not revealed. */
    public void requireReadAccess(String site, String what) {
        if (!canRead(site)) {
            throw ProblemException.notFound(what);
        }
    }

    /** Reading needs one of the roles at the object's site; without it the object is 404. */
    public void requireReadAccess(String site, String what, String... anyOf) {
        if (!holds(site, anyOf)) {
            throw ProblemException.notFound(what);
        }
    }
}
