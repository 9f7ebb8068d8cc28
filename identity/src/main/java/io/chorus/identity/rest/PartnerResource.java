package io.chorus.identity.rest;

import io.chorus.common.problem.Problem;
import io.chorus.common.http.PersonalData;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import io.chorus.common.security.Roles;
import io.chorus.identity.service.PartnerService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/sites/{site}/partners")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Partner systems")
@RolesAllowed({Roles.CONSORTIUM_ADMIN, Roles.SITE_LEAD})
@PersonalData
public class PartnerResource {

    @Inject
    PartnerService partners;

    @ConfigProperty(name = "quarkus.oidc.auth-server-url")
    String realmUrl;

    @POST
    @Operation(summary = "Register a partner system for the site: a confidential client (client credentials) scoped to this "
            + "site and the partner role. The secret is in this answer only.")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PartnerService.Credentials.class)))
    public Response registerPartner(@PathParam("site") String site, @Valid @NotNull PartnerService.NewPartner command) {
        PartnerService.Credentials credentials = partners.register(site, command, tokenUrl());
        return Response.created(URI.create("/api/sites/" + site + "/partners/" + credentials.clientId())).entity(credentials).build();
    }

    @GET
    @Operation(summary = "The site's partner systems (never their secrets)")
    public List<PartnerService.Partner> listPartners(@PathParam("site") String site) {
        return partners.list(site);
    }

    @POST
    @Path("/{clientId}/secret")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Rotate the secret: the old one stops working, the new one is in this answer only")
    public PartnerService.Credentials rotatePartnerSecret(@PathParam("site") String site, @PathParam("clientId") String clientId) {
        return partners.rotate(site, clientId, tokenUrl());
    }

    @DELETE
    @Path("/{clientId}")
    @Operation(summary = "Revoke the partner system: it can obtain no more tokens (one already issued expires within 5 minutes)")
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    public void revokePartner(@PathParam("site") String site, @PathParam("clientId") String clientId) {
        partners.revoke(site, clientId);
    }

    private String tokenUrl() {
        return realmUrl + "/protocol/openid-connect/token";
    }
}
