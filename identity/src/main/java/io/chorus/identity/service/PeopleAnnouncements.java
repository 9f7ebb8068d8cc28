package io.chorus.identity.service;

import io.chorus.common.security.Roles;
import io.chorus.identity.keycloak.KeycloakDirectory;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jboss.logging.Logger;
import org.keycloak.representations.idm.UserRepresentation;

/**
 * Announces what each person may do, consortium-wide and per site, as {@code person-roles-changed}: after
 * every change made here, and by a periodic reconciliation with Keycloak (the realm import, changes made
 * in Keycloak's console). coding-service reads it to know who may code which site's transcripts.
 */
@ApplicationScoped
public class PeopleAnnouncements {

    public static final String PERSON_ROLES_CHANGED = "io.chorus.identity.person-roles-changed.v1";
    static final Logger LOG = Logger.getLogger(PeopleAnnouncements.class);

    public record PersonRoles(String username, Set<String> consortiumRoles, Map<String, Set<String>> siteRoles, int version,
            String at) {
    }

    @Inject
    KeycloakDirectory keycloak;

    @Inject
    EntityManager em;

    @Inject
    AuditLog audit;

    /** Announces the person's roles if they differ from what was last announced; call in the transaction of the change. */
    @Transactional
    public void announce(String userId, String username) {
        Set<String> consortium = new TreeSet<>(keycloak.realmRoles(userId));
        consortium.retainAll(Roles.CONSORTIUM_WIDE);
        Map<String, Set<String>> bySite = keycloak.siteRolesOf(userId);
        String roles = audit.write(new java.util.TreeMap<>(Map.of("consortiumRoles", consortium, "siteRoles", bySite)));
        // every instance reconciles on its own schedule: one at a time per person, so a change is announced once
        em.createNativeQuery("select 1 from pg_advisory_xact_lock(hashtext(?1))").setParameter(1, "announce " + username).getResultList();
        List<?> last = em.createNativeQuery("select roles, version from announced_person where username = ?1")
                .setParameter(1, username).getResultList();
        int version = 1;
        if (!last.isEmpty()) {
            Object[] row = (Object[]) last.get(0);
            if (roles.equals(row[0])) {
                return;
            }
            version = ((Number) row[1]).intValue() + 1;
        }
        Instant now = Instant.now();
        em.createNativeQuery("insert into announced_person (username, roles, version, updated_at) values (?1, ?2, ?3, ?4) "
                        + "on conflict (username) do update set roles = excluded.roles, version = excluded.version, updated_at = excluded.updated_at")
                .setParameter(1, username).setParameter(2, roles).setParameter(3, version).setParameter(4, now).executeUpdate();
        audit.publish(PERSON_ROLES_CHANGED, "person", username,
                new PersonRoles(username, consortium, new LinkedHashMap<>(bySite), version, now.toString()));
    }

    @Scheduled(every = "${chorus.identity.people-sync-interval:30s}", delayed = "${chorus.identity.people-sync-delay:1s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void reconcile() {
        try {
            for (int first = 0; ; first += 100) {
                List<UserRepresentation> page = keycloak.users(first, 100);
                for (UserRepresentation user : page) {
                    if (!MemberService.isMachine(user.getUsername())) {
                        announce(user.getId(), user.getUsername());
                    }
                }
                if (page.size() < 100) {
                    return;
                }
            }
        } catch (RuntimeException e) {
            LOG.warnf("Could not reconcile people with Keycloak yet (%s); trying again at the next interval", e.toString());
        }
    }
}
