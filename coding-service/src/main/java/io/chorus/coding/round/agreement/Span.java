package io.chorus.coding.round.agreement;

/**
 * One coder's coding as agreement sees it: a code on the code-point interval [start, end) of one
 * document, plus the paragraphs it touches. {@code ref} identifies the coding it came from.
 */
public record Span(String ref, String document, String coder, String code, int firstParagraph, int lastParagraph,
        long start, long end) {

    public long length() {
        return end - start;
    }

    /** Shared length over the length of the union: 1 for identical spans, 0 for disjoint ones. */
    public double overlap(Span other) {
        if (!document.equals(other.document)) {
            return 0;
        }
        long shared = Math.min(end, other.end) - Math.max(start, other.start);
        if (shared <= 0) {
            return 0;
        }
        long union = Math.max(end, other.end) - Math.min(start, other.start);
        return (double) shared / union;
    }
}
