package io.chorus.coding.coding.rest;

import io.chorus.common.http.PersonalData;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import io.chorus.coding.coding.repository.Coding;
import io.chorus.coding.coding.service.CodingCommands.CodingUpdate;
import io.chorus.coding.coding.service.CodingCommands.NewCoding;
import io.chorus.coding.coding.service.CodingCommands.Validation;
import io.chorus.coding.coding.service.CodingService;
import io.chorus.coding.coding.service.CodingViews.CodingView;
import io.chorus.coding.review.service.SiteReviewService;
import io.chorus.common.rest.Page;
import io.chorus.common.rest.Versions;
import io.chorus.common.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/transcripts/{transcriptId}/codings")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Coding")
@RolesAllowed({Roles.ANALYST, Roles.CONSORTIUM_ADMIN, Roles.SITE_LEAD, Roles.SITE_RESEARCHER})
@PersonalData
public class TranscriptCodingResource {

    @Inject
    CodingService codings;

    @POST
    @Operation(summary = "Code a passage of a released transcript",
            description = "Offsets count Unicode code points of the English text. With roundId the coding belongs to "
                    + "your work in that round and stays hidden from others while an independent round is open.")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CodingView.class)))
    public Response createCoding(@PathParam("transcriptId") String transcriptId, @Valid @NotNull NewCoding command) {
        Coding coding = codings.create(transcriptId, command);
        return Versions.created(URI.create("/api/codings/" + coding.id), codings.get(coding.id));
    }

    @GET
    @Operation(summary = "The codings of one transcript you may see")
    public Page<CodingView> listTranscriptCodings(@PathParam("transcriptId") String transcriptId,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("100") @Min(1) @Max(500) int size) {
        codings.readableTranscript(transcriptId);
        return codings.list(new CodingService.Filter(transcriptId, null, null, null, null, null, null), page, size);
    }
}
