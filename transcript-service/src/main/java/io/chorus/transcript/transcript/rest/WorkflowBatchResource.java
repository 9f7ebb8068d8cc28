package io.chorus.transcript.transcript.rest;

import io.chorus.common.http.PersonalData;
import io.chorus.common.problem.Problem;
import io.chorus.common.problem.ProblemException;
import io.chorus.common.security.Caller;
import io.chorus.common.security.Roles;
import io.chorus.transcript.transcript.repository.Transcript;
import io.chorus.transcript.transcript.service.TranscriptService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** One workflow step for many transcripts of a site: each is checked and moved on its own, with a result per item. */
@Path("/api/sites/{site}/transcripts/workflow")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Transcript workflow")
@PersonalData
public class WorkflowBatchResource {

    @Schema(name = "WorkflowBatch")
    public record Batch(@NotNull @Pattern(regexp = "back-check|review|release") String step,
            @NotNull @Size(min = 1, max = 500) List<@NotBlank @Size(max = 64) String> transcripts) {
    }

    @Schema(name = "WorkflowBatchItemResult", description = "status 200 with the transcript's new status, or its problem "
            + "(404 not a transcript of the site, 409 not at the step's state)")
    public record ItemResult(int index, String transcriptId, int status, String transcriptStatus, Problem problem) {
    }

    @Schema(name = "WorkflowBatchResult")
    public record BatchResult(String step, int done, int refused, List<ItemResult> items) {
    }

    @Inject
    TranscriptService service;

    @Inject
    Caller caller;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.SITE_RESEARCHER, Roles.SITE_LEAD, Roles.TRANSLATOR})
    @Operation(summary = "Back-check, review or release up to 500 transcripts of a site at once",
            description = "The same rules as one transcript's step apply to each: back-check by the site's researchers or lead, "
                    + "review by a translator who is neither the translator nor an earlier reviewer, release by the site lead "
                    + "after two reviews with no open query.")
    public BatchResult runWorkflowBatch(@PathParam("site") String site, @NotNull @Valid Batch batch) {
        caller.requireAt(site, roles(batch.step()));
        List<ItemResult> items = new ArrayList<>();
        for (int i = 0; i < batch.transcripts().size(); i++) {
            String id = batch.transcripts().get(i);
            try {
                Transcript moved = switch (batch.step()) {
                    case "back-check" -> service.backCheck(site, id, caller.username());
                    case "review" -> service.review(site, id, caller.username());
                    default -> service.release(site, id, caller.username());
                };
                items.add(new ItemResult(i, id, 200, moved.status().wireName(), null));
            } catch (ProblemException refused) {
                items.add(new ItemResult(i, id, refused.status(), null, refused.toProblem()));
            }
        }
        int done = (int) items.stream().filter(r -> r.status() == 200).count();
        return new BatchResult(batch.step(), done, items.size() - done, items);
    }

    private static String[] roles(String step) {
        return switch (step) {
            case "back-check" -> new String[] {Roles.SITE_RESEARCHER, Roles.SITE_LEAD};
            case "review" -> new String[] {Roles.TRANSLATOR};
            default -> new String[] {Roles.SITE_LEAD};
        };
    }
}
