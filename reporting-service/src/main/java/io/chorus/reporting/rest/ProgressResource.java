package io.chorus.reporting.rest;

import io.chorus.common.security.Roles;
import io.chorus.common.security.SiteScope;
import io.chorus.reporting.service.ProgressReadModel;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/reports/progress")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Reports")
public class ProgressResource {

    public record ProgressReport(List<ProgressReadModel.SiteProgress> sites) {
    }

    @Inject
    ProgressReadModel readModel;

    @Inject
    SiteScope scope;

    @GET
    @RolesAllowed({Roles.ANALYST, Roles.CONSORTIUM_ADMIN, Roles.SITE_LEAD, Roles.SITE_RESEARCHER, Roles.TRANSLATOR})
    @Operation(summary = "Progress per site: transcripts uploaded, back-checked, translated, reviewed and released",
            description = "Analysts and consortium admins see every site; site staff see their own sites' rows.")
    public ProgressReport progress() {
        return new ProgressReport(readModel.progress(scope.seesAllSites() ? null : scope.sites()));
    }
}
