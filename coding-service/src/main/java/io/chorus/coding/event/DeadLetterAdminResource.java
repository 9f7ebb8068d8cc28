package io.chorus.coding.event;

import io.chorus.common.event.DeadLetterResource;
import jakarta.ws.rs.Path;

/** The dead letters of this service's consumers, for consortium admins (see DeadLetterResource). */
@Path("/api/admin/dead-letters")
public class DeadLetterAdminResource extends DeadLetterResource {
}
