package io.chorus.coding.search.service;

import io.chorus.coding.staff.service.CodingStaff;
import io.chorus.coding.coding.service.CodingRules;
import io.chorus.coding.coding.service.CodingService;

import io.chorus.coding.search.repository.BulkOperation;
import io.chorus.coding.codebook.repository.Code;
import io.chorus.coding.coding.repository.Coding;
import io.chorus.coding.transcript.repository.ReleasedTranscript;
import io.chorus.coding.coding.service.CodingCommands.CodeAllHits;
import io.chorus.coding.coding.service.CodingCommands.HitSearch;
import io.chorus.coding.coding.service.CodingCommands.NewCoding;
import io.chorus.coding.coding.service.CodingCommands.Passage;
import io.chorus.coding.search.service.SearchViews.Filter;
import io.chorus.coding.search.service.SearchViews.SearchHit;
import io.chorus.coding.search.service.SearchViews.SearchMatch;
import io.chorus.coding.search.service.SearchViews.Text;
import io.chorus.common.problem.ProblemException;
import io.chorus.common.rest.Page;
import io.chorus.common.security.Caller;
import io.chorus.common.security.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.text.BreakIterator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Codes every hit of a search as one operation, with the query as its provenance; previews what it would do first, and
 * undoes it as a unit. Passages the coder has already coded with the code, or that a rule refuses (an exclusive code
 * overlapping), are skipped and counted.
 */
@ApplicationScoped
@Transactional
public class CodeAllHitsService {

    static final int MAX_HITS = 5_000;

    @Schema(name = "CodeAllHitsPreview", description = "What coding all hits would do now")
    public record Preview(long hits, int transcripts, int codings, int alreadyCoded, int refused) {
    }

    @Schema(name = "BulkOperation")
    public record OperationView(UUID id, String createdBy, Instant createdAt, String query, String searched, String filters, UUID codeId,
            String unit, String valence, int coded, int skipped, String undoneBy, Instant undoneAt, Integer undone) {
        static OperationView of(BulkOperation o) {
            return new OperationView(o.id, o.createdBy, o.createdAt, o.query, o.searched, o.filters, o.codeId, o.unit, o.valence,
                    o.coded, o.skipped, o.undoneBy, o.undoneAt, o.undone);
        }
    }

    private record Planned(ReleasedTranscript transcript, Passage passage) {
    }

    private record Plan(long hits, List<Planned> codings, int alreadyCoded, int refused) {
    }

    @Inject
    SearchService search;

    @Inject
    CodingService codings;

    @Inject
    CodingRules rules;

    @Inject
    Caller caller;

    public Preview preview(CodeAllHits command) {
        Plan plan = plan(command);
        return new Preview(plan.hits(), (int) plan.codings().stream().map(p -> p.transcript().id).distinct().count(),
                plan.codings().size(), plan.alreadyCoded(), plan.refused());
    }

    public OperationView codeAll(CodeAllHits command) {
        Plan plan = plan(command);
        BulkOperation operation = new BulkOperation();
        operation.id = UUID.randomUUID();
        operation.createdBy = caller.username();
        operation.createdAt = Instant.now();
        operation.query = command.search().q().strip();
        operation.searched = text(command.search()).name();
        operation.filters = SearchService.describe(filter(command.search())).strip();
        operation.codeId = command.codeId();
        operation.unit = command.unit();
        operation.valence = command.valence();
        operation.coded = plan.codings().size();
        operation.skipped = plan.alreadyCoded() + plan.refused();
        operation.persist();
        for (Planned planned : plan.codings()) {
            Passage passage = planned.passage();
            Coding coding = codings.createFor(caller.username(), planned.transcript(), new NewCoding(command.codeId(), passage.firstParagraph(),
                    passage.lastParagraph(), passage.startOffset(), passage.endOffset(), command.valence(), null, null), UUID.randomUUID());
            coding.bulkOperationId = operation.id;
        }
        return OperationView.of(operation);
    }

    public OperationView get(UUID id) {
        return OperationView.of(visible(id));
    }

    /** Removes the operation's codings that are still there, as their coder removing them would. */
    public OperationView undo(UUID id) {
        BulkOperation operation = visible(id);
        if (operation.undoneAt != null) {
            throw ProblemException.conflict("This operation was undone at " + operation.undoneAt);
        }
        List<Coding> made = Coding.list("bulkOperationId", id);
        for (Coding coding : made) {
            coding.delete();
            codings.publishRemoved(coding, "removed");
        }
        operation.undoneBy = caller.username();
        operation.undoneAt = Instant.now();
        operation.undone = made.size();
        return OperationView.of(operation);
    }

    private BulkOperation visible(UUID id) {
        BulkOperation operation = BulkOperation.findById(id);
        if (operation == null || !operation.createdBy.equals(caller.username()) && !caller.holdsConsortiumWide(Roles.CONSORTIUM_ADMIN)) {
            throw ProblemException.notFound("Bulk operation '" + id + "'");
        }
        return operation;
    }

