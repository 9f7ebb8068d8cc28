package io.chorus.transcript.transcript.rest;

import io.chorus.common.http.PersonalData;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.chorus.common.problem.Problem;
import io.chorus.common.problem.ProblemException;
import io.chorus.common.security.Roles;
import io.chorus.common.security.Caller;
import io.chorus.transcript.transcript.service.TranscriptService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Many transcripts in one request, each applied on its own (all or nothing per item), with a result per item. */
@Path("/api/sites/{site}/transcripts/batch")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Transcripts")
@PersonalData
public class BatchPushResource {

    /** Items are read one by one, so that one bad item is refused with its own problem and the others are kept. */
    public record Batch(@NotNull @Size(min = 1, max = 100)
            @Schema(minItems = 1, maxItems = 100, description = "TranscriptPush items") List<JsonNode> items) {
    }

    /** status 201 created, 200 unchanged or updated, 4xx refused with its problem; id when stored. */
    public record ItemResult(int index, int status, String id, String externalId, Problem problem) {
    }

    public record BatchResult(int created, int unchanged, int failed, List<ItemResult> items) {
    }

    @Inject
    TranscriptService service;

    @Inject
    Caller caller;

    @Inject
    ObjectMapper json;

    @Inject
    Validator validator;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.PARTNER_SYSTEM, Roles.SITE_RESEARCHER, Roles.SITE_LEAD})
    @Operation(summary = "Push up to 100 transcripts at once",
            description = "Each item is validated and stored on its own, like a single push; the answer lists every item's result.")
    public BatchResult pushTranscriptBatch(@PathParam("site") String site, @NotNull @jakarta.validation.Valid Batch batch) {
        caller.requireAt(site, Roles.PARTNER_SYSTEM, Roles.SITE_RESEARCHER, Roles.SITE_LEAD);
        List<ItemResult> results = new ArrayList<>();
        for (int i = 0; i < batch.items().size(); i++) {
            results.add(pushOne(site, i, batch.items().get(i)));
        }
        int created = (int) results.stream().filter(r -> r.status() == 201).count();
        int failed = (int) results.stream().filter(r -> r.status() >= 400).count();
        return new BatchResult(created, results.size() - created - failed, failed, results);
    }

    private ItemResult pushOne(String site, int index, JsonNode item) {
        String prefix = "/items/" + index;
        String externalId = item.path("externalId").asText(null);
        try {
            TranscriptPush push = json.treeToValue(item, TranscriptPush.class);
            Set<ConstraintViolation<TranscriptPush>> violations = validator.validate(push);
            if (!violations.isEmpty()) {
                List<Problem.FieldError> errors = violations.stream()
                        .map(v -> new Problem.FieldError(prefix + "/" + v.getPropertyPath().toString().replaceAll("\\[(\\d+)]", "/$1").replace('.', '/'),
                                v.getMessage()))
                        .sorted(Comparator.comparing(Problem.FieldError::pointer)).toList();
                return new ItemResult(index, 422, null, externalId,
                        new Problem("about:blank", "Unprocessable Content", 422, "The item has invalid fields", errors));
            }
            TranscriptService.PushResult result = service.push(site, push, caller.username());
            return new ItemResult(index, result.created() ? 201 : 200, result.transcript().id(), externalId, null);
        } catch (JsonProcessingException e) {
            String detail = "Unreadable item: " + e.getOriginalMessage();
            return new ItemResult(index, 400, null, externalId,
                    new Problem("about:blank", "Bad Request", 400, detail, List.of(new Problem.FieldError(prefix, detail))));
        } catch (ProblemException e) {
            Problem problem = e.toProblem();
            List<Problem.FieldError> errors = problem.errors() == null ? List.of() : problem.errors().stream()
                    .map(f -> new Problem.FieldError(prefix + f.pointer(), f.detail())).toList();
            return new ItemResult(index, e.status(), null, externalId,
                    new Problem(problem.type(), problem.title(), problem.status(), problem.detail(), errors));
        }
    }
}
