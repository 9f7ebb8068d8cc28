package io.chorus.transcript.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import io.chorus.common.problem.Problem;
import io.chorus.transcript.repository.TranscriptRepository;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import org.bson.Document;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * {@code Idempotency-Key} on every POST: the first answer to a key is stored and replayed for a retry
 * of the same request; the same key with a different request is refused with 422. Keys are per caller.
 */
public class IdempotencyKeys {

    public static final String HEADER = "Idempotency-Key";
    private static final String RECORD = "chorus.idempotency.record";

    @Inject
    TranscriptRepository repository;

    @Inject
    JsonWebToken token;

    @Inject
    ObjectMapper json;

    private record Pending(String id, String fingerprint) {
    }

    @ServerRequestFilter
    public Response replayOrRefuse(ContainerRequestContext request) throws IOException {
        String key = request.getHeaderString(HEADER);
        if (key == null || !request.getMethod().equals("POST") || token.getSubject() == null) {
            return null;
        }
        if (key.isBlank() || key.length() > 255) {
            return problem(400, "The Idempotency-Key header must have 1 to 255 characters");
        }
        byte[] body = request.hasEntity() ? request.getEntityStream().readAllBytes() : new byte[0];
        request.setEntityStream(new ByteArrayInputStream(body));
        String id = token.getSubject() + " " + key;
        String fingerprint = fingerprint(request.getUriInfo().getRequestUri().getPath() + "?" + request.getUriInfo().getRequestUri().getQuery()
                + "\n" + request.getMediaType(), body);
        Document stored = keys().find(Filters.eq("_id", id)).first();
        if (stored == null) {
            request.setProperty(RECORD, new Pending(id, fingerprint));
            return null;
        }
        if (!stored.getString("fingerprint").equals(fingerprint)) {
            return problem(422, "This Idempotency-Key was used for a different request; use a new key");
        }
        Response.ResponseBuilder replay = Response.status(stored.getInteger("status")).header(HEADER, key);
        if (stored.getString("location") != null) {
            replay.header("Location", stored.getString("location"));
        }
        if (stored.getString("body") != null) {
            replay.entity(stored.getString("body")).type(stored.getString("contentType"));
        }
        return replay.build();
    }

    @ServerResponseFilter
    public void remember(ContainerRequestContext request, ContainerResponseContext response) {
        if (!(request.getProperty(RECORD) instanceof Pending pending) || response.getStatus() >= 500) {
            return;
        }
        try {
            Object entity = response.getEntity();
            String body = entity == null ? null : entity instanceof String s ? s : json.writeValueAsString(entity);
            Object location = response.getHeaders().getFirst("Location");
            keys().insertOne(new Document("_id", pending.id()).append("fingerprint", pending.fingerprint())
                    .append("status", response.getStatus()).append("body", body)
                    .append("contentType", response.getMediaType() == null ? null : response.getMediaType().toString())
                    .append("location", location == null ? null : location.toString()).append("createdAt", new Date()));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private MongoCollection<Document> keys() {
        return repository.database().getCollection("idempotency_keys");
    }

    private static Response problem(int status, String detail) {
        return Response.status(status).type(Problem.MEDIA_TYPE).entity(new Problem("about:blank",
                status == 400 ? "Bad Request" : "Unprocessable Content", status, detail,
                List.of(new Problem.FieldError("", detail)))).build();
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
