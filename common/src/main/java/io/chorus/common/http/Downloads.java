package io.chorus.common.http;

import jakarta.ws.rs.core.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** A file answer: {@code Content-Disposition: attachment} with the name in ASCII and in full (RFC 6266). */
public final class Downloads {

    private Downloads() {
    }

    public static Response attachment(Object body, String mediaType, String fileName) {
        String name = fileName.replaceAll("[^\\p{L}\\p{N} ()._-]", "").strip();
        return Response.ok(body, mediaType).header("Content-Disposition", "attachment; filename=\"" + name.replaceAll("[^A-Za-z0-9 ()._-]", "_")
                + "\"; filename*=UTF-8''" + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20")).build();
    }
}
