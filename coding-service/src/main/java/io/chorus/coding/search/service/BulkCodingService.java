package io.chorus.coding.search.service;

import io.chorus.coding.coding.service.CodingService;

import io.chorus.coding.coding.repository.Coding;
import io.chorus.coding.coding.service.CodingCommands.Batch;
import io.chorus.coding.coding.service.CodingCommands.BatchItem;
import io.chorus.common.problem.Problem;
import io.chorus.common.problem.ProblemException;
import io.chorus.common.security.Caller;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Records a batch of codings. By default each item stands alone: it is stored in its own transaction or refused with
 * its own problem. An atomic batch is one transaction that the first refused item rolls back.
 */
@ApplicationScoped
public class BulkCodingService {

    @Schema(name = "CodingBatchItemResult", description = "status 201: stored as id; 200: stored by an earlier try with the same "
            + "Idempotency-Key; 4xx: refused, with its problem (pointers relative to the item); 503: not tried, the database went away")
    public record ItemResult(int index, int status, UUID id, Problem problem) {
    }

    @Schema(name = "CodingBatchResult")
    public record BatchResult(int stored, int refused, List<ItemResult> results) {
    }

    @Inject
    CodingService codings;

    @Inject
    Caller caller;

    public BatchResult record(Batch batch, String idempotencyKey) {
        return Boolean.TRUE.equals(batch.atomic()) ? atomically(batch.items(), idempotencyKey) : oneByOne(batch.items(), idempotencyKey);
    }

    private BatchResult oneByOne(List<BatchItem> items, String idempotencyKey) {
        List<ItemResult> results = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            BatchItem item = items.get(i);
            UUID id = idFor(idempotencyKey, i);
            try {
                boolean earlier = QuarkusTransaction.requiringNew().call(() -> {
                    if (idempotencyKey != null && Coding.findById(id) != null) {
                        return true;
                    }
                    codings.create(item.transcriptId(), item.coding(), id);
                    return false;
                });
                results.add(new ItemResult(i, earlier ? 200 : 201, id, null));
            } catch (ProblemException refused) {
                results.add(new ItemResult(i, refused.status(), null, refused.toProblem()));
            } catch (RuntimeException unavailable) {
                // a store outage: this and the remaining items are not stored; a retry with the same key stores them once
                for (int rest = i; rest < items.size(); rest++) {
                    results.add(new ItemResult(rest, 503, null, new Problem("about:blank", "Service Unavailable", 503,
                            "Not stored: the database could not be reached. Retry the batch with the same Idempotency-Key", List.of())));
                }
                break;
            }
        }
        int stored = (int) results.stream().filter(r -> r.status() < 300).count();
        return new BatchResult(stored, results.size() - stored, results);
    }

    private BatchResult atomically(List<BatchItem> items, String idempotencyKey) {
        List<ItemResult> results = new ArrayList<>();
        QuarkusTransaction.requiringNew().run(() -> {
            for (int i = 0; i < items.size(); i++) {
                UUID id = idFor(idempotencyKey, i);
                try {
                    codings.create(items.get(i).transcriptId(), items.get(i).coding(), id);
                } catch (ProblemException refused) {
                    String item = "/items/" + i;
                    List<Problem.FieldError> errors = refused.toProblem().errors() == null || refused.toProblem().errors().isEmpty()
                            ? List.of(new Problem.FieldError(item, refused.getMessage()))
                            : refused.toProblem().errors().stream().map(e -> new Problem.FieldError(item + e.pointer(), e.detail())).toList();
                    throw new ProblemException(refused.status() == 404 || refused.status() == 403 ? refused.status() : 422,
                            refused.toProblem().title(), "Item " + i + " was refused, so nothing of this atomic batch was stored: "
                            + refused.getMessage(), errors);
                }
                results.add(new ItemResult(i, 201, id, null));
            }
        });
        return new BatchResult(results.size(), 0, results);
    }

    /** With an Idempotency-Key, item i of a retried batch gets the id it got the first time, so it is stored once. */
    private UUID idFor(String idempotencyKey, int index) {
        if (idempotencyKey == null) {
            return UUID.randomUUID();
        }
        return UUID.nameUUIDFromBytes((caller.subject() + "\n" + idempotencyKey + "\n" + index).getBytes(StandardCharsets.UTF_8));
    }
}
