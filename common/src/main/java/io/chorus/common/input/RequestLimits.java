package io.chorus.common.input;

import io.chorus.common.http.HttpProblems;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Map;

/**
 * Chorus's own limits on a request's line, headers and declared body, checked before anything else so that
 * a refusal is problem+json: 414 over {@code chorus.limits.max-uri}, 431 over {@code chorus.limits.max-headers},
 * 413 over {@code chorus.limits.max-body}. Vert.x's own limits (quarkus.http.limits.*) sit above these.
 */
@ApplicationScoped
public class RequestLimits {

    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "chorus.limits.max-uri", defaultValue = "8192")
    int maxUri;

    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "chorus.limits.max-headers", defaultValue = "16384")
    int maxHeaders;

    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "chorus.limits.max-body", defaultValue = "10485760")
    long maxBody;

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 1).handler(this::check);
        // what the router refuses before any route runs (a path that is not absolute, such as ../../etc/passwd, or matches
        // no route) is answered as a problem too, instead of an empty body
        router.errorHandler(400, context -> outer(context, 400, "Bad Request", "The request line is not a valid request"));
        router.errorHandler(404, context -> outer(context, 404, "Not Found", "No resource at this path"));
        router.route().order(Integer.MIN_VALUE).failureHandler(context -> {
            if (context.statusCode() == 400 || context.statusCode() == 404) {
                outer(context, context.statusCode(), context.statusCode() == 400 ? "Bad Request" : "Not Found",
                        context.statusCode() == 400 ? "The request line is not a valid request" : "No resource at this path");
            } else {
                context.next();
            }
        });
    }

    private static void outer(RoutingContext context, int status, String title, String detail) {
        if (context.response().headWritten()) {
            return;
        }
        HttpProblems.send(context, status, title, detail, List.of());
    }

    void check(RoutingContext context) {
        var request = context.request();
        if (request.uri().length() > maxUri) {
            refuse(context, 414, "URI Too Long", "The request URI is longer than " + maxUri + " characters");
            return;
        }
        int headerBytes = 0;
        for (Map.Entry<String, String> header : request.headers()) {
            headerBytes += header.getKey().length() + header.getValue().length() + 4;
        }
        if (headerBytes > maxHeaders) {
            refuse(context, 431, "Request Header Fields Too Large", "The request headers exceed " + maxHeaders + " bytes");
            return;
        }
        String length = request.getHeader("Content-Length");
        if (length != null) {
            try {
                if (Long.parseLong(length.trim()) > maxBody) {
                    refuse(context, 413, "Content Too Large", "The body is larger than " + maxBody + " bytes");
                    return;
                }
            } catch (NumberFormatException e) {
                refuse(context, 400, "Bad Request", "Content-Length is not a number");
                return;
            }
        }
        context.next();
    }

    static void refuse(RoutingContext context, int status, String title, String detail) {
        context.response().endHandler(ended -> context.request().connection().close());
        context.response().putHeader("Connection", "close");
        HttpProblems.send(context, status, title, detail, List.of());
    }
}
