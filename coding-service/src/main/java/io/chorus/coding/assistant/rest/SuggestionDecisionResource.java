package io.chorus.coding.assistant.rest;

import io.chorus.coding.assistant.service.AssistantCoder;
import io.chorus.coding.coding.repository.Coding;
import io.chorus.coding.coding.service.CodingService;
import io.chorus.coding.coding.service.CodingViews.CodingView;
import io.chorus.common.http.PersonalData;
import io.chorus.common.rest.Versions;
import io.chorus.common.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/codings/{codingId}/suggestion")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Assistant")
@RolesAllowed({Roles.ANALYST, Roles.CONSORTIUM_ADMIN, Roles.SITE_LEAD, Roles.SITE_RESEARCHER})
@PersonalData
public class SuggestionDecisionResource {

    @Inject
    AssistantCoder assistant;

    @Inject
    CodingService codings;

    @POST
    @Path("/accept")
    @Operation(summary = "Accept an assistant's coding: it becomes your own coding, naming the suggestion as its provenance")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = CodingView.class)))
    public Response acceptSuggestion(@PathParam("codingId") UUID codingId) {
        Coding accepted = assistant.accept(codingId);
        return Versions.created(URI.create("/api/codings/" + accepted.id), codings.get(accepted.id));
    }

    @POST
    @Path("/reject")
    @Operation(summary = "Reject an assistant's coding")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = CodingView.class)))
    public Response rejectSuggestion(@PathParam("codingId") UUID codingId) {
        Coding rejected = assistant.reject(codingId);
        return Versions.ok(codings.get(rejected.id));
    }
}
