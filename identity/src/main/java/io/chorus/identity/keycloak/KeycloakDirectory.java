package io.chorus.identity.keycloak;

import io.chorus.common.problem.ProblemException;
import io.chorus.common.security.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
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

    /**
     * The site's group and its per-site role groups {@code /sites/BU/site-lead}, ...: a member of a role group
     * holds that role at that site only; its attributes put {@code BU} into the {@code sites} claim and
     * {@code BU:site-lead} into the {@code site_roles} claim.
     */
    public String ensureSiteGroup(String site) {
        GroupRepresentation parent = group(SITES).orElseGet(() -> {
            GroupRepresentation sites = new GroupRepresentation();
            sites.setName("sites");
            realm().groups().add(sites).close();
            return group(SITES).orElseThrow();
        });
        String siteGroup = group(SITES + "/" + site).map(GroupRepresentation::getId).orElseGet(() -> {
            GroupRepresentation group = new GroupRepresentation();
            group.setName(site);
            realm().groups().group(parent.getId()).subGroup(group).close();
            return group(SITES + "/" + site).orElseThrow().getId();
        });
        for (String role : Roles.SITE_ROLES) {
            if (group(roleGroupPath(site, role)).isEmpty()) {
                GroupRepresentation group = new GroupRepresentation();
                group.setName(role);
                group.setAttributes(Map.of("site", List.of(site), "site_role", List.of(site + ":" + role)));
                realm().groups().group(siteGroup).subGroup(group).close();
            }
        }
        return siteGroup;
    }

    public String siteGroupId(String site) {
        return group(SITES + "/" + site).orElseThrow(() -> ProblemException.notFound("Site '" + site + "'")).getId();
    }

    public String roleGroupId(String site, String role) {
        return group(roleGroupPath(site, role))
                .orElseThrow(() -> ProblemException.notFound("Role '" + role + "' at site '" + site + "'")).getId();
    }

    static String roleGroupPath(String site, String role) {
        return SITES + "/" + site + "/" + role;
    }

    public List<UserRepresentation> users(int first, int max) {
        return realm().users().list(first, max);
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
            if (created.getStatus() == 400) {
                throw refusedValue(created.readEntity(String.class));
            }
            if (created.getStatus() != 201) {
                throw new IllegalStateException("Keycloak refused the user: " + created.getStatus());
            }
        }
        return user(username).orElseThrow().getId();
    }

    /** The roles the person holds at each site, read from their per-site role groups. */
    public Map<String, Set<String>> siteRolesOf(String userId) {
        Map<String, Set<String>> roles = new TreeMap<>();
        realm().users().get(userId).groups(0, 1000, false).forEach(group -> {
            String[] path = group.getPath().split("/");
            if (path.length == 4 && ("/" + path[1]).equals(SITES) && Roles.SITE_ROLES.contains(path[3])) {
                roles.computeIfAbsent(path[2], site -> new TreeSet<>()).add(path[3]);
            }
        });
        return roles;
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

    /** Everyone holding some role at the site, people and partner service accounts alike. */
    public List<UserRepresentation> members(String site) {
        Map<String, UserRepresentation> members = new TreeMap<>();
        for (String role : Roles.SITE_ROLES) {
            group(roleGroupPath(site, role)).ifPresent(group -> realm().groups().group(group.getId()).members(0, 1000)
                    .forEach(user -> members.putIfAbsent(user.getUsername(), user)));
        }
        return List.copyOf(members.values());
    }

    /** A confidential client for one site: client credentials only, its service account partner-system at that site. */
    public String createPartner(String clientId, String name, String site) {
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
                siteClaim("sites", "site"), siteClaim("site_roles", "site_role")));
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
        join(account.getId(), roleGroupId(site, Roles.PARTNER_SYSTEM));
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

    /** Keycloak refused a value of ours (its user profile rules): 422 with a pointer to the field it names. */
    static ProblemException refusedValue(String body) {
        String field = "";
        try {
            com.fasterxml.jackson.databind.JsonNode error = new com.fasterxml.jackson.databind.ObjectMapper().readTree(body);
            field = error.path("field").asText("");
        } catch (com.fasterxml.jackson.core.JsonProcessingException | RuntimeException e) {
            // not JSON: no field to point at
        }
        String pointer = field.isEmpty() ? "" : "/" + field;
        return ProblemException.invalid(pointer, "Keycloak does not accept this value" + (field.isEmpty() ? "" : " of '" + field + "'"));
    }

    /** A multivalued claim aggregated from the attribute of the person's groups, as in the realm import. */
    private static ProtocolMapperRepresentation siteClaim(String claim, String attribute) {
        return mapper(claim, "oidc-usermodel-attribute-mapper", Map.of("user.attribute", attribute, "claim.name", claim,
                "jsonType.label", "String", "multivalued", "true", "aggregate.attrs", "true", "access.token.claim", "true",
                "id.token.claim", "true", "userinfo.token.claim", "true"));
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
