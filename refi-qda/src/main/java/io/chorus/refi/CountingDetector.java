package io.chorus.refi;

import io.chorus.refi.QdaProject.Selection;
import io.chorus.refi.QdaProject.Source;
import java.util.Comparator;
import java.util.Map;

/**
 * Finds how a file counted its positions: first from the tool named in {@code origin}, then by checking each
 * counting against the selections themselves. The right counting puts every selection inside a character boundary,
 * its ends on word boundaries, and (where the tool wrote the selected text as the selection's name, as ATLAS.ti and
 * MAXQDA do) on that text. A file whose selections say otherwise than its origin is read by its selections.
 */
public final class CountingDetector {

    public record Detection(PositionCounting counting, PositionCounting expected, boolean confirmedBySelections, int selectionsChecked) {
    }

    private record Score(PositionCounting counting, int misplaced, int fit, boolean expected) {
    }

    private CountingDetector() {
    }

    public static Detection detect(QdaProject project, Map<String, SourceText> texts) {
        PositionCounting expected = PositionCounting.expectedFor(project.origin());
        int checked = 0;
        Score best = null;
        for (PositionCounting counting : PositionCounting.ALL) {
            int misplaced = 0;
            int fit = 0;
            checked = 0;
            for (Source source : project.sources()) {
                SourceText text = texts.get(source.guid());
                if (text == null) {
                    continue;
                }
                for (Selection selection : source.selections()) {
                    checked++;
                    int start = text.index(selection.start(), counting);
                    int end = text.index(selection.end(), counting);
                    if (start < 0 || end < 0 || end < start) {
                        misplaced++;
                        continue;
                    }
                    fit += (wordBoundary(text, start) ? 1 : 0) + (wordBoundary(text, end) ? 1 : 0) + (matchesName(text, start, end, selection.name()) ? 4 : 0);
                }
            }
            Score score = new Score(counting, misplaced, fit, counting.equals(expected));
            if (best == null || BETTER.compare(score, best) < 0) {
                best = score;
            }
        }
        return new Detection(best.counting(), expected, checked > 0 && best.expected(), checked);
    }

    private static final Comparator<Score> BETTER = Comparator.comparingInt(Score::misplaced)
            .thenComparing(Comparator.comparingInt(Score::fit).reversed())
            .thenComparing(score -> !score.expected());

    static boolean wordBoundary(SourceText text, int index) {
        if (index == 0 || index == text.length()) {
            return true;
        }
        return !Character.isLetterOrDigit(text.codePointAt(index - 1)) || !Character.isLetterOrDigit(text.codePointAt(index));
    }

    /** ATLAS.ti and MAXQDA name a selection by its text, cut with an ellipsis when long. */
    static boolean matchesName(SourceText text, int start, int end, String name) {
        if (name == null || name.isBlank()) {
            return false;
        }
        String preview = squash(name.replaceFirst("(…|\\.\\.\\.)$", ""));
        String selected = squash(text.between(start, end));
        return preview.length() >= 3 && selected.startsWith(preview);
    }

    private static String squash(String s) {
        return s.replaceAll("\\s+", " ").strip();
    }
}
