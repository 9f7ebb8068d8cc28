package io.chorus.coding.assistant.rest;

import io.chorus.coding.assistant.service.EmbeddingIndex;
import io.chorus.common.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/assistant/index")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Assistant")
@RolesAllowed({Roles.ANALYST, Roles.CONSORTIUM_ADMIN})
public class EmbeddingIndexResource {

    @Inject
    EmbeddingIndex index;

    @GET
    @Operation(summary = "The embedding model, and how many paragraphs and codes are embedded of how many there are")
    public EmbeddingIndex.Status getEmbeddingIndexStatus() {
        return index.status();
    }
}
