package io.chorus.transcript.store;

import com.mongodb.client.model.PushOptions;
import com.mongodb.client.model.Updates;
import io.chorus.common.http.IdempotencyInTransaction;
import io.quarkus.arc.Arc;
import java.util.List;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * MongoDB has no transaction across the changed document and the Idempotency-Key's record, so the key of the request
 * that makes a change is written into the changed document itself, in the same single-document write: a claim whose
 * process died is taken over only when no document names its key ({@link MongoIdempotencyStore}). A document keeps the
 * last {@value #KEPT} keys that changed it.
 */
public final class AppliedRequests {

    public static final String FIELD = "appliedRequests";
    static final int KEPT = 20;
    /** The collections whose documents requests change. */
    static final List<String> COLLECTIONS = List.of("transcripts", "sessions", "participants", "studies", "project_imports");

    private AppliedRequests() {
    }

    /** The key the current request claimed, or null outside a request or without one. */
    static String current() {
        if (!Arc.container().requestContext().isActive()) {
            return null;
        }
        return Arc.container().instance(IdempotencyInTransaction.Claimed.class).get().key();
    }

    /** The update that records the current request's key in a changed document, or null when there is none. */
    public static Bson update() {
        String key = current();
        return key == null ? null : Updates.pushEach(FIELD, List.of(key), new PushOptions().slice(-KEPT));
    }

    /** A new document records the current request's key too. */
    public static Document stamp(Document document) {
        String key = current();
        return key == null ? document : document.append(FIELD, List.of(key));
    }
}
