package io.chorus.identity.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.chorus.common.event.EventEnvelope;
import io.chorus.common.event.PostgresOutbox;
import io.chorus.identity.repository.AccessChange;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** Records every access change append-only and publishes it, in the transaction of the change. */
@ApplicationScoped
@Transactional
public class AuditLog {

    public static final String ACCESS_CHANGED = "io.chorus.identity.access-changed.v1";
    public static final String SITE_REGISTERED = "io.chorus.identity.site-registered.v1";
    public static final String SITE_UPDATED = "io.chorus.identity.site-updated.v1";

    /** Payload of {@value #ACCESS_CHANGED}: schema events/access-changed.schema.json. */
    public record AccessChanged(String action, String site, String target, Map<String, ?> detail, String actor, Instant at) {
    }

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    public AccessChange record(String actor, String action, String site, String target, Map<String, ?> detail) {
        AccessChange change = new AccessChange();
        change.at = Instant.now();
        change.actor = actor;
        change.action = action;
        change.site = site;
        change.target = target;
        change.detail = write(detail);
        change.persist();
        publish(ACCESS_CHANGED, "access", target, new AccessChanged(action, site, target, detail, actor, change.at));
        return change;
    }

    /** @param payload the event's payload record */
    public void publish(String type, String aggregateType, String aggregateId, Record payload) {
        PostgresOutbox.add(em, new EventEnvelope(UUID.randomUUID().toString(), type, aggregateType, aggregateId, Instant.now(),
                write(payload)));
    }

    /** The JSON of a value as the audit and the events store it. */
    public String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
