package io.chorus.reporting.rest;

import io.chorus.common.security.Roles;
import io.chorus.reporting.service.ReadModelRebuild;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/admin/rebuilds")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Administration")
@RolesAllowed(Roles.CONSORTIUM_ADMIN)
public class RebuildResource {

    @Inject
    ReadModelRebuild rebuild;

    @POST
    @Operation(summary = "Rebuild every read model by replaying the Kafka topics from the beginning",
            description = "Answers 202 with the rebuild's status URL; 409 while another rebuild runs. "
                    + "Implementation measures (submitted here, not derived from events) are kept.")
    @APIResponse(responseCode = "202", description = "Started; Location is the rebuild's status", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReadModelRebuild.Status.class)))
    public Response startRebuild() {
        ReadModelRebuild.Status status = rebuild.start();
        return Response.accepted(status).location(URI.create("/api/admin/rebuilds/" + status.id())).build();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Progress of a rebuild: running (events replayed so far), done or failed")
    public ReadModelRebuild.Status getRebuild(@PathParam("id") String id) {
        return rebuild.status(id);
    }
}
