package io.chorus.identity.keycloak;

import io.chorus.common.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.GroupRepresentation;
import org.keycloak.representations.idm.ProtocolMapperRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

/** The chorus realm as the identity service changes it: site groups, people, their roles, partner clients. */
@ApplicationScoped
public class KeycloakDirectory {

    static final String REALM = "chorus";
    static final String SITES = "/sites";

    @Inject
    Keycloak keycloak;

    RealmResource realm() {
        return keycloak.realm(REALM);
    }

    /** The site's group, whose "site" attribute puts the site into its members' tokens. */
    public String ensureSiteGroup(String site) {
        Optional<GroupRepresentation> existing = group(SITES + "/" + site);
        if (existing.isPresent()) {
            return existing.get().getId();
        }
        GroupRepresentation parent = group(SITES).orElseGet(() -> {
            GroupRepresentation sites = new GroupRepresentation();
            sites.setName("sites");
            realm().groups().add(sites).close();
            return group(SITES).orElseThrow();
        });
        GroupRepresentation group = new GroupRepresentation();
        group.setName(site);
        group.setAttributes(Map.of("site", List.of(site)));
        realm().groups().group(parent.getId()).subGroup(group).close();
        return group(SITES + "/" + site).orElseThrow().getId();
    }

    public String siteGroupId(String site) {
        return group(SITES + "/" + site).orElseThrow(() -> ProblemException.notFound("Site '" + site + "'")).getId();
    }

    public Optional<UserRepresentation> user(String username) {
        return realm().users().searchByUsername(username, true).stream().findFirst();
    }

    /** A new person, who sets their password at first login. */
    public String createUser(String username, String email, String firstName, String lastName) {
        UserRepresentation user = new UserRepresentation();
        user.setUsername(username);
        user.setEmail(email);
        user.setFirstName(firstName);
        user.setLastName(lastName);
        user.setEnabled(true);
        user.setRequiredActions(List.of("UPDATE_PASSWORD"));
        try (Response created = realm().users().create(user)) {
            if (created.getStatus() == 409) {
                throw ProblemException.conflict("A user with this username or email exists already");
            }
            if (created.getStatus() != 201) {
                throw new IllegalStateException("Keycloak refused the user: " + created.getStatus());
            }
        }
        return user(username).orElseThrow().getId();
    }

    public Set<String> sitesOf(String userId) {
        return realm().users().get(userId).groups().stream().filter(g -> g.getPath().startsWith(SITES + "/"))
                .map(GroupRepresentation::getName).collect(Collectors.toSet());
    }

    public void join(String userId, String groupId) {
        realm().users().get(userId).joinGroup(groupId);
    }

    public void leave(String userId, String groupId) {
        realm().users().get(userId).leaveGroup(groupId);
    }

    public Set<String> realmRoles(String userId) {
        return realm().users().get(userId).roles().realmLevel().listAll().stream().map(RoleRepresentation::getName)
                .collect(Collectors.toSet());
    }

    public void grant(String userId, String role) {
        realm().users().get(userId).roles().realmLevel().add(List.of(realm().roles().get(role).toRepresentation()));
    }

    public void revoke(String userId, String role) {
        realm().users().get(userId).roles().realmLevel().remove(List.of(realm().roles().get(role).toRepresentation()));
    }

    /** Ends the person's sessions: no new tokens from a refresh token issued before. */
    public void logout(String userId) {
        realm().users().get(userId).logout();
    }

    public List<UserRepresentation> members(String groupId) {
        return realm().groups().group(groupId).members(0, 1000);
    }

    /** A confidential client for one site: client credentials only, its service account in the site and the partner role. */
    public String createPartner(String clientId, String name, String site, String groupId) {
        ClientRepresentation client = new ClientRepresentation();
        client.setClientId(clientId);
        client.setName(name);
        client.setEnabled(true);
        client.setPublicClient(false);
        client.setServiceAccountsEnabled(true);
        client.setStandardFlowEnabled(false);
        client.setDirectAccessGrantsEnabled(false);
        client.setProtocolMappers(List.of(mapper("chorus-api audience", "oidc-audience-mapper", Map.of(
                        "included.custom.audience", "chorus-api", "access.token.claim", "true", "id.token.claim", "false")),
                mapper("sites", "oidc-usermodel-attribute-mapper", Map.of("user.attribute", "site", "claim.name", "sites",
                        "jsonType.label", "String", "multivalued", "true", "aggregate.attrs", "true", "access.token.claim", "true"))));
        try (Response created = realm().clients().create(client)) {
            if (created.getStatus() == 409) {
                throw ProblemException.conflict("A partner system '" + clientId + "' exists already");
            }
            if (created.getStatus() != 201) {
                throw new IllegalStateException("Keycloak refused the client: " + created.getStatus());
            }
        }
        String id = clientUuid(clientId).orElseThrow();
        UserRepresentation account = realm().clients().get(id).getServiceAccountUser();
        join(account.getId(), groupId);
        grant(account.getId(), "partner-system");
        return realm().clients().get(id).getSecret().getValue();
    }

    public String rotateSecret(String clientId) {
        return realm().clients().get(partnerUuid(clientId)).generateNewSecret().getValue();
    }

    public void disable(String clientId) {
        String id = partnerUuid(clientId);
        ClientRepresentation client = realm().clients().get(id).toRepresentation();
        client.setEnabled(false);
        realm().clients().get(id).update(client);
    }

    public List<ClientRepresentation> partnersOf(String site) {
        String prefix = "partner-" + site.toLowerCase();
        return realm().clients().findAll().stream().filter(c -> c.getClientId().equals(prefix)
                || c.getClientId().startsWith(prefix + "-")).toList();
    }

    private String partnerUuid(String clientId) {
        return clientUuid(clientId).orElseThrow(() -> ProblemException.notFound("Partner system '" + clientId + "'"));
    }

    private Optional<String> clientUuid(String clientId) {
        return realm().clients().findByClientId(clientId).stream().findFirst().map(ClientRepresentation::getId);
    }

    private Optional<GroupRepresentation> group(String path) {
        try {
            return Optional.of(realm().getGroupByPath(path));
        } catch (WebApplicationException e) {
            if (e.getResponse().getStatus() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private static ProtocolMapperRepresentation mapper(String name, String type, Map<String, String> config) {
        ProtocolMapperRepresentation mapper = new ProtocolMapperRepresentation();
        mapper.setName(name);
        mapper.setProtocol("openid-connect");
        mapper.setProtocolMapper(type);
        mapper.setConfig(config);
        return mapper;
    }
}
