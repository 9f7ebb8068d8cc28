package io.chorus.coding.exchange.service;

import io.chorus.coding.coding.service.CodingService;

import io.chorus.coding.codebook.repository.Code;
import io.chorus.coding.coding.repository.Coding;
import io.chorus.coding.exchange.repository.RefiImportedCoding;
import io.chorus.coding.transcript.repository.ReleasedTranscript;
import io.chorus.coding.coding.service.CodingCommands.NewCoding;
import io.chorus.common.problem.ProblemException;
import io.chorus.refi.Guids;
import io.chorus.refi.ParagraphLayout;
import io.chorus.refi.ParagraphLayout.Span;
import io.chorus.refi.PositionCounting;
import io.chorus.refi.QdaProject;
import io.chorus.refi.QdaProject.Selection;
import io.chorus.refi.SourceText;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * The coded selections of one source, placed on its transcript as codings of the import's coder. They are written
 * {@value #CHUNK} to a transaction; a chunk in which Chorus refuses one coding is rolled back and written again one
 * coding to a transaction, so that the refusal is reported for that coding alone and the rest still land.
 */
@ApplicationScoped
public class ImportedSelections {

    static final int CHUNK = 200;

    /** One coding of the file, and where it goes. */
    record Item(Selection selection, QdaProject.Coding coding) {
    }

    /** What became of an item: null when added, "" when it was there already, else why it was skipped. */
    public record Outcome(Item item, String problem) {
    }

    /** What the placement needs of the job. */
    record Target(UUID importId, ReleasedTranscript transcript, SourceText text, ParagraphLayout layout, PositionCounting counting,
            String coder, UUID roundId, UUID codebookId) {
    }

    /** Chorus refused a coding: its transaction is rolled back, and the reason reported. */
    private static final class Refused extends RuntimeException {
        Refused(String reason) {
            super(reason, null, false, false);
        }
    }

    @Inject
    CodingService codings;

    @Inject
    ToolCodes codes;

    static List<Item> items(QdaProject.Source source) {
        List<Item> items = new ArrayList<>();
        source.selections().forEach(selection -> selection.codings().forEach(coding -> items.add(new Item(selection, coding))));
        return items;
    }

    /** Places a chunk of items; falls back to one transaction per item when Chorus refused one. */
    public List<Outcome> place(Target target, List<Item> chunk) {
        try {
            return QuarkusTransaction.requiringNew().call(() -> chunk.stream().map(item -> new Outcome(item, apply(target, item)))
                    .toList());
        } catch (RuntimeException e) {
            refusal(e);
            return chunk.stream().map(item -> new Outcome(item, alone(target, item))).toList();
        }
    }

    private String alone(Target target, Item item) {
        try {
            return QuarkusTransaction.requiringNew().call(() -> apply(target, item));
        } catch (RuntimeException e) {
            return refusal(e).getMessage();
        }
    }

    private static Refused refusal(RuntimeException e) {
        if (e instanceof Refused refused) {
            return refused;
        }
        if (e.getCause() instanceof Refused refused) {
            return refused;
        }
        throw e;
    }

    private String apply(Target target, Item item) {
        Selection selection = item.selection();
        QdaProject.Coding coding = item.coding();
        String key = target.coder() + "|" + target.roundId() + "|" + selection.guid() + "|"
                + Objects.requireNonNullElse(coding.guid(), coding.codeGuid());
        if (Coding.findById(Guids.toUuid(selection.guid())) != null || RefiImportedCoding.findById(key) != null) {
            return "";
        }
        int start = target.text().index(selection.start(), target.counting());
        int end = target.text().index(selection.end(), target.counting());
        if (start < 0 || end < 0 || end <= start) {
            return "positions " + selection.start() + "–" + selection.end() + " do not fall on the text (" + target.counting() + ")";
        }
        Span span = target.layout().locate(start, end);
        if (span == null) {
            return "covers no paragraph text, only a paragraph number or speaker";
        }
        Code code = codes.find(coding.codeGuid(), target.codebookId());
        if (code == null) {
            return "code " + coding.codeGuid() + (target.codebookId() == null ? " is not in Chorus, and nothing says which codebook to "
                    + "add it to (import into a round, or assign the phase a codebook)" : " is not in the codebook");
        }
        UUID id = UUID.nameUUIDFromBytes(("refi-import:" + key).getBytes(StandardCharsets.UTF_8));
        try {
            codings.createFor(target.coder(), target.transcript(), new NewCoding(code.id, span.firstParagraph(), span.lastParagraph(),
                    span.startOffset(), span.endOffset(), null, null, target.roundId()), id);
        } catch (ProblemException refused) {
            throw new Refused(refused.getMessage());
        }
        RefiImportedCoding imported = new RefiImportedCoding();
        imported.importKey = key;
        imported.codingId = id;
        imported.importId = target.importId();
        imported.persist();
        return null;
    }
}
