package io.chorus.identity.rest;

import io.chorus.common.problem.Problem;
import io.chorus.common.http.PersonalData;
import io.chorus.common.security.Roles;
import io.chorus.identity.service.ConsortiumRoleService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/consortium-roles/{role}/members/{username}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Consortium roles")
@RolesAllowed(Roles.CONSORTIUM_ADMIN)
@PersonalData
public class ConsortiumRoleResource {

    @Inject
    ConsortiumRoleService roles;

    @PUT
    @Operation(summary = "Grant a consortium-wide role (analyst, translator of the translation team, consortium-admin)",
            description = "It holds at every site. Idempotent; recorded in the access audit.")
    public ConsortiumRoleService.Holder grantConsortiumRole(
            @PathParam("role") @Pattern(regexp = ConsortiumRoleService.ROLES, message = "must be analyst, translator or consortium-admin") String role,
            @PathParam("username") String username) {
        return roles.grant(role, username);
    }

    @DELETE
    @Operation(summary = "Revoke a consortium-wide role; the person's sessions end")
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    public void revokeConsortiumRole(
            @PathParam("role") @Pattern(regexp = ConsortiumRoleService.ROLES, message = "must be analyst, translator or consortium-admin") String role,
            @PathParam("username") String username) {
        roles.revoke(role, username);
    }
}
