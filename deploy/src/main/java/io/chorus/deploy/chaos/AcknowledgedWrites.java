package io.chorus.deploy.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import io.chorus.deploy.ChorusClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The load's writes, each retried as a client with an Idempotency-Key may until it is acknowledged, and recorded once
 * with the outage it was acknowledged in.
 */
final class AcknowledgedWrites {

    /** One acknowledged write: what it made, on which transcript, and the component down when it was sent. */
    record Write(String kind, String id, String transcript, String during) {
    }

    interface Call {
        ChorusClient.Reply send();
    }

    /** Answers that can mean an earlier attempt took effect and its answer was lost. */
    private static final Set<Integer> MAYBE_DONE = Set.of(409, 412, 428);

    private final List<Write> writes = new CopyOnWriteArrayList<>();
    private final Map<String, Integer> errors = new ConcurrentHashMap<>();
    private final Set<String> refusals = ConcurrentHashMap.newKeySet();
    private final Consumer<String> progress;
    private volatile String down = "none";

    AcknowledgedWrites(Consumer<String> progress) {
        this.progress = progress;
    }

    void down(String component) {
        down = component;
    }

    int size() {
        return writes.size();
    }

    Stream<Write> of(String kind) {
        return writes.stream().filter(w -> w.kind().equals(kind));
    }

    Stream<Write> on(String transcript, Set<String> kinds) {
        return writes.stream().filter(w -> transcript.equals(w.transcript()) && kinds.contains(w.kind()));
    }

    int errorsDuring(String component) {
        return errors.getOrDefault(component, 0);
    }

    JsonNode write(String kind, Call call, String transcript, String idField) {
        return write(kind, call, transcript, idField, () -> null);
    }

    /**
     * Retries until the write is acknowledged (2xx). A 409, 412 or 428 after a retry can mean the first attempt took
     * effect and its answer was lost: then {@code alreadyDone} looks, as a client would, and returns what it made.
     */
    JsonNode write(String kind, Call call, String transcript, String idField, Supplier<JsonNode> alreadyDone) {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        long backoff = 200;
        while (true) {
            String during = down;
            try {
                ChorusClient.Reply reply = call.send();
                JsonNode body = reply.status() / 100 == 2 ? reply.body() : MAYBE_DONE.contains(reply.status()) ? alreadyDone.get() : null;
                if (body != null) {
                    writes.add(new Write(kind, idField == null ? transcript : body.path(idField).asText(), transcript, during));
                    return body;
                }
                errors.merge(during, 1, Integer::sum);
                if (refusals.add(kind + " " + reply.status())) {
                    progress.accept("a " + kind + " was answered " + reply.status() + " (retrying): " + reply.body());
                }
            } catch (RuntimeException unreachable) {
                errors.merge(during, 1, Integer::sum);
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(kind + " was never acknowledged");
            }
            ChaosRun.pause(backoff);
            backoff = Math.min(2_000, backoff * 2);
        }
    }
}
