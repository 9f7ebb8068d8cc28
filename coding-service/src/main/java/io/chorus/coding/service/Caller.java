package io.chorus.coding.service;

import io.chorus.common.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

/** Who is calling, as recorded in codings, memos, decisions and history. */
@RequestScoped
public class Caller {

    @Inject
    SecurityIdentity identity;

    public String name() {
        return identity.getPrincipal().getName();
    }

    public boolean has(String role) {
        return identity.hasRole(role);
    }

    public boolean isAnalyst() {
        return has(Roles.ANALYST) || has(Roles.CONSORTIUM_ADMIN);
    }
}
