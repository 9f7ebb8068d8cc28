package io.chorus.transcript.event;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.chorus.common.event.EventEnvelope;
import io.chorus.transcript.repository.Transcript;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Builds the events of a transcript; each type has a JSON Schema under resources/events/. */
@ApplicationScoped
public class TranscriptEvents {

    public static final String AGGREGATE_TYPE = "transcript";
    public static final String RELEASED = "io.chorus.transcript.released.v1";

    /** Payload of {@value #RELEASED}: schema events/transcript-released.schema.json. */
    public record Released(String transcriptId, String site, String externalId, String language, int version,
            Instant releasedAt, String releasedBy, List<ReleasedParagraph> paragraphs) {
    }

    public record ReleasedParagraph(int n, String label, String speaker, String text) {
    }

    @Inject
    ObjectMapper json;

    public EventEnvelope released(Transcript t, String releasedBy) {
        Released payload = new Released(t.id(), t.site(), t.externalId(), t.language(), t.version(), t.updatedAt(),
                releasedBy, t.paragraphs().stream()
                        .map(p -> new ReleasedParagraph(p.n(), t.site() + " " + p.n(), p.speaker(), p.text())).toList());
        return envelope(RELEASED, t.id(), t.updatedAt(), payload);
    }

    private EventEnvelope envelope(String type, String aggregateId, Instant at, Object payload) {
        try {
            return new EventEnvelope(UUID.randomUUID().toString(), type, AGGREGATE_TYPE, aggregateId, at,
                    json.writeValueAsString(payload));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event payload not serialisable", e);
        }
    }
}
