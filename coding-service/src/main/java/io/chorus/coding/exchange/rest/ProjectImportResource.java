package io.chorus.coding.exchange.rest;

import io.chorus.coding.exchange.service.ProjectCodings;
import io.chorus.coding.exchange.service.ProjectCodings.ProjectCodingsView;
import io.chorus.common.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The coding side of a project a site moved in from a desktop tool (transcript-service's POST /api/sites/{site}/imports/qdpx). */
@Path("/api/project-imports")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Desktop tools (REFI-QDA)")
@RolesAllowed({Roles.ANALYST, Roles.CONSORTIUM_ADMIN, Roles.SITE_LEAD, Roles.SITE_RESEARCHER, Roles.PARTNER_SYSTEM})
public class ProjectImportResource {

    @Inject
    ProjectCodings projects;

    @GET
    @Path("/{id}")
    @Operation(summary = "An imported project's codings: the codebook its codes went to, codings and memos waiting for their "
            + "transcript's release, applied, or skipped with the reason",
            description = "The id is the import job's id in transcript-service. Known here once that job is done.")
    public ProjectCodingsView getProjectImportCodings(@PathParam("id") UUID id) {
        return projects.view(id);
    }
}
