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

/** Active learning in a round: the paragraphs that would teach the assistant most. */
@Path("/api/rounds/{roundId}/paragraphs/uncertain")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Assistant")
public class UncertainRoundParagraphsResource {

    @Inject
    AssistantLearning learning;

    @GET
    @RolesAllowed({Roles.ANALYST, Roles.CONSORTIUM_ADMIN, Roles.SITE_LEAD, Roles.SITE_RESEARCHER})
    @PersonalData
    @Operation(summary = "The round's paragraphs you have not coded in it (of your transcripts, if you code in it), least certain first",
            description = "Active learning over a round: the assistant's least certain paragraphs first, with the code it is least sure of.")
    public Page<AssistantLearning.UncertainParagraph> listUncertainRoundParagraphs(@PathParam("roundId") UUID roundId,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page, @QueryParam("size") @DefaultValue("20") @Min(1) @Max(200) int size) {
        return learning.uncertainInRound(roundId, page, size);
    }
}
