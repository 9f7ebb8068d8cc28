package io.chorus.common.http;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jboss.logging.MDC;

/**
 * {@code X-Request-Id}: a caller's id (letters, digits, {@code . _ : -}, up to 128) is kept, otherwise one is made;
 * it is echoed on every answer and written on every log line of the request ({@code %X{requestId}}).
 */
@ApplicationScoped
public class RequestIds {

    public static final String HEADER = "X-Request-Id";
    private static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::tag);
    }

    void tag(RoutingContext context) {
        String given = context.request().getHeader(HEADER);
        String id = given != null && ACCEPTED.matcher(given).matches() ? given : UUID.randomUUID().toString();
        context.request().headers().set(HEADER, id);
        context.response().putHeader(HEADER, id);
        MDC.put("requestId", id);
        context.addEndHandler(ended -> MDC.remove("requestId"));
        context.next();
    }
}
