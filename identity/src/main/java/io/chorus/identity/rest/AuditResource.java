package io.chorus.identity.rest;

import io.chorus.common.http.PersonalData;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import io.chorus.common.rest.Page;
import io.chorus.common.security.Roles;
import io.chorus.identity.repository.AccessChange;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Sort;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/audit/access-changes")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Audit")
@RolesAllowed(Roles.CONSORTIUM_ADMIN)
@PersonalData
public class AuditResource {

    @Schema(name = "AccessChange")
    public record Entry(long id, Instant at, String actor, String action, String site, String target, String detail) {
    }

    @GET
    @Operation(summary = "Every access change (who, what, when, for which site), newest first; append-only")
    public Page<Entry> listAccessChanges(@QueryParam("site") String site, @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        Sort order = Sort.by("id").descending();
        PanacheQuery<AccessChange> query = site == null ? AccessChange.findAll(order) : AccessChange.find("site", order, site);
        return new Page<>(query.page(page, size).list().stream()
                .map(c -> new Entry(c.id, c.at, c.actor, c.action, c.site, c.target, c.detail)).toList(), page, size, query.count());
    }
}
