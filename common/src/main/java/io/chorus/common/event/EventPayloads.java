package io.chorus.common.event;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Reads an event's JSON payload into a consumer's own view of it. */
public final class EventPayloads {

    private EventPayloads() {
    }

    /** @throws IllegalArgumentException if the payload does not fit, so the event goes to the dead-letter topic */
    public static <T> T read(ObjectMapper json, EventEnvelope event, Class<T> view) {
        try {
            return json.readValue(event.payloadJson(), view);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("unreadable " + event.type() + " payload: " + e.getOriginalMessage(), e);
        }
    }
}
