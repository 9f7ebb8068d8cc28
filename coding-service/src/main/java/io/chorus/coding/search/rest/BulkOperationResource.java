package io.chorus.coding.search.rest;

import io.chorus.coding.search.service.CodeAllHitsService;
import io.chorus.coding.search.service.CodeAllHitsService.OperationView;
import io.chorus.coding.search.service.CodeAllHitsService.Preview;
import io.chorus.coding.coding.service.CodingCommands.CodeAllHits;
import io.chorus.common.http.PersonalData;
import io.chorus.common.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/bulk-codings")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Search")
@RolesAllowed({Roles.ANALYST, Roles.CONSORTIUM_ADMIN, Roles.SITE_LEAD, Roles.SITE_RESEARCHER})
@PersonalData
public class BulkOperationResource {

    @Inject
    CodeAllHitsService operations;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Path("/preview")
    @Operation(summary = "How many codings coding all hits of a search would make now, and how many it would skip")
    public Preview previewCodeAllHits(@Valid @NotNull CodeAllHits command) {
        return operations.preview(command);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Code every hit of a search (at most 5,000) as one operation, with the query as provenance",
            description = "Skips passages you already coded with the code and passages a rule refuses. Undo it as a unit.")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = OperationView.class)))
    public Response codeAllHits(@Valid @NotNull CodeAllHits command) {
        OperationView operation = operations.codeAll(command);
        return Response.created(URI.create("/api/bulk-codings/" + operation.id())).entity(operation).build();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "A code-all-hits operation: its query, what it coded, and whether it was undone")
    public OperationView getBulkOperation(@PathParam("id") UUID id) {
        return operations.get(id);
    }

    @POST
    @Path("/{id}/undo")
    @Operation(summary = "Undo a code-all-hits operation: remove every coding it made that is still there")
    public OperationView undoBulkOperation(@PathParam("id") UUID id) {
        return operations.undo(id);
    }
}
