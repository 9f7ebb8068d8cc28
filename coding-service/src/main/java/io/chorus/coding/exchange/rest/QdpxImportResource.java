package io.chorus.coding.exchange.rest;

import io.chorus.coding.exchange.service.QdpxImports;
import io.chorus.coding.exchange.service.QdpxImports.ImportView;
import io.chorus.common.rest.FileUploads;
import io.chorus.common.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/** Codings made in a desktop tool come back from a .qdpx that started as a Chorus export, as a job. */
@Path("/api/imports")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Desktop tools (REFI-QDA)")
@RolesAllowed({Roles.ANALYST, Roles.CONSORTIUM_ADMIN, Roles.SITE_LEAD, Roles.SITE_RESEARCHER})
public class QdpxImportResource {

    @Inject
    QdpxImports imports;

    @POST
    @Path("/qdpx")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(summary = "Bring back codings made in MAXQDA, NVivo or ATLAS.ti on a Chorus export (.qdpx as the form's 'file')",
            description = "The file is checked at once (a hostile or malformed archive is refused and nothing is kept); its codings are "
                    + "then applied as a job: 202 and the job's URL. Sources match transcripts by GUID; each new coded selection becomes a "
                    + "coding of yours, or of the coder named by ?coder= (for the site's lead or a consortium admin only; the coder must "
                    + "be allowed to code the transcript's site), in the round named by ?round= (a blind double-coding round) if any, on "
                    + "the paragraphs and offsets it covers, whichever way the tool counted positions. Codes are matched by GUID; a code "
                    + "the tool added becomes an inductive code in the codebook's draft (a new draft if the last version is published). "
                    + "The same file again is the same job, and adds nothing.")
    @APIResponse(responseCode = "202", description = "Accepted: the job, at the Location", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ImportView.class)))
    public Response importQdpxCodings(@RestForm("file") FileUpload file, @QueryParam("round") UUID round,
            @QueryParam("coder") @Size(max = 100) String coder) {
        ImportView job = imports.start(FileUploads.required(file), round, coder);
        return Response.accepted(job).location(URI.create("/api/imports/" + job.id())).build();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "An import job: status (queued, running, done, failed), sources and codings done of total, what was skipped and why")
    public ImportView getImport(@PathParam("id") UUID id) {
        return imports.get(id);
    }
}
