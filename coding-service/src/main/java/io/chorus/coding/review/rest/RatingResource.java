package io.chorus.coding.review.rest;

import io.chorus.coding.review.service.ReviewViews;


import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import io.chorus.coding.coding.service.CodingCommands.Rating;
import io.chorus.coding.review.service.ReviewViews.RatingView;
import io.chorus.coding.review.service.SiteReviewService;
import io.chorus.common.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Construct ratings")
@RolesAllowed({Roles.ANALYST, Roles.CONSORTIUM_ADMIN, Roles.SITE_LEAD, Roles.SITE_RESEARCHER})
public class RatingResource {

    @Inject
    SiteReviewService reviews;

    @PUT
    @Path("/sites/{site}/construct-ratings/{codeId}")
    @RolesAllowed({Roles.ANALYST, Roles.CONSORTIUM_ADMIN, Roles.SITE_LEAD})
    @Operation(summary = "Rate a construct for a site: -2, -1, 0, +1, +2, X (mixed) or missing, with a justification",
            description = "Optional ?phase= rates it per phase. Changing an existing rating needs If-Match.")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RatingView.class)))
    @APIResponse(responseCode = "201", description = "Created", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RatingView.class)))
    @APIResponse(responseCode = "428", description = "If-Match is required to replace an existing one")
    public Response rateConstruct(@PathParam("site") String site, @PathParam("codeId") UUID codeId, @QueryParam("phase") String phase,
            @Valid @NotNull Rating command, @Parameter(description = "The ETag of the existing one, to replace it") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return Puts.answer(reviews.rate(site, codeId, phase, command, ifMatch),
                "/api/sites/" + site + "/construct-ratings/" + codeId + (phase == null ? "" : "?phase=" + phase));
    }

    @GET
    @Path("/construct-ratings")
    @Operation(summary = "Construct ratings, by site and phase")
    public List<RatingView> listConstructRatings(@QueryParam("site") String site, @QueryParam("phase") String phase) {
        return reviews.ratings(site, phase);
    }
}
