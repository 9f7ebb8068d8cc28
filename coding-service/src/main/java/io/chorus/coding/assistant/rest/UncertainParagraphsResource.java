package io.chorus.coding.assistant.rest;

import io.chorus.coding.assistant.service.AssistantLearning;
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
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Active learning in a transcript: the paragraphs that would teach the assistant most. */
@Path("/api/transcripts/{transcriptId}/paragraphs/uncertain")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Assistant")
public class UncertainParagraphsResource {

    @Inject
    AssistantLearning learning;

    @GET
    @RolesAllowed({Roles.ANALYST, Roles.CONSORTIUM_ADMIN, Roles.SITE_LEAD, Roles.SITE_RESEARCHER})
    @PersonalData
    @Operation(summary = "The transcript's paragraphs you have not coded, those the assistant is least sure of first (active learning)",
            description = "Coding these first teaches the assistant most. The codebook is the transcript phase's unless codebook= names another.")
    public Page<AssistantLearning.UncertainParagraph> listUncertainParagraphs(@PathParam("transcriptId") String transcriptId,
            @QueryParam("codebook") UUID codebook, @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(200) int size) {
        return learning.uncertainIn(transcriptId, codebook, page, size);
    }
}
