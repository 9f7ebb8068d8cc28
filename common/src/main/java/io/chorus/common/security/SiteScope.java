package io.chorus.common.security;

import io.chorus.common.problem.ProblemException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonString;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The sites the caller may act on, read from the token's {@code sites} claim (filled by Keycloak
 * from the site groups). Never taken from a request body.
 */
@RequestScoped
public class SiteScope {

    public static final String SITES_CLAIM = "sites";

    @Inject
    JsonWebToken token;

    @Inject
    SecurityIdentity identity;

    public Set<String> sites() {
        Object claim = token.getClaim(SITES_CLAIM);
        Set<String> sites = new TreeSet<>();
        if (claim instanceof JsonArray array) {
            array.forEach(value -> sites.add(((JsonString) value).getString()));
        } else if (claim instanceof JsonString single) {
            sites.add(single.getString());
        } else if (claim instanceof Collection<?> values) {
            values.forEach(value -> sites.add(String.valueOf(value)));
        } else if (claim instanceof String single) {
            sites.add(single);
        }
        return sites;
    }

    /** Analysts and consortium admins work across every site. */
    public boolean seesAllSites() {
        return identity.hasRole(Roles.ANALYST) || identity.hasRole(Roles.CONSORTIUM_ADMIN);
    }

    public boolean isMemberOf(String site) {
        return sites().contains(site);
    }

    public boolean canRead(String site) {
        return seesAllSites() || isMemberOf(site);
    }

    /** Writing for a site needs membership of that site in the token; anything else is refused. */
    public void requireWriteAccess(String site) {
        if (!isMemberOf(site)) {
            throw ProblemException.forbidden("Your token does not grant access to site '" + site + "'");
        }
    }

    /** Reading another site's object answers 404, so its existence is not revealed. */
    public void requireReadAccess(String site, String what) {
        if (!canRead(site)) {
            throw ProblemException.notFound(what);
        }
    }
}
