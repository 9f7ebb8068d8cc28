package io.chorus.reporting.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import io.chorus.common.security.Roles;
import io.chorus.common.security.Caller;
import io.chorus.reporting.report.SiteReports;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/sites/{site}/implementation-measure")
@Tag(name = "Reports")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class MeasureResource {

    /** Items 1-8, each 0 (few or no facilitators, many barriers) to 3 (many facilitators, few barriers). */
    @Schema(name = "MeasureSubmission")
    public record Submission(@NotNull @Size(min = 8, max = 8) List<@NotNull @Min(0) @Max(3) Integer> items) {
    }

    @Inject
    SiteReports reports;

    @Inject
    Caller caller;

    @PUT
    @RolesAllowed(Roles.SITE_LEAD)
    @Operation(summary = "A site lead submits the implementation measure for their site (replaces an earlier one)")
    public Submission submitImplementationMeasure(@PathParam("site") String site, @QueryParam("phase") String phase, @Valid @NotNull Submission submission) {
        caller.requireAt(site, Roles.SITE_LEAD);
        reports.submitMeasure(site, phase, submission.items(), caller.username());
        return submission;
    }
}
