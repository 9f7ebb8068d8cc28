package io.chorus.reporting.rest;

import io.chorus.common.security.Roles;
import io.chorus.reporting.service.CodeCells;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/admin/reconciliation")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Administration")
@RolesAllowed(Roles.CONSORTIUM_ADMIN)
public class ReconciliationResource {

    /** {@code differences} is the number of codes whose cells disagree with the transcripts' contributions; 0 when exact. */
    public record Reconciliation(int differences, List<CodeCells.Difference> codes) {
    }

    @Inject
    CodeCells cells;

    @GET
    @Operation(summary = "Check the report cells against the facts they are made of: per code, passages and documents",
            description = "Every report reads these cells; a difference means a read model went wrong and a rebuild repairs it.")
    public Reconciliation getReconciliation() {
        List<CodeCells.Difference> differences = cells.differences();
        return new Reconciliation(differences.size(), differences.subList(0, Math.min(100, differences.size())));
    }
}
