package io.chorus.coding.search.rest;

import io.chorus.coding.search.service.OriginalSearchAudit;
import io.chorus.coding.search.service.SearchViews.OriginalSearch;
import io.chorus.common.http.PersonalData;
import io.chorus.common.rest.Page;
import io.chorus.common.security.Roles;
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

@Path("/api/audit/original-searches")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Audit")
@PersonalData
public class OriginalSearchAuditResource {

    @Inject
    OriginalSearchAudit audit;

    @GET
    @RolesAllowed(Roles.CONSORTIUM_ADMIN)
    @Operation(summary = "Who searched which site's original-language text, for what, and when (newest first)",
            description = "Original reads of whole transcripts are audited by transcript-service (/api/audit/original-reads).")
    public Page<OriginalSearch> listOriginalSearches(@QueryParam("site") String site, @QueryParam("username") String username,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        return audit.list(site, username, page, size);
    }
}