    private Plan plan(CodeAllHits command) {
        Text text = text(command.search());
        if (text == Text.original && !command.unit().equals("paragraph")) {
            throw ProblemException.invalid("/unit", "Hits in original-language text are coded by paragraph: codings point into the "
                    + "English, where a sentence or match of the original has no offsets");
        }
        SearchQuery query = SearchQuery.parse(command.search().q());
        Page<SearchHit> hits = search.all(query, filter(command.search()), MAX_HITS);
        if (hits.total() > MAX_HITS) {
            throw ProblemException.invalid("/search/q", "The search matches " + hits.total() + " paragraphs; code at most "
                    + MAX_HITS + " at once (narrow it with a filter)");
        }
        Code chosen = Code.findById(command.codeId());
        if (chosen == null || !chosen.active() || !chosen.codable) {
            throw ProblemException.invalid("/codeId", chosen == null ? "No code '" + command.codeId() + "'"
                    : "Code '" + chosen.name + "' cannot be applied (grouping-only, merged or split)");
        }
        Map<String, ReleasedTranscript> transcripts = new HashMap<>();
        Map<String, Code> codes = new HashMap<>();
        List<Planned> planned = new ArrayList<>();
        int alreadyCoded = 0;
        int refused = 0;
        for (SearchHit hit : hits.items()) {
            ReleasedTranscript transcript = transcripts.computeIfAbsent(hit.transcriptId(), codings::readableTranscript);
            if (!caller.seesAllSites()) {
                caller.requireAt(transcript.site, CodingStaff.AT_SITE);
            }
            Code code;
            try {
                code = codes.computeIfAbsent(transcript.id, t -> rules.codableCode(command.codeId(), transcript, "/codeId"));
            } catch (ProblemException otherCodebook) {
                refused++; // this transcript's phase codes with another codebook
                continue;
            }
            for (Passage passage : passages(hit, command.unit(), transcript)) {
                if (alreadyCoded(transcript, command.codeId(), passage) || planned.contains(new Planned(transcript, passage))) {
                    alreadyCoded++;
                    continue;
                }
                try {
                    rules.checkExclusive(caller.username(), transcript, code, null, passage, null, "/codeId");
                } catch (ProblemException overlapping) {
                    refused++;
                    continue;
                }
                planned.add(new Planned(transcript, passage));
            }
        }
        return new Plan(hits.total(), planned, alreadyCoded, refused);
    }

    private boolean alreadyCoded(ReleasedTranscript transcript, UUID codeId, Passage passage) {
        return Coding.count("transcriptId = ?1 and codeId = ?2 and coder = ?3 and firstParagraph = ?4 and lastParagraph = ?5 "
                        + "and startOffset is not distinct from ?6 and endOffset is not distinct from ?7", transcript.id, codeId,
                caller.username(), passage.firstParagraph(), passage.lastParagraph(), passage.startOffset(), passage.endOffset()) > 0;
    }

    /** The passages a hit gives: its paragraph, the sentences around its matches, or its matches (adjacent words of a phrase as one). */
    static List<Passage> passages(SearchHit hit, String unit, ReleasedTranscript transcript) {
        int n = hit.paragraph();
        if (unit.equals("paragraph") || hit.matches().isEmpty()) {
            return List.of(new Passage(n, n, null, null));
        }
        String english = transcript.paragraph(n).english;
        Set<Passage> passages = new LinkedHashSet<>();
        if (unit.equals("match")) {
            int start = -1;
            int end = -1;
            for (SearchMatch match : hit.matches()) {
                if (start >= 0 && onlySeparators(english, end, match.start())) {
                    end = match.end();
                    continue;
                }
                if (start >= 0) {
                    passages.add(new Passage(n, n, start, end));
                }
                start = match.start();
                end = match.end();
            }
            passages.add(new Passage(n, n, start, end));
            return List.copyOf(passages);
        }
        BreakIterator sentences = BreakIterator.getSentenceInstance(Locale.ENGLISH);
        sentences.setText(english);
        for (SearchMatch match : hit.matches()) {
            int at = english.offsetByCodePoints(0, match.start());
            int sentenceEnd = sentences.following(at);
            int sentenceStart = sentences.previous();
            String sentence = english.substring(sentenceStart, sentenceEnd).stripTrailing();
            int startOffset = english.codePointCount(0, sentenceStart);
            passages.add(new Passage(n, n, startOffset, startOffset + sentence.codePointCount(0, sentence.length())));
        }
        return List.copyOf(passages);
    }

    private static boolean onlySeparators(String text, int fromCodePoint, int toCodePoint) {
        if (toCodePoint - fromCodePoint > 3) {
            return false;
        }
        int from = text.offsetByCodePoints(0, fromCodePoint);
        int to = text.offsetByCodePoints(0, toCodePoint);
        return text.substring(from, to).codePoints().noneMatch(Character::isLetterOrDigit);
    }

    private static Text text(HitSearch search) {
        return "original".equals(search.text()) ? Text.original : Text.english;
    }

    private static Filter filter(HitSearch search) {
        return new Filter(text(search), search.site(), search.study(), search.phase(), search.role(), search.participant(), search.code(),
                !"outside".equals(search.coded()));
    }
}
