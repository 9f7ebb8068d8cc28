package io.chorus.transcript.exchange.rest;

import io.chorus.common.http.Downloads;
import io.chorus.common.http.PersonalData;
import io.chorus.common.security.Caller;
import io.chorus.common.security.Roles;
import io.chorus.refi.QdaProject;
import io.chorus.transcript.exchange.service.OriginalExports;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A site's transcripts in their original language as a .qdpx, for the site's own members. */
@Path("/api/sites/{site}/transcripts/qdpx")
@Tag(name = "Desktop tools (REFI-QDA)")
@RolesAllowed({Roles.SITE_RESEARCHER, Roles.SITE_LEAD, Roles.TRANSLATOR})
@PersonalData
public class OriginalQdpxExportResource {

    @Inject
    OriginalExports exports;

    @Inject
    Caller caller;

    @GET
    @Produces(Downloads.QDPX)
    @Operation(summary = "Export a site's transcripts in their original language for coding in a desktop tool (.qdpx)",
            description = "For members of the site only (site researchers, site leads, translators); every transcript exported is "
                    + "an audited read of its original. The named transcripts, else all of the site's but the withdrawn. Texts are "
                    + "the originals, one paragraph per line as '[n] Speaker: text'; each transcript's case carries its session's "
                    + "attributes, and each participant who speaks (never a withdrawn one) is a case with their attributes. There is "
                    + "no codebook or coding: codings live on the English text; take the codebook from GET "
                    + "/api/codebooks/{id}/versions/{n}/qdc. Positions count code points; positions=nvivo counts UTF-16 code units.")
    @APIResponse(responseCode = "200", description = "The .qdpx file", content = @Content(mediaType = Downloads.QDPX,
            schema = @Schema(type = SchemaType.STRING, format = "binary")))
    public Response exportOriginalQdpxProject(@PathParam("site") String site,
            @Parameter(description = "Transcript ids; repeat the parameter for several") @QueryParam("transcript")
            @Size(max = OriginalExports.MAX_TRANSCRIPTS) List<String> transcripts,
            @QueryParam("positions") @DefaultValue("standard") @Pattern(regexp = "standard|nvivo") String positions) {
        caller.requireReadAccess(site, "Site '" + site + "'", Roles.SITE_RESEARCHER, Roles.SITE_LEAD, Roles.TRANSLATOR);
        QdaProject project = exports.project(site, transcripts);
        return Downloads.qdpx(project, positions);
    }
}
