package io.chorus.common.security;

/** Realm roles defined in identity/realm/chorus-realm.json. */
public final class Roles {
    public static final String CONSORTIUM_ADMIN = "consortium-admin";
    public static final String SITE_LEAD = "site-lead";
    public static final String SITE_RESEARCHER = "site-researcher";
    public static final String TRANSLATOR = "translator";
    public static final String ANALYST = "analyst";
    public static final String PARTNER_SYSTEM = "partner-system";

    private Roles() {
    }
}
