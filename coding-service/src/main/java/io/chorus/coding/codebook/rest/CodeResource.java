package io.chorus.coding.codebook.rest;

import io.chorus.coding.review.service.ReviewViews;

import io.chorus.coding.review.rest.Puts;

import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import io.chorus.coding.codebook.repository.Code;
import io.chorus.coding.codebook.service.CodebookCommands.CodeUpdate;
import io.chorus.coding.codebook.service.CodebookCommands.Merge;
import io.chorus.coding.codebook.service.CodebookCommands.Move;
import io.chorus.coding.codebook.service.CodebookCommands.VariableDeclaration;
import io.chorus.coding.codebook.service.CodebookCommands.Split;
import io.chorus.coding.codebook.service.CodebookService;
import io.chorus.coding.codebook.service.CodebookViews.CodeView;
import io.chorus.coding.coding.service.CodingCommands.Validation;
import io.chorus.coding.review.service.ReviewViews.ValidationView;
import io.chorus.coding.review.service.SiteReviewService;
import io.chorus.common.rest.Versions;
import io.chorus.common.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/codes/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Codebooks")
@RolesAllowed({Roles.ANALYST, Roles.CONSORTIUM_ADMIN, Roles.SITE_LEAD, Roles.SITE_RESEARCHER})
public class CodeResource {

    @Inject
    CodebookService codebooks;

    @Inject
    SiteReviewService reviews;

    static CodeView view(Code code) {
        return CodeView.of(code, List.of());
    }

    @GET
    @Operation(summary = "One code (also retired ones, which name their successor)")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CodeView.class)))
    public Response getCode(@PathParam("id") UUID id) {
        Code code = codebooks.findCode(id);
        return Versions.ok(view(code), code.rowVersion);
    }

    @PUT
    @RolesAllowed({Roles.ANALYST, Roles.CONSORTIUM_ADMIN})
    @Operation(summary = "Edit or rename a code of a draft (If-Match: the code's ETag)")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CodeView.class)))
    public Response updateCode(@PathParam("id") UUID id, @Valid @NotNull CodeUpdate command,
            @Parameter(required = true) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        Code code = codebooks.updateCode(id, command, ifMatch);
        return Versions.ok(view(code), code.rowVersion);
    }

    @PUT
    @Path("/variable")
    @RolesAllowed({Roles.ANALYST, Roles.CONSORTIUM_ADMIN})
    @Operation(summary = "Make a code group a variable: its codes become mutually exclusive categories (If-Match: the codebook's ETag)",
            description = "Each coder then gives a unit at most one of its codes. The level (nominal, ordinal, interval, ratio) says "
                    + "how far apart two categories are for agreement; ordinal, interval and ratio variables give every category a "
                    + "value. A level of null makes the group an ordinary group again.")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CodeView.class)))
    public Response declareCodeVariable(@PathParam("id") UUID id, @Valid @NotNull VariableDeclaration command,
            @Parameter(required = true) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        Code code = codebooks.declareVariable(id, command, ifMatch);
        return Versions.ok(view(code), code.rowVersion);
    }

    @POST
    @Path("/move")
    @RolesAllowed({Roles.ANALYST, Roles.CONSORTIUM_ADMIN})
    @Operation(summary = "Move a code under another parent (If-Match: the codebook's ETag)")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CodeView.class)))
    public Response moveCode(@PathParam("id") UUID id, @Valid @NotNull Move command,
            @Parameter(required = true) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        Code code = codebooks.move(id, command, ifMatch);
        return Versions.ok(view(code), code.rowVersion);
    }

    @POST
    @Path("/merge")
    @RolesAllowed({Roles.ANALYST, Roles.CONSORTIUM_ADMIN})
    @Operation(summary = "Merge into another code; codings, memos and sub-codes follow it (If-Match: the codebook's ETag)")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CodeView.class)))
    public Response mergeCode(@PathParam("id") UUID id, @Valid @NotNull Merge command,
            @Parameter(required = true) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        Code survivor = codebooks.merge(id, command, ifMatch);
        return Versions.ok(view(survivor), survivor.rowVersion);
    }

    @POST
    @Path("/split")
    @RolesAllowed({Roles.ANALYST, Roles.CONSORTIUM_ADMIN})
    @Operation(summary = "Split into new codes; every coding must be assigned to a part (If-Match: the codebook's ETag)")
    public List<CodeView> splitCode(@PathParam("id") UUID id, @Valid @NotNull Split command,
            @Parameter(required = true) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return codebooks.split(id, command, ifMatch).stream().map(CodeResource::view).toList();
    }

    @GET
    @Path("/site-validations")
    @Operation(summary = "Site leads' validations of this code's use at their sites")
    public List<ValidationView> listCodeSiteValidations(@PathParam("id") UUID id) {
        return reviews.validationsOfCode(id);
    }

    @PUT
    @Path("/site-validations/{site}")
    @RolesAllowed(Roles.SITE_LEAD)
    @Operation(summary = "Confirm or contest this code's use at your site (If-Match when changing an earlier one)")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ValidationView.class)))
    @APIResponse(responseCode = "201", description = "Created", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ValidationView.class)))
    @APIResponse(responseCode = "428", description = "If-Match is required to replace an existing one")
    public Response validateCodeAtSite(@PathParam("id") UUID id, @PathParam("site") String site, @Valid @NotNull Validation command,
            @Parameter(description = "The ETag of the existing one, to replace it") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return Puts.answer(reviews.validateCode(id, site, command, ifMatch), "/api/codes/" + id + "/site-validations/" + site);
    }
}
