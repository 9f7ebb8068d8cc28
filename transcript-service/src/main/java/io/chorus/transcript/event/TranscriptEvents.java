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
    public static final String STATUS_CHANGED = "io.chorus.transcript.status-changed.v1";

    /** Payload of {@value #RELEASED}: schema events/transcript-released.schema.json. */
    public record Released(String transcriptId, String site, String externalId, String language, int version,
            Instant releasedAt, String releasedBy, List<ReleasedParagraph> paragraphs) {
    }

    public record ReleasedParagraph(int n, String label, String speaker, String text, String english) {
    }

    /** Payload of {@value #STATUS_CHANGED}: schema events/transcript-status-changed.schema.json. */
    public record StatusChanged(String transcriptId, String site, String externalId, String status, String previousStatus,
            int version, String by, Instant at) {
    }

    @Inject
    ObjectMapper json;

    public EventEnvelope released(Transcript t, String releasedBy) {
        Released payload = new Released(t.id(), t.site(), t.externalId(), t.language(), t.version(), t.updatedAt(),
                releasedBy, t.paragraphs().stream()
                        .map(p -> new ReleasedParagraph(p.n(), label(t, p.n()), p.speaker(), p.text(), p.english())).toList());
        return envelope(RELEASED, t.id(), t.updatedAt(), payload);
    }

    public EventEnvelope statusChanged(Transcript t, Transcript.Status previous, String by) {
        StatusChanged payload = new StatusChanged(t.id(), t.site(), t.externalId(), t.status().wireName(),
                previous == null ? null : previous.wireName(), t.version(), by, t.updatedAt());
        return envelope(STATUS_CHANGED, t.id(), t.updatedAt(), payload);
    }

    /** Quote label of a paragraph, as papers cite it: "BU 45". */
    public static String label(Transcript t, int n) {
        return t.site() + " " + n;
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
