package io.chorus.common.http;

import jakarta.ws.rs.core.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** A file answer: {@code Content-Disposition: attachment} with the name in ASCII and in full (RFC 6266). */
public final class Downloads {

    private Downloads() {
    }

    public static final String QDPX = "application/zip";

    /** A REFI-QDA project as a .qdpx, its positions counted as {@code positions} says: "nvivo" (UTF-16) or code points. */
    public static Response qdpx(io.chorus.refi.QdaProject project, String positions) {
        io.chorus.refi.PositionCounting counting = "nvivo".equals(positions) ? io.chorus.refi.PositionCounting.NVIVO
                : io.chorus.refi.PositionCounting.STANDARD;
        jakarta.ws.rs.core.StreamingOutput file = out -> io.chorus.refi.ProjectWriter.write(project, counting, out);
        return attachment(file, QDPX, project.name() + ".qdpx");
    }

    public static Response attachment(Object body, String mediaType, String fileName) {
        String name = fileName.replaceAll("[^\\p{L}\\p{N} ()._-]", "").strip();
        return Response.ok(body, mediaType).header("Content-Disposition", "attachment; filename=\"" + name.replaceAll("[^A-Za-z0-9 ()._-]", "_")
                + "\"; filename*=UTF-8''" + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20")).build();
    }
}
