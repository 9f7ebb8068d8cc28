package io.chorus.common.problem;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MediaType;
import java.lang.annotation.Annotation;
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/** A refusal that left the framework without a body (405, 406, ...) still answers problem+json, with its request as instance. */
public class ErrorBodies {

    @ServerResponseFilter
    public void fill(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getStatus() < 400) {
            return;
        }
        String path = request.getUriInfo().getRequestUri().getRawPath();
        if (response.getEntity() instanceof Problem problem) {
            response.setEntity(problem.at(path), new Annotation[0], MediaType.valueOf(Problem.MEDIA_TYPE));
        } else if (!response.hasEntity()) {
            response.setEntity(new Problem("about:blank", response.getStatusInfo().getReasonPhrase(), response.getStatus(),
                    response.getStatusInfo().getReasonPhrase(), List.of(), path), new Annotation[0], MediaType.valueOf(Problem.MEDIA_TYPE));
        }
    }
}
