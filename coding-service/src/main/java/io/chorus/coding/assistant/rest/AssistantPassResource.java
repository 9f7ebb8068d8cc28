package io.chorus.coding.assistant.rest;

import io.chorus.coding.assistant.service.AssistantCoder;
import io.chorus.common.http.PersonalData;
import io.chorus.common.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/rounds/{roundId}/assistant-pass")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Assistant")
@RolesAllowed({Roles.ANALYST, Roles.CONSORTIUM_ADMIN})
@PersonalData
public class AssistantPassResource {

    @Schema(name = "AssistantPassRequest")
    public record PassRequest(@Size(max = 64) String transcriptId,
            @Schema(description = "The lowest probability that becomes a coding; by default each code's own threshold (the one that "
                    + "maximised its F1 in cross-validation)")
            @DecimalMin("-1") @DecimalMax("1") Double threshold,
            @Schema(description = "At most this many codes per paragraph; default 1") @Min(1) @Max(5) Integer perParagraph) {
    }

    @Inject
    AssistantCoder assistant;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Let the assistant code the round's transcripts (or one of them) as a coder of the round",
            description = "Each paragraph gets the round codebook's most probable codes at or above the threshold, as codings of the "
                    + "coder assistant:<model>@<version> with their probability and provenance. Like a blind coder the assistant does not "
                    + "look at the transcript's codings: its model is the one trained without the transcript. In an independent round they stay blind until it "
                    + "closes, and the round's agreement compares the assistant with each human. A new pass replaces the undecided "
                    + "codings of the last one.")
    public AssistantCoder.Pass runAssistantPass(@PathParam("roundId") UUID roundId, @NotNull @Valid PassRequest request) {
        return assistant.pass(roundId, request.transcriptId(), request.threshold(),
                request.perParagraph() == null ? 1 : request.perParagraph());
    }
}
