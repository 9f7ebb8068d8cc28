package io.chorus.common.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.chorus.common.problem.Problem;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * {@code Idempotency-Key} on every POST of every service: the first answer to a key is stored and replayed for a
 * retry of the same request; the same key with a different request is refused with 422, and while the first
 * request still runs with 409. Only a success (2xx or 3xx) is stored: a refusal changed nothing, so a retry with the
 * same key runs again (a coding refused with 404 because its transcript's release has not arrived yet succeeds later).
 * <p>
 * A key belongs to the caller and to the access they held: the replay skips the resource's own checks, so it is
 * given only to a token with the same subject, roles and sites as the first one. After a role or site changed the
 * request runs again and is checked again. A replayed answer that carried audited reads (an original) is audited again.
 */
public class IdempotencyKeys {

    public static final String HEADER = "Idempotency-Key";
    private static final String CLAIMED = "chorus.idempotency.claimed";

    @Inject
    IdempotencyStore store;

    @Inject
    JsonWebToken token;

    @Inject
    ObjectMapper json;

    @Inject
    ReadsInAnswer reads;

    @Inject
    IdempotencyInTransaction.Claimed claimed;

    @Inject
    jakarta.enterprise.event.Event<ReadsInAnswer.ReplayedReads> replayedReads;

    private record Claim(String key, String fingerprint) {
    }

    @ServerRequestFilter
    public Response replayOrRefuse(ContainerRequestContext request) throws IOException {
        String key = request.getHeaderString(HEADER);
        if (key == null || !request.getMethod().equals("POST") || token.getSubject() == null) {
            return null;
        }
        if (key.isBlank() || key.length() > 255) {
            return problem(400, "Bad Request", "The Idempotency-Key header must have 1 to 255 characters");
        }
        byte[] body = request.hasEntity() ? request.getEntityStream().readAllBytes() : new byte[0];
        request.setEntityStream(new ByteArrayInputStream(body));
        String id = token.getSubject() + " " + access() + " " + key;
        var uri = request.getUriInfo().getRequestUri();
        String fingerprint = fingerprint(uri.getRawPath() + "?" + uri.getRawQuery() + "\n" + request.getMediaType(), body);
        if (store.claim(id, fingerprint)) {
            request.setProperty(CLAIMED, new Claim(id, fingerprint));
            claimed.key(id);
            return null;
        }
        IdempotencyStore.Answer stored = store.find(id).orElse(null);
        if (stored == null) {
            return problem(409, "Conflict", "A request with this Idempotency-Key was just being answered; retry it");
        }
        if (!stored.fingerprint().equals(fingerprint)) {
            return problem(422, "Unprocessable Content", "This Idempotency-Key was used for a different request; use a new key");
        }
        if (stored.status() == 0 && stored.applied()) {
            return problem(409, "Conflict", "The first request with this Idempotency-Key took effect, and its answer is not stored "
                    + "(yet, or never if its process stopped before it could be); look up the result instead of sending it again");
        }
        if (stored.status() == 0) {
            return problem(409, "Conflict", "The first request with this Idempotency-Key is still running; retry it later");
        }
        if (stored.reads() != null && !stored.reads().isBlank()) {
            replayedReads.fire(new ReadsInAnswer.ReplayedReads(List.of(stored.reads().split(" "))));
        }
        Response.ResponseBuilder replay = Response.status(stored.status()).header(HEADER, key);
        if (stored.location() != null) {
            replay.header(HttpHeaders.LOCATION, stored.location());
        }
        if (stored.etag() != null) {
            replay.header(HttpHeaders.ETAG, stored.etag());
        }
        if (stored.body() != null) {
            replay.entity(stored.body()).type(stored.contentType());
        }
        return replay.build();
    }

    @ServerResponseFilter
    public void remember(ContainerRequestContext request, ContainerResponseContext response) {
        if (!(request.getProperty(CLAIMED) instanceof Claim claim)) {
            return;
        }
        if (response.getStatus() >= 400) {
            store.release(claim.key());
            return;
        }
        try {
            Object entity = response.getEntity();
            String body = entity == null ? null : entity instanceof String s ? s : json.writeValueAsString(entity);
            store.complete(claim.key(), new IdempotencyStore.Answer(claim.fingerprint(), response.getStatus(), body,
                    response.getMediaType() == null ? null : response.getMediaType().toString(),
                    header(response, HttpHeaders.LOCATION), header(response, HttpHeaders.ETAG), String.join(" ", reads.all()), true));
        } catch (JsonProcessingException e) {
            store.release(claim.key());
            throw new UncheckedIOException(e);
        }
    }

    /** A digest of the access the token carries: its roles, and its sites with the roles held at each. */
    private String access() {
        return fingerprint(String.valueOf(new java.util.TreeSet<>(token.getGroups())) + "|" + token.getClaim("site_roles")
                + "|" + token.getClaim("sites"), new byte[0]).substring(0, 16);
    }

    private static String header(ContainerResponseContext response, String name) {
        Object value = response.getHeaders().getFirst(name);
        return value == null ? null : value.toString();
    }

    private static Response problem(int status, String title, String detail) {
        return Response.status(status).type(Problem.MEDIA_TYPE).entity(new Problem("about:blank", title, status, detail,
                List.of(Problem.FieldError.parameter(HEADER, detail)))).build();
    }

    private static String fingerprint(String request, byte[] body) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(request.getBytes(StandardCharsets.UTF_8));
            digest.update(body);
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
