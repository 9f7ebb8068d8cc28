package io.chorus.common.security;

import java.util.Set;

/**
 * The roles of identity/realm/chorus-realm.json. Consortium-wide roles are realm roles and hold at
 * every site; site roles are held per site (the token's {@code site_roles} claim).
 */
public final class Roles {
    public static final String CONSORTIUM_ADMIN = "consortium-admin";
    public static final String ANALYST = "analyst";
    /** A realm role for the translation team, who translate and review at every site; also a site role. */
    public static final String TRANSLATOR = "translator";
    public static final String SITE_LEAD = "site-lead";
    public static final String SITE_RESEARCHER = "site-researcher";
    public static final String PARTNER_SYSTEM = "partner-system";

    public static final Set<String> CONSORTIUM_WIDE = Set.of(CONSORTIUM_ADMIN, ANALYST, TRANSLATOR);
    public static final Set<String> SITE_ROLES = Set.of(SITE_LEAD, SITE_RESEARCHER, TRANSLATOR, PARTNER_SYSTEM);

    private Roles() {
    }
}
