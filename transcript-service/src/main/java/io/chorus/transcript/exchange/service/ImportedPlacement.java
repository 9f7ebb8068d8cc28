package io.chorus.transcript.exchange.service;

import io.chorus.transcript.participant.service.ParticipantService;
import io.chorus.transcript.transcript.service.Pseudonymiser;

import io.chorus.refi.ParagraphLayout;
import io.chorus.refi.PositionCounting;
import io.chorus.refi.QdaProject.Selection;
import io.chorus.refi.SourceText;
import io.chorus.refi.SpeakerTurns;
import io.chorus.transcript.transcript.repository.Transcript;
import io.chorus.transcript.transcript.rest.TranscriptPush.Identifier;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A desktop tool's text source as the paragraphs of a transcript, and where a coded selection of it lands on them. The
 * source is read as Chorus reads every tool's text ({@link ParagraphLayout#parse}): one paragraph per non-empty line,
 * a leading speaker code ({@code P3: }, or Chorus's own {@code [12] P3: }) taken as the speaker only where the file says so
 * ({@link SpeakerTurns}). A selection's position (in the tool's counting) becomes a code point of the source, then a
 * paragraph (its index among the source's paragraphs) and an offset in its text, then the same words after
 * pseudonymisation: offsets are code points of the paragraph's stored text, as every Chorus coding counts them.
 */
final class ImportedPlacement {

    public static final String UNATTRIBUTED = "Unattributed";

    /** Where a selection lies among the source's paragraphs (indexes from 0, offsets in the text as read), or why it does not. */
    record Located(int first, int startOffset, int last, int endOffset, String problem) {

        static Located refused(String problem) {
            return new Located(-1, 0, -1, 0, problem);
        }
    }

    /** Paragraph numbers and code-point offsets in a transcript, or the reason the selection cannot be placed. */
    record Result(int firstParagraph, int startOffset, int lastParagraph, int endOffset, String problem) {

        static Result refused(String problem) {
            return new Result(0, 0, 0, 0, problem);
        }
    }

    private final SourceText text;
    private final ParagraphLayout layout;
    private final List<ParagraphLayout.Placed> kept;
    private final Map<Integer, Integer> indexByNumber = new HashMap<>();

    /** @param knownSpeakers the speakers the project names (its cases, the import's identifiers) */
    ImportedPlacement(SourceText text, Collection<String> knownSpeakers) {
        this.text = text;
        this.layout = ParagraphLayout.parse(text.normalized(), SpeakerTurns.in(text.normalized(), knownSpeakers));
        this.kept = layout.paragraphs().stream().filter(p -> !p.text().isBlank()).toList();
        for (int i = kept.size() - 1; i >= 0; i--) {
            indexByNumber.put(kept.get(i).number(), i);
        }
    }

    /** The source's paragraphs in order, as a push gives them: speaker (or {@value #UNATTRIBUTED}) and text. */
    List<ParagraphLayout.Paragraph> paragraphs() {
        return kept.stream().map(p -> new ParagraphLayout.Paragraph(p.number(), p.speaker() == null ? UNATTRIBUTED : p.speaker(),
                p.text())).toList();
    }

    /** The paragraphs (indexes into {@link #paragraphs()}) and offsets the selection covers. */
    Located locate(Selection selection, PositionCounting counting) {
        int start = text.index(selection.start(), counting);
        int end = text.index(selection.end(), counting);
        if (start < 0 || end < 0 || end <= start) {
            return Located.refused("positions " + selection.start() + "–" + selection.end() + " do not fall on the text (" + counting + ")");
        }
        ParagraphLayout.Span span = layout.locate(start, end);
        Integer first = span == null ? null : indexByNumber.get(span.firstParagraph());
        Integer last = span == null ? null : indexByNumber.get(span.lastParagraph());
        if (first == null || last == null) {
            return Located.refused("covers no paragraph text, only a speaker or blank lines");
        }
        return new Located(first, span.startOffset(), last, span.endOffset(), null);
    }

    /**
     * Where a located selection lands on the transcript pushed from the paragraphs {@code [from, from + size)} of
     * {@link #paragraphs()} with these identifiers.
     */
    Result place(Located located, Transcript transcript, int from, List<Identifier> identifiers) {
        for (int i = located.first(); i <= located.last(); i++) {
            if (ParticipantService.WITHDRAWN_TEXT.equals(transcript.paragraphs().get(i - from).text())) {
                return Result.refused("covers paragraph " + transcript.paragraphs().get(i - from).n() + ", whose speaker withdrew consent");
            }
        }
        int startOffset = stored(kept.get(located.first()).text(), located.startOffset(), false, identifiers);
        int endOffset = stored(kept.get(located.last()).text(), located.endOffset(), true, identifiers);
        if (located.first() == located.last() && endOffset <= startOffset) {
            return Result.refused("covers only blanks at the edge of a paragraph");
        }
        return new Result(transcript.paragraphs().get(located.first() - from).n(), startOffset,
                transcript.paragraphs().get(located.last() - from).n(), endOffset, null);
    }

    /** A code-point offset of the paragraph as the tool had it, as one of the paragraph as stored (stripped, then pseudonymised). */
    private static int stored(String asRead, int codePoints, boolean end, List<Identifier> identifiers) {
        String stripped = asRead.strip();
        int lead = asRead.indexOf(stripped.isEmpty() ? asRead : stripped);
        int charOffset = Math.max(0, Math.min(asRead.offsetByCodePoints(0, codePoints) - lead, stripped.length()));
        Pseudonymiser.Tracked tracked = Pseudonymiser.applyTracked(stripped, identifiers);
        int mapped = tracked.map(charOffset, end);
        return tracked.text().codePointCount(0, mapped);
    }
}
