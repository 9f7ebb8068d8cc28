package io.chorus.common.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Every successful answer with a body carries an ETag: the row version where a resource has one ({@code Versions}),
 * otherwise a digest of its representation. A GET with {@code If-None-Match} naming the current tag is answered 304
 * without a body.
 */
public class ConditionalRequests {

    @Inject
    ObjectMapper json;

    @ServerResponseFilter(priority = 200)
    public void tag(ContainerRequestContext request, ContainerResponseContext response) {
        String method = request.getMethod();
        Object entity = response.getEntity();
        if ((response.getStatus() != 200 && response.getStatus() != 201) || entity == null || method.equals("DELETE")
                || entity instanceof java.io.InputStream || entity instanceof jakarta.ws.rs.core.StreamingOutput
                || entity instanceof java.io.File) {
            return;
        }
        Object tag = response.getHeaders().getFirst(HttpHeaders.ETAG);
        EntityTag current = tag instanceof EntityTag e ? e : tag != null ? EntityTag.valueOf(tag.toString()) : digestOf(json, serialisedOnce(response));
        if (tag == null) {
            response.getHeaders().putSingle(HttpHeaders.ETAG, current);
        }
        if ((method.equals("GET") || method.equals("HEAD")) && matches(request.getHeaderString(HttpHeaders.IF_NONE_MATCH), current)) {
            response.setStatus(304);
            response.setEntity(null);
        }
    }

    /**
     * A JSON answer is serialised here for its digest and then sent as those bytes, so that a large report is not written
     * twice (once for the tag, once for the body).
     */
    private Object serialisedOnce(ContainerResponseContext response) {
        Object entity = response.getEntity();
        jakarta.ws.rs.core.MediaType type = response.getMediaType();
        if (entity instanceof byte[] || entity instanceof String || type == null
                || !(type.getSubtype().equals("json") || type.getSubtype().endsWith("+json"))) {
            return entity;
        }
        try {
            byte[] bytes = json.writeValueAsBytes(entity);
            response.setEntity(bytes, response.getEntityAnnotations(), type);
            return bytes;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the representation", e);
        }
    }

    /** Weak comparison, as If-None-Match asks for (RFC 9110 13.1.2). */
    static boolean matches(String header, EntityTag current) {
        if (header == null) {
            return false;
        }
        for (String candidate : header.split(",")) {
            String value = candidate.trim();
            if (value.equals("*")) {
                return true;
            }
            if (value.startsWith("W/")) {
                value = value.substring(2);
            }
            if (value.replace("\"", "").equals(current.getValue())) {
                return true;
            }
        }
        return false;
    }

    /** The tag of a representation that has no row version: the first 16 bytes of the SHA-256 of its JSON. */
    public static EntityTag digestOf(ObjectMapper json, Object entity) {
        try {
            byte[] bytes = entity instanceof byte[] b ? b : entity instanceof String s ? s.getBytes(StandardCharsets.UTF_8)
                    : json.writeValueAsBytes(entity);
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
            return new EntityTag(HexFormat.of().formatHex(digest, 0, 16));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("Cannot tag the representation", e);
        }
    }
}
