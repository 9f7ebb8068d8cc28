package io.chorus.identity.service;

import io.chorus.common.problem.ProblemException;
import io.chorus.identity.keycloak.KeycloakDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import java.util.Map;

/** Partner systems: confidential clients scoped to one site with the partner role; the secret is shown once. */
@ApplicationScoped
@Transactional
public class PartnerService {

    public record NewPartner(@NotNull @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,29}") String name) {
    }

    /** The only answer that ever carries the secret. */
    public record Credentials(String clientId, String site, String secret, String tokenUrl) {
    }

    public record Partner(String clientId, String name, boolean enabled) {
    }

    @Inject
    KeycloakDirectory keycloak;

    @Inject
    SiteService sites;

    @Inject
    AccessRules rules;

    @Inject
    AuditLog audit;

    public Credentials register(String site, NewPartner command, String tokenUrl) {
        rules.requireManagerOf(site);
        sites.find(site);
        String clientId = "partner-" + site.toLowerCase() + "-" + command.name();
        String secret = keycloak.createPartner(clientId, "Partner system " + command.name() + " of site " + site, site);
        audit.record(rules.actor(), "partner-registered", site, "client:" + clientId, Map.of());
        return new Credentials(clientId, site, secret, tokenUrl);
    }

    public Credentials rotate(String site, String clientId, String tokenUrl) {
        ownedBy(site, clientId);
        String secret = keycloak.rotateSecret(clientId);
        audit.record(rules.actor(), "partner-secret-rotated", site, "client:" + clientId, Map.of());
        return new Credentials(clientId, site, secret, tokenUrl);
    }

    public void revoke(String site, String clientId) {
        ownedBy(site, clientId);
        keycloak.disable(clientId);
        audit.record(rules.actor(), "partner-revoked", site, "client:" + clientId, Map.of());
    }

    public List<Partner> list(String site) {
        rules.requireManagerOf(site);
        sites.find(site);
        return keycloak.partnersOf(site).stream().map(c -> new Partner(c.getClientId(), c.getName(), Boolean.TRUE.equals(c.isEnabled())))
                .toList();
    }

    private void ownedBy(String site, String clientId) {
        rules.requireManagerOf(site);
        if (keycloak.partnersOf(site).stream().noneMatch(c -> c.getClientId().equals(clientId))) {
            throw ProblemException.notFound("Partner system '" + clientId + "' of site " + site);
        }
    }
}
