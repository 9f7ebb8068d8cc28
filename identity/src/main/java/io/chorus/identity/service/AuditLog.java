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
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** Records every access change append-only and publishes it, in the transaction of the change. */
@ApplicationScoped
@Transactional
public class AuditLog {

    public static final String ACCESS_CHANGED = "io.chorus.identity.access-changed.v1";
    public static final String SITE_REGISTERED = "io.chorus.identity.site-registered.v1";
    public static final String SITE_UPDATED = "io.chorus.identity.site-updated.v1";

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
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("action", action);
        payload.put("site", site);
        payload.put("target", target);
        payload.put("detail", detail);
        payload.put("actor", actor);
        payload.put("at", change.at.toString());
        publish(ACCESS_CHANGED, "access", target, payload);
        return change;
    }

    public void publish(String type, String aggregateType, String aggregateId, Object payload) {
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
