package io.chorus.coding.exchange.rest;

import io.chorus.coding.exchange.service.QdpxExports;
import io.chorus.common.http.Downloads;
import io.chorus.common.http.PersonalData;
import io.chorus.common.security.Roles;
import io.chorus.refi.QdaProject;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Released transcripts, codebook, codings and memos as a .qdpx for MAXQDA, NVivo and ATLAS.ti. */
@Path("/api/exports")
@Tag(name = "Desktop tools (REFI-QDA)")
@RolesAllowed({Roles.ANALYST, Roles.CONSORTIUM_ADMIN, Roles.SITE_LEAD, Roles.SITE_RESEARCHER})
@PersonalData
public class QdpxExportResource {

    @Inject
    QdpxExports exports;

    @GET
    @Path("/qdpx")
    @Produces(Downloads.QDPX)
    @Operation(summary = "Export released transcripts for coding in a desktop tool, as a REFI-QDA project (.qdpx)",
            description = "Name transcripts, or a study (and phase) and/or a site; analysts and admins export every site, site staff "
                    + "their own. Texts are English, one paragraph per line as '[n] Speaker: text'. The codebook is the one named, else "
                    + "the phase's. Codings become coded selections of their coders, memos notes; each transcript's case has its site, "
                    + "study, phase, session, kind, date and language, and each participant who speaks is a case with their "
                    + "questionnaire. Positions count code points, as the standard says; positions=nvivo counts UTF-16 code units, as "
                    + "NVivo does.")
    @APIResponse(responseCode = "200", description = "The .qdpx file", content = @Content(mediaType = Downloads.QDPX,
            schema = @Schema(type = SchemaType.STRING, format = "binary")))
    public Response exportQdpxProject(@QueryParam("site") @Size(max = 20) String site, @QueryParam("study") @Size(max = 200) String study,
            @QueryParam("phase") @Size(max = 100) String phase,
            @Parameter(description = "Transcript ids; repeat the parameter for several") @QueryParam("transcript")
            @Size(max = QdpxExports.MAX_TRANSCRIPTS) List<String> transcripts,
            @QueryParam("codebook") UUID codebook,
            @QueryParam("positions") @DefaultValue("standard") @Pattern(regexp = "standard|nvivo") String positions) {
        QdaProject project = exports.project(new QdpxExports.Request(site, study, phase, transcripts, codebook));
        return Downloads.qdpx(project, positions);
    }
}
