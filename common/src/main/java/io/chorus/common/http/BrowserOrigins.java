package io.chorus.common.http;

import io.chorus.common.problem.Problem;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A request from a browser page of an origin that is not allowed is refused with problem+json before Quarkus'
 * CORS filter would answer an empty 403. Same-origin requests (Swagger UI) and requests without Origin
 * (servers, partner systems, curl) pass.
 */
@ApplicationScoped
public class BrowserOrigins {

    @ConfigProperty(name = "quarkus.http.cors.origins")
    List<String> allowed;

    private Set<String> origins;

    void install(@Observes Router router) {
        origins = allowed.stream().map(String::trim).collect(Collectors.toUnmodifiableSet());
        router.route().order(Integer.MIN_VALUE + 2).handler(this::check);
    }

    void check(RoutingContext context) {
        String origin = context.request().getHeader("Origin");
        if (origin == null || origins.contains(origin) || isSameOrigin(context, origin)) {
            context.next();
            return;
        }
        HttpProblems.send(context, 403, "Forbidden", "Requests from the origin '" + shortened(origin)
                + "' are not allowed; ask the operators to add it to QUARKUS_HTTP_CORS_ORIGINS",
                List.of(Problem.FieldError.parameter("Origin", "not an allowed origin")));
    }

    private static boolean isSameOrigin(RoutingContext context, String origin) {
        String host = context.request().authority() == null ? null : context.request().authority().toString();
        return host != null && (origin.equals("http://" + host) || origin.equals("https://" + host));
    }

    private static String shortened(String value) {
        return value.length() > 200 ? value.substring(0, 200) : value;
    }
}
