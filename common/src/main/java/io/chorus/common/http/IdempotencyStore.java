package io.chorus.common.http;

import java.time.Instant;
import java.util.Optional;

/** Where a service keeps the answers given to {@code Idempotency-Key}s: its own database. */
public interface IdempotencyStore {

    /**
     * The answer stored for a key; {@code status} 0 while the first request with it is still running. {@code reads}
     * lists, space-separated, the audited reads it carries ({@link ReadsInAnswer}); {@code applied} says that the
     * request's change was committed, even where its answer was not stored.
     */
    record Answer(String fingerprint, int status, String body, String contentType, String location, String etag, String reads,
            boolean applied) {
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

    /**
     * Marks the key's request as having taken effect, inside the transaction that makes its change (so it commits and
     * rolls back with the change): a claim so marked is never taken over, so a retry after a crash between the commit and
     * {@link #complete} is refused instead of making the change twice. A store without such transactions does nothing.
     */
    default void markAppliedInTransaction(String key) {
    }

    /** Frees a claimed key whose request failed on the server's side, so that a retry runs again. */
    void release(String key);

    /** Forgets every key claimed before {@code cutoff}, with its answer ({@link IdempotencyExpiry}); how many. */
    int expire(Instant cutoff);

    /**
     * Replaces every stored answer whose body shows all of {@code fragments} (a transcript's id, a participant's number and
     * site) by {@link #WITHDRAWN}: the words a withdrawal erased are not kept in answers, and a retry with the key gets the
     * 410 instead of running again. How many.
     */
    int redact(String... fragments);

    /** What a key whose answer showed withdrawn words answers from then on. */
    Answer WITHDRAWN = new Answer(null, 410, "{\"type\":\"about:blank\",\"title\":\"Gone\",\"status\":410,\"detail\":\"The answer to "
            + "this request showed words that a withdrawal has since erased; it is no longer kept\"}", "application/problem+json", null,
            null, null, true);
}
