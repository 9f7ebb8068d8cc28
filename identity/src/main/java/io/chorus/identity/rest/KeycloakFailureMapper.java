package io.chorus.identity.rest;

import io.chorus.common.problem.Problem;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.ClientWebApplicationException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Keycloak refusing one of our admin calls is our failure, not the caller's: 502, details in the log only. */
public class KeycloakFailureMapper {

    private static final Logger LOG = Logger.getLogger(KeycloakFailureMapper.class);

    @ServerExceptionMapper
    public Response keycloakRefused(ClientWebApplicationException e) {
        LOG.error("Keycloak admin call failed", e);
        return Response.status(502).type(Problem.MEDIA_TYPE).entity(new Problem("about:blank", "Bad Gateway", 502,
                "Keycloak did not accept the change; nothing was recorded. Try again, or ask an administrator to check "
                        + "the identity service's logs.", List.of())).build();
    }
}
