package io.chorus.identity.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.chorus.common.rest.Versions;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.HeaderParam;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import io.chorus.common.security.Roles;
import io.chorus.identity.service.SiteService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/sites")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Sites")
public class SiteResource {

    @Inject
    ObjectMapper json;

    @Inject
    SiteService sites;

    @PUT
    @Path("/{code}")
    @RolesAllowed(Roles.CONSORTIUM_ADMIN)
    @Operation(summary = "Register or update a site: name, country, income band history, languages, prior peer-support experience",
            description = "Creates the Keycloak group /sites/{code} so members' tokens carry the site; publishes "
                    + "site-registered or site-updated. 201 when registered, 200 when updated.")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SiteService.Site.class)))
    @APIResponse(responseCode = "201", description = "Created", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SiteService.Site.class)))
    public Response registerSite(@PathParam("code") @Pattern(regexp = "[A-Z]{2,5}", message = "must be 2-5 capital letters") String code,
            @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(description = "Replace only the representation with this ETag") String ifMatch,
            @Valid @NotNull SiteService.SiteData data) {
        Versions.requireRepresentation(ifMatch, json, () -> getSite(code));
        SiteService.Registered registered = sites.register(code, data, Versions.stillNamed(ifMatch, json));
        return registered.created() ? Response.created(URI.create("/api/sites/" + code)).entity(registered.site()).build()
                : Response.ok(registered.site()).build();
    }

    @GET
    @RolesAllowed({Roles.CONSORTIUM_ADMIN, Roles.ANALYST, Roles.SITE_LEAD, Roles.SITE_RESEARCHER, Roles.TRANSLATOR})
    public List<SiteService.Site> listSites() {
        return sites.list();
    }

    @GET
    @Path("/{code}")
    @RolesAllowed({Roles.CONSORTIUM_ADMIN, Roles.ANALYST, Roles.SITE_LEAD, Roles.SITE_RESEARCHER, Roles.TRANSLATOR})
    public SiteService.Site getSite(@PathParam("code") String code) {
        return sites.get(code);
    }
}
