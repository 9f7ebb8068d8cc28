package io.chorus.coding.coding.rest;

import io.chorus.coding.review.service.ReviewViews;

import io.chorus.coding.review.rest.Puts;

import io.chorus.common.problem.Problem;
import io.chorus.common.http.PersonalData;
import io.chorus.coding.review.service.ReviewViews.ValidationView;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import io.chorus.coding.coding.repository.Coding;
import io.chorus.coding.coding.service.CodingCommands;
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
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/codings")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Coding")
@RolesAllowed({Roles.ANALYST, Roles.CONSORTIUM_ADMIN, Roles.SITE_LEAD, Roles.SITE_RESEARCHER})
@PersonalData
public class CodingResource {

    @Inject
    CodingService codings;

    @Inject
    SiteReviewService reviews;

    @Inject
    io.chorus.coding.search.service.BulkCodingService bulk;

    @POST
    @Path("/batch")
    @Operation(summary = "Code up to 1,000 passages in one request, with one result or problem per item",
            description = "Each item is stored or refused on its own; with atomic=true all are stored or, at the first refused item, "
                    + "none (422, or its 403/404, pointing at /items/<index>). With an Idempotency-Key a retry stores each item once, "
                    + "even after an outage cut the first try short.")
    @APIResponse(responseCode = "200", description = "Every item's result", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = io.chorus.coding.search.service.BulkCodingService.BatchResult.class)))
    public io.chorus.coding.search.service.BulkCodingService.BatchResult createCodingBatch(@Valid @NotNull CodingCommands.Batch batch,
            @Parameter(hidden = true) @HeaderParam("Idempotency-Key") String idempotencyKey) { // declared on every POST by the contract
        return bulk.record(batch, idempotencyKey);
    }

    @GET
    @Operation(summary = "List and filter codings (by transcript, site, code, coder, round, valence, consensus)",
            description = "In the order they were made. Page by page=, or follow each page's next cursor with after= (cheap at any "
                    + "depth). total is counted only with total=true.")
    public Page<CodingView> listCodings(@QueryParam("transcript") String transcriptId, @QueryParam("site") String site,
            @QueryParam("code") UUID codeId, @QueryParam("coder") String coder, @QueryParam("round") UUID roundId,
            @QueryParam("valence") @Pattern(regexp = "facilitator|barrier|mixed|neutral") String valence,
            @QueryParam("consensus") Boolean consensus,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(100_000) int page,
            @QueryParam("size") @DefaultValue("100") @Min(1) @Max(500) int size,
            @Parameter(description = "The next cursor of the page before; page is then ignored") @QueryParam("after") String after,
            @Parameter(description = "Count the codings across all pages (costs a count over every match)")
            @QueryParam("total") @DefaultValue("false") boolean total) {
        return codings.list(new CodingService.Filter(transcriptId, site, codeId, coder, roundId, valence, consensus), page, size,
                after, total);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One coding, with its site validation")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CodingView.class)))
    public Response getCoding(@PathParam("id") UUID id) {
        return Versions.ok(codings.get(id));
    }

    @PUT
    @Path("/{id}")
    @Operation(summary = "Change your coding's code, passage, valence or weight (If-Match required)")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CodingView.class)))
    public Response updateCoding(@PathParam("id") UUID id, @Valid @NotNull CodingUpdate command,
            @Parameter(required = true) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        codings.update(id, command, ifMatch);
        return Versions.ok(codings.get(id));
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Remove your coding (If-Match required)")
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    public void deleteCoding(@PathParam("id") UUID id, @Parameter(required = true) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        codings.delete(id, ifMatch);
    }

    @PUT
    @Path("/{id}/site-validation")
    @RolesAllowed(Roles.SITE_LEAD)
    @Operation(summary = "Confirm or contest a coding of your site (If-Match when changing an earlier answer)")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ValidationView.class)))
    @APIResponse(responseCode = "201", description = "Created", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ValidationView.class)))
    @APIResponse(responseCode = "428", description = "If-Match is required to replace an existing one")
    public Response validateCoding(@PathParam("id") UUID id, @Valid @NotNull Validation command,
            @Parameter(description = "The ETag of the existing one, to replace it") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return Puts.answer(reviews.validateCoding(id, command, ifMatch), "/api/codings/" + id + "/site-validation");
    }
}
