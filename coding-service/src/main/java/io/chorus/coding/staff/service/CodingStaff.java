package io.chorus.coding.staff.service;

import io.chorus.common.security.Roles;

/** Who works in coding-service: analysts and consortium admins at every site, site leads and researchers at their own. */
public final class CodingStaff {

    public static final String[] ANYWHERE = {Roles.ANALYST, Roles.CONSORTIUM_ADMIN, Roles.SITE_LEAD, Roles.SITE_RESEARCHER};
    public static final String[] AT_SITE = {Roles.SITE_LEAD, Roles.SITE_RESEARCHER};

    private CodingStaff() {
    }
}
