package io.chorus.common.event;

import io.chorus.common.rest.Page;
import io.chorus.common.security.Caller;
import io.chorus.common.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Dead letters for consortium admins: a consuming service subclasses it at {@code /api/admin/dead-letters}.
 * Replaying is idempotent: an event already applied is recognised by its id and changes nothing.
 */
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Administration")
@RolesAllowed(Roles.CONSORTIUM_ADMIN)
public abstract class DeadLetterResource {

    @Inject
    DeadLetters deadLetters;

    @Inject
    Caller caller;

    @GET
    @Operation(summary = "The events this service's consumers could not apply: reason, type, key and when",
            description = "Waiting ones only, unless all=true (then replayed and dismissed ones too), oldest first.")
    public Page<DeadLetters.DeadLetter> listDeadLetters(@QueryParam("all") @DefaultValue("false") boolean all,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        return deadLetters.list(all, page, size);
    }

    @POST
    @Path("/replay")
    @Operation(summary = "Apply every waiting dead letter again, after a fix; what still fails stays, with its new reason")
    public DeadLetters.Replay replayDeadLetters() {
        return deadLetters.replay(null);
    }

    @POST
    @Path("/{eventId}/replay")
    @Operation(summary = "Apply one dead letter again")
    public DeadLetters.Replay replayDeadLetter(@PathParam("eventId") String eventId) {
        return deadLetters.replay(eventId);
    }

    @DELETE
    @Path("/{eventId}")
    @Produces({MediaType.APPLICATION_JSON, "application/problem+json"})
    @Operation(summary = "Dismiss a dead letter that can never be applied (it stays listed with all=true)")
    public void dismissDeadLetter(@PathParam("eventId") String eventId) {
        deadLetters.dismiss(eventId, caller.username());
    }
}
