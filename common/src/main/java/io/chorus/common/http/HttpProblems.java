package io.chorus.common.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.chorus.common.problem.Problem;
import io.vertx.ext.web.RoutingContext;
import java.util.List;

/** problem+json answers written on the Vert.x route, before a request reaches the REST layer. */
public final class HttpProblems {

    private static final ObjectMapper JSON = new ObjectMapper();

    private HttpProblems() {
    }

    public static void send(RoutingContext context, int status, String title, String detail, List<Problem.FieldError> errors) {
        String path = context.request().path();
        try {
            context.response().setStatusCode(status).putHeader("Content-Type", Problem.MEDIA_TYPE)
                    .end(JSON.writeValueAsString(new Problem("about:blank", title, status, detail, errors,
                            path.length() > 2000 ? path.substring(0, 2000) : path)));
        } catch (JsonProcessingException e) {
            context.fail(e);
        }
    }
}
