package io.chorus.identity.rest;

import io.chorus.common.security.SiteScope;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/me")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Identity")
public class MeResource {

    public record Me(String subject, String username, Set<String> roles, Set<String> sites) {
    }

    @Inject
    SecurityIdentity identity;

    @Inject
    SiteScope scope;

    @Inject
    JsonWebToken token;

    @GET
    @Authenticated
    @Operation(summary = "Who the token speaks for: roles and sites as every Chorus service reads them")
    public Me me() {
        return new Me(token.getSubject(), identity.getPrincipal().getName(), new TreeSet<>(identity.getRoles()), scope.sites());
    }
}
