package io.chorus.common.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.chorus.common.http.ConditionalRequests;
import io.chorus.common.problem.ProblemException;
import java.util.function.Supplier;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/**
 * Optimistic concurrency over HTTP: every resource answers with an ETag made from its row version,
 * and every update must send it back in If-Match (428 without it, 412 when it is stale).
 */
public final class Versions {

    private Versions() {
    }

    public static EntityTag etag(long version) {
        return new EntityTag(Long.toString(version));
    }

    public static Response ok(Object body, long version) {
        return Response.ok(body).tag(etag(version)).build();
    }

    public static Response ok(Versioned<?> versioned) {
        return ok(versioned.body(), versioned.version());
    }

    public static Response created(URI location, Versioned<?> versioned) {
        return Response.created(location).entity(versioned.body()).tag(etag(versioned.version())).build();
    }

    public static void requireMatch(String ifMatch, long current) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw ProblemException.preconditionRequired();
        }
        requireMatchIfGiven(ifMatch, Long.toString(current));
    }

    /** For a create-or-replace PUT: without If-Match it replaces; with one, only the representation it names. */
    public static void requireMatchIfGiven(String ifMatch, String expected) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return;
        }
        if (!names(ifMatch, expected)) {
            throw ProblemException.preconditionFailed();
        }
    }

    /** Whether an If-Match header names this entity tag (or any, with *). */
    public static boolean names(String ifMatch, String expected) {
        for (String candidate : ifMatch.split(",")) {
            String tag = candidate.trim();
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            tag = tag.replace("\"", "");
            if (tag.equals("*") || tag.equals(expected)) {
                return true;
            }
        }
        return false;
    }

    /**
     * For a create-or-replace PUT of a resource tagged by the digest of its representation: If-Match, when sent,
     * must name what a GET shows now; for a resource that does not exist yet it fails (412).
     */
    /**
     * The condition a create-or-replace PUT's If-Match puts on the stored record (whose representation is the record
     * itself), for the store to check again inside its conditional write: that write holds only while the record has the
     * version it read, so two writers sending the same ETag cannot both pass. Null without If-Match.
     */
    public static <T> java.util.function.Predicate<T> stillNamed(String ifMatch, ObjectMapper json) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return null;
        }
        return stored -> names(ifMatch, ConditionalRequests.digestOf(json, stored).getValue());
    }

        public static void requireRepresentation(String ifMatch, ObjectMapper json, Supplier<Object> currentRepresentation) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return;
        }
        Object current;
        try {
            current = currentRepresentation.get();
        } catch (ProblemException e) {
            if (e.status() == 404) {
                throw ProblemException.preconditionFailed();
            }
            throw e;
        }
        requireMatchIfGiven(ifMatch, ConditionalRequests.digestOf(json, current).getValue());
    }
}
