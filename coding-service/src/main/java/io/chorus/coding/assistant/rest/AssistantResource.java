package io.chorus.coding.assistant.rest;

import io.chorus.coding.assistant.service.AssistantCoder;
import io.chorus.coding.assistant.service.Suggestions;
import io.chorus.coding.coding.repository.Coding;
import io.chorus.coding.coding.service.CodingService;
import io.chorus.coding.coding.service.CodingViews.CodingView;
import io.chorus.common.rest.Versions;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import io.chorus.common.http.PersonalData;
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

@Path("/api/transcripts/{transcriptId}/paragraphs/{n}/suggestions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Assistant")
@RolesAllowed({Roles.ANALYST, Roles.CONSORTIUM_ADMIN, Roles.SITE_LEAD, Roles.SITE_RESEARCHER})
@PersonalData
public class AssistantResource {

    @Inject
    Suggestions suggestions;

    @Inject
    AssistantCoder assistant;

    @Inject
    CodingService codings;


    @GET
    @Operation(summary = "The codes of the codebook that fit a paragraph best, by meaning, with each one's score and reason",
            description = "Ranked by cosine similarity of sentence embeddings (all-MiniLM-L6-v2, run inside coding-service) to each code's "
                    + "definition, inclusion criteria and example, and to passages already coded with it that you may read. The "
                    + "codebook is the one assigned to the transcript's phase unless codebook= names another.")
    public Suggestions.Answer suggestCodes(@PathParam("transcriptId") String transcriptId, @PathParam("n") @Min(1) int n,
            @QueryParam("codebook") UUID codebook, @QueryParam("k") @DefaultValue("3") @Min(1) @Max(50) int k) {
        return suggestions.suggest(transcriptId, n, codebook, k);
    }

    @POST
    @Path("/acceptance")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Accept one of the codes suggested for a paragraph: it becomes your coding of the paragraph, whose provenance "
            + "names the suggestion, its score and what it rests on")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = CodingView.class)))
    public Response acceptParagraphSuggestion(@PathParam("transcriptId") String transcriptId, @PathParam("n") @Min(1) int n,
            @Valid @NotNull AssistantCoder.SuggestionAcceptance acceptance) {
        Coding accepted = assistant.acceptForParagraph(transcriptId, n, acceptance);
        return Versions.created(URI.create("/api/codings/" + accepted.id), codings.get(accepted.id));
    }
}
