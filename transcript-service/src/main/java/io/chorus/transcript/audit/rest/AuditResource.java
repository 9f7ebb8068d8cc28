package io.chorus.transcript.audit.rest;

import io.chorus.common.http.PersonalData;
import io.chorus.common.rest.Page;
import io.chorus.common.security.Roles;
import io.chorus.transcript.audit.repository.AuditLog;
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

@Path("/api/audit")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Audit")
@PersonalData
public class AuditResource {

    @Inject
    AuditLog audit;

    @GET
    @jakarta.ws.rs.Path("/data-requests")
    @RolesAllowed(Roles.CONSORTIUM_ADMIN)
    @Operation(summary = "Who asked for a participant's data, and who downloaded it, and when (newest first)",
            description = "Kept for good, without content; filter by site.")
    public Page<AuditLog.DataRequestEvent> listDataRequestAudit(@QueryParam("site") String site,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        return new Page<>(audit.dataRequests(site, page, size), page, size, audit.countDataRequests(site));
    }

    @GET
    @jakarta.ws.rs.Path("/original-reads")
    @RolesAllowed(Roles.CONSORTIUM_ADMIN)
    @Operation(summary = "Who read which original-language transcript, and when (newest first)",
            description = "Filter by site, by the reader's username, or by their Keycloak subject id.")
    public Page<AuditLog.OriginalRead> listOriginalReads(@QueryParam("site") String site, @QueryParam("username") String username,
            @QueryParam("subject") String subject,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        AuditLog.Reader reader = new AuditLog.Reader(username, subject);
        return new Page<>(audit.find(site, reader, page, size), page, size, audit.count(site, reader));
    }
}
