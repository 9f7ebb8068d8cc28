package io.chorus.common.http;

import java.util.Optional;

/** Where a service keeps the answers given to {@code Idempotency-Key}s: its own database. */
public interface IdempotencyStore {

    /**
     * The answer stored for a key; {@code status} 0 while the first request with it is still running. {@code reads}
     * lists, space-separated, the audited reads it carries ({@link ReadsInAnswer}).
     */
    record Answer(String fingerprint, int status, String body, String contentType, String location, String etag, String reads) {
    }

    /**
     * Claims the key for a request that runs now in this process; false when someone holds it or answered it already. A
     * claim without an answer is taken over when its process stopped beating ({@link #beat}), or after 30 s.
     */
    boolean claim(String key, String fingerprint);

    /** This process is alive ({@link IdempotencyHeartbeat}, every {@link IdempotencyHeartbeat#INTERVAL}). */
    void beat();

    Optional<Answer> find(String key);

    void complete(String key, Answer answer);

    /** Frees a claimed key whose request failed on the server's side, so that a retry runs again. */
    void release(String key);
}
