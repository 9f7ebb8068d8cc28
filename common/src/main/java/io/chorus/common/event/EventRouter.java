package io.chorus.common.event;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.persistence.EntityManager;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * How every read model applies events: the inbox check (a redelivered event is skipped), then typed dispatch by event
 * type to a handler of the payload record, in the transaction of the caller. A payload record names its event type in a
 * static {@code TYPE} (or {@code TYPES}) field; types without a handler are recorded as seen and carry nothing for it.
 */
public final class EventRouter {

    private final String consumer;
    private final Map<String, List<java.util.function.BiConsumer<ObjectMapper, EventEnvelope>>> handlers = new HashMap<>();
    private final List<Consumer<EventEnvelope>> everyEvent = new ArrayList<>();

    private EventRouter(String consumer) {
        this.consumer = consumer;
    }

    public static EventRouter forConsumer(String consumer) {
        return new EventRouter(consumer);
    }

    /** Handlers of one type run in the order they were added. */
    public <T> EventRouter onEvent(Class<T> payload, Consumer<T> handler) {
        for (String type : typesOf(payload)) {
            onEvent(type, payload, handler);
        }
        return this;
    }

    /** For a payload record that several event types share, one of them. */
    public <T> EventRouter onEvent(String type, Class<T> payload, Consumer<T> handler) {
        handlers.computeIfAbsent(type, t -> new ArrayList<>()).add((json, event) -> handler.accept(EventPayloads.read(json, event, payload)));
        return this;
    }

    /** A handler for every event, whatever its type (after the typed one). */
    public EventRouter onEveryEvent(Consumer<EventEnvelope> handler) {
        everyEvent.add(handler);
        return this;
    }

    public String consumer() {
        return consumer;
    }

    /** Applies the event once, reading payloads with the service's mapper; call it inside the transaction of the effect. */
    public void apply(EntityManager em, ObjectMapper json, EventEnvelope event) {
        if (!ProcessedEvents.markFirstDelivery(em, consumer, event.id())) {
            return;
        }
        handlers.getOrDefault(event.type(), List.of()).forEach(handler -> handler.accept(json, event));
        everyEvent.forEach(h -> h.accept(event));
    }

    /**
     * The version guard of every read model: an aggregate's state replaces the kept one only if it is newer. Events of
     * one aggregate arrive in order, but a replay or an older duplicate never takes a newer state back.
     */
    public static boolean isNewer(Number kept, long incoming) {
        return kept == null || incoming > kept.longValue();
    }

    @SuppressWarnings("unchecked")
    private static Collection<String> typesOf(Class<?> payload) {
        try {
            Field types = field(payload, "TYPES");
            if (types != null) {
                return (Collection<String>) types.get(null);
            }
            Field type = field(payload, "TYPE");
            if (type != null) {
                return List.of((String) type.get(null));
            }
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(payload + " does not expose its event type", e);
        }
        throw new IllegalArgumentException(payload + " has no static TYPE or TYPES naming its event type");
    }

    private static Field field(Class<?> payload, String name) {
        try {
            return payload.getField(name);
        } catch (NoSuchFieldException e) {
            return null;
        }
    }
}
