package io.chorus.coding.round.agreement;

import java.util.List;

/**
 * A transcript as agreement sees it: its paragraph numbers with their lengths in code points, the
 * coders who coded it, and their spans.
 */
public record Document(String id, List<Paragraph> paragraphs, List<Span> spans) {

    public record Paragraph(int n, int length) {
    }

    public long length() {
        return paragraphs.stream().mapToLong(Paragraph::length).sum();
    }

    /** Where paragraph n starts in the document's code-point continuum. */
    public long startOf(int n) {
        long start = 0;
        for (Paragraph paragraph : paragraphs) {
            if (paragraph.n() == n) {
                return start;
            }
            start += paragraph.length();
        }
        throw new IllegalArgumentException("no paragraph " + n + " in " + id);
    }
}
