package io.chorus.reporting.rest;

import io.chorus.common.http.PersonalData;
import io.chorus.common.rest.Page;
import io.chorus.common.security.Roles;
import io.chorus.reporting.report.SiteReports;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/audit/original-reads")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Audit")
@PersonalData
public class AuditResource {

    @Inject
    SiteReports reports;

    @GET
    @RolesAllowed(Roles.CONSORTIUM_ADMIN)
    @Operation(summary = "Who read which original-language quotes through reports, and when (newest first)")
    public Page<SiteReports.OriginalRead> listOriginalReads(@QueryParam("site") String site, @QueryParam("username") String username,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        return reports.originalReads(site, username, page, size);
    }
}
