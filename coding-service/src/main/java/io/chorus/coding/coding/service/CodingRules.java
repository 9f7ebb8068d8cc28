package io.chorus.coding.coding.service;

import io.chorus.coding.codebook.repository.Code;
import io.chorus.coding.codebook.repository.Codebook;
import io.chorus.coding.transcript.repository.CodingSession;
import io.chorus.coding.codebook.repository.PhaseCodebook;
import io.chorus.coding.transcript.repository.ReleasedTranscript;
import io.chorus.coding.coding.service.CodingCommands.Passage;
import io.chorus.common.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * What makes a coding acceptable: a live codable code of the phase's codebook, on paragraphs and offsets the transcript
 * has. Not transactional on purpose: a refusal here marks no transaction for rollback, so an import can report one
 * coding's refusal and go on with the rest in the same transaction.
 */
@ApplicationScoped
public class CodingRules {

    public void checkPassage(ReleasedTranscript transcript, Passage passage, String prefix) {
        ReleasedTranscript.Paragraph first = transcript.paragraph(passage.firstParagraph());
        if (first == null) {
            throw ProblemException.invalid(prefix + "/firstParagraph", "The transcript has no paragraph " + passage.firstParagraph());
        }
        ReleasedTranscript.Paragraph last = transcript.paragraph(passage.lastParagraph());
        if (last == null || passage.lastParagraph() < passage.firstParagraph()) {
            throw ProblemException.invalid(prefix + "/lastParagraph", "lastParagraph must be a paragraph of the transcript "
                    + "at or after firstParagraph");
        }
        int firstLength = codePoints(first);
        int lastLength = codePoints(last);
        if (passage.startOffset() != null && passage.startOffset() > firstLength) {
            throw ProblemException.invalid(prefix + "/startOffset", "Paragraph " + first.n + " has " + firstLength
                    + " code points");
        }
        if (passage.endOffset() != null && passage.endOffset() > lastLength) {
            throw ProblemException.invalid(prefix + "/endOffset", "Paragraph " + last.n + " has " + lastLength + " code points");
        }
        int start = passage.startOffset() == null ? 0 : passage.startOffset();
        int end = passage.endOffset() == null ? lastLength : passage.endOffset();
        if (passage.firstParagraph().equals(passage.lastParagraph()) && end <= start) {
            throw ProblemException.invalid(prefix + "/endOffset", "endOffset must be after startOffset");
        }
    }

    /** A code that may be applied to this transcript: live, codable, and from its phase's codebook if one is set. */
    public Code codableCode(UUID codeId, ReleasedTranscript transcript, String pointer) {
        Code code = Code.findById(codeId);
        if (code == null) {
            throw ProblemException.invalid(pointer, "No code '" + codeId + "'");
        }
        if (!code.active()) {
            throw ProblemException.invalid(pointer, "Code '" + code.name + "' was "
                    + (code.mergedInto != null ? "merged into " + code.mergedInto : "split") + "; use its successor");
        }
        if (!code.codable) {
            throw ProblemException.invalid(pointer, "Code '" + code.name + "' is grouping-only");
        }
        UUID phaseCodebook = phaseCodebook(transcript);
        if (phaseCodebook != null && !phaseCodebook.equals(code.codebookId)) {
            Codebook expected = Codebook.findById(phaseCodebook);
            throw ProblemException.invalid(pointer, "This transcript's phase is coded with codebook '" + expected.name + "'");
        }
        return code;
    }

    public UUID phaseCodebook(ReleasedTranscript transcript) {
        if (transcript.session == null) {
            return null;
        }
        CodingSession session = CodingSession.findById(new CodingSession.Key(transcript.site, transcript.session));
        if (session == null) {
            return null;
        }
        PhaseCodebook assignment = PhaseCodebook.findById(new PhaseCodebook.Key(session.study, session.phase));
        return assignment == null ? null : assignment.codebookId;
    }

    public static int codePoints(ReleasedTranscript.Paragraph paragraph) {
        String text = paragraph.codedText();
        return text.codePointCount(0, text.length());
    }

    /**
     * A variable's codes are mutually exclusive: a coder gives a unit (a paragraph) at most one of them, in a round or
     * outside rounds. {@code except} is the coding being changed, if any.
     */
    public void checkExclusive(String coder, ReleasedTranscript transcript, Code code, UUID roundId, Passage passage, UUID except,
            String pointer) {
        Code group = code.parentId == null ? null : Code.findById(code.parentId);
        if (group == null || group.variableLevel == null) {
            return;
        }
        io.quarkus.panache.common.Parameters params = io.quarkus.panache.common.Parameters.with("coder", coder)
                .and("transcript", transcript.id).and("code", code.id).and("group", group.id).and("first", passage.firstParagraph())
                .and("last", passage.lastParagraph()).and("except", except == null ? new UUID(0, 0) : except);
        if (roundId != null) {
            params.and("round", roundId);
        }
        long taken = io.chorus.coding.coding.repository.Coding.count("coder = :coder and transcriptId = :transcript and consensus = false and "
                + (roundId == null ? "roundId is null" : "roundId = :round") + " and codeId <> :code and codeId in (select c.id from Code c "
                + "where c.parentId = :group) and firstParagraph <= :last and lastParagraph >= :first and id <> :except", params);
        if (taken > 0) {
            throw ProblemException.invalid(pointer, "'" + group.name + "' is a variable: each paragraph gets at most one of its codes from "
                    + "each coder, and " + coder + " gave one of its other codes to a paragraph of this passage already");
        }
    }
}
