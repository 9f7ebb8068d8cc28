package io.chorus.coding.assistant.rest;

import io.chorus.coding.assistant.service.AssistantLearning;
import io.chorus.common.problem.Problem;
import io.chorus.common.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A codebook's learned assistant: its evaluation and retraining. */
@Path("/api/codebooks/{codebookId}/assistant")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Assistant")
public class AssistantModelResource {

    @Inject
    AssistantLearning learning;

    @GET
    @RolesAllowed({Roles.ANALYST, Roles.CONSORTIUM_ADMIN})
    @Operation(summary = "How good the codebook's assistant is: its cross-validation by transcript and when it was trained",
            description = "The assistant learns each code from the team's codings (consensus weighs most, then double-coded, then single) "
                    + "and retrains in the background a few seconds after codings change. Per code: precision, recall and F1 on "
                    + "transcripts the model did not learn from, the number of codings it learned from and its threshold; overall: top-1 "
                    + "and top-3 accuracy and micro and macro F1, beside today's similarity-only method on the same folds.")
    public AssistantLearning.ModelView getAssistantModel(@PathParam("codebookId") UUID codebookId) {
        return learning.model(codebookId);
    }

    @POST
    @Path("/training")
    @RolesAllowed({Roles.ANALYST, Roles.CONSORTIUM_ADMIN})
    @Operation(summary = "Retrain the codebook's assistant now rather than after the usual quiet period",
            description = "The training runs in the background; GET the assistant until its trainedAt changes.")
    @APIResponse(responseCode = "202", description = "Accepted: the trainer takes it up within seconds")
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    public Response retrainAssistant(@PathParam("codebookId") UUID codebookId) {
        learning.retrain(codebookId);
        return Response.accepted().build();
    }
}
