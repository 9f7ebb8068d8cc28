package io.chorus.coding.event;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.chorus.common.event.EventEnvelope;
import io.chorus.common.event.PostgresOutbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.UUID;

/**
 * The events of coding-service (topic chorus.coding, schemas in src/main/resources/META-INF/resources/events/). They are
 * written to the outbox in the caller's transaction, so an event exists exactly when its change does.
 */
@ApplicationScoped
public class CodingEvents {

    public static final String CODEBOOK_PUBLISHED = "io.chorus.coding.codebook-published.v1";
    public static final String CODE_CHANGED = "io.chorus.coding.code-changed.v1";
    public static final String PASSAGE_CODED = "io.chorus.coding.passage-coded.v1";
    public static final String CODING_REMOVED = "io.chorus.coding.coding-removed.v1";
    public static final String CONSENSUS_REACHED = "io.chorus.coding.consensus-reached.v1";
    public static final String CONSTRUCT_RATED = "io.chorus.coding.construct-rated.v1";
    public static final String AGREEMENT_MEASURED = "io.chorus.coding.agreement-measured.v1";

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    public void publish(String type, String aggregateType, Object aggregateId, Object payload) {
        try {
            PostgresOutbox.add(em, new EventEnvelope(UUID.randomUUID().toString(), type, aggregateType,
                    String.valueOf(aggregateId), Instant.now(), json.writeValueAsString(payload)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event payload is not serialisable", e);
        }
    }
}
