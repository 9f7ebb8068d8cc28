package io.chorus.coding.staff.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.chorus.coding.staff.event.PersonRolesChanged;
import io.chorus.common.event.EventEnvelope;
import io.chorus.common.event.EventRouter;
import jakarta.annotation.PostConstruct;
import io.chorus.common.security.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Who may code which site, kept from identity's person-roles-changed announcements. */
@ApplicationScoped
@Transactional
public class CoderDirectory {

    public static final String CONSUMER = "coding-service/identity-events";

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    private EventRouter router;

    @PostConstruct
    void routes() {
        router = EventRouter.forConsumer(CONSUMER).onEvent(PersonRolesChanged.class, this::rolesChanged);
    }

    public void apply(EventEnvelope event) {
        router.apply(em, json, event);
    }

    /** The upsert keeps the newer version only (the same guard as EventRouter.isNewer, in SQL). */
    private void rolesChanged(PersonRolesChanged person) {
        em.createNativeQuery("insert into coder (username, consortium_roles, site_roles, version) values (?1, ?2, ?3, ?4) "
                        + "on conflict (username) do update set consortium_roles = excluded.consortium_roles, "
                        + "site_roles = excluded.site_roles, version = excluded.version where coder.version < excluded.version")
                .setParameter(1, person.username()).setParameter(2, write(person.consortiumRoles()))
                .setParameter(3, write(person.siteRoles())).setParameter(4, person.version()).executeUpdate();
    }

    /** Whether identity has announced the person. */
    public boolean known(String username) {
        return !em.createNativeQuery("select 1 from coder where username = ?1").setParameter(1, username).getResultList().isEmpty();
    }

    /** Whether the person may code transcripts of the site: an analyst or admin anywhere, a site lead or researcher there. */
    public boolean mayCode(String username, String site) {
        List<?> rows = em.createNativeQuery("select consortium_roles, site_roles from coder where username = ?1")
                .setParameter(1, username).getResultList();
        if (rows.isEmpty()) {
            return false;
        }
        Object[] row = (Object[]) rows.get(0);
        Set<String> consortium = read((String) row[0], new TypeReference<Set<String>>() { });
        Map<String, Set<String>> bySite = read((String) row[1], new TypeReference<Map<String, Set<String>>>() { });
        Set<String> atSite = bySite.getOrDefault(site, Set.of());
        return consortium.contains(Roles.ANALYST) || consortium.contains(Roles.CONSORTIUM_ADMIN)
                || atSite.contains(Roles.SITE_LEAD) || atSite.contains(Roles.SITE_RESEARCHER);
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private <T> T read(String value, TypeReference<T> type) {
        try {
            return json.readValue(value, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
