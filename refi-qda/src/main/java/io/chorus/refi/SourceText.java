package io.chorus.refi;

/**
 * A source's text as the file holds it, and the same text with line ends made LF, which is what Chorus keeps. Maps a
 * position in any {@link PositionCounting} to a code-point index into the LF text, so that no position drifts after an
 * emoji or a CRLF.
 */
public final class SourceText {

    private final String normalized;
    private final int[] normalizedCodePoints;
    /** For each counting, the position (in that counting) at which each LF-text code point starts; one more at the end. */
    private final long[][] startsByCounting = new long[PositionCounting.ALL.size()][];

    public SourceText(String asWritten) {
        this.normalized = asWritten.replace("\r\n", "\n").replace('\r', '\n');
        this.normalizedCodePoints = normalized.codePoints().toArray();
        for (int c = 0; c < PositionCounting.ALL.size(); c++) {
            startsByCounting[c] = starts(asWritten, PositionCounting.ALL.get(c), normalizedCodePoints.length);
        }
    }

    private static long[] starts(String asWritten, PositionCounting counting, int length) {
        long[] starts = new long[length + 1];
        long position = 0;
        int index = 0;
        for (int i = 0; i < asWritten.length(); ) {
            int cp = asWritten.codePointAt(i);
            int chars = Character.charCount(cp);
            if (cp == '\r' && i + 1 < asWritten.length() && asWritten.charAt(i + 1) == '\n') {
                // CR LF becomes one LF: it starts where the CR does, and spans one or two positions
                starts[index++] = position;
                position += counting.crlfAsTwo() ? 2 : 1;
                i += 2;
                continue;
            }
            starts[index++] = position;
            position += counting.utf16() ? chars : 1;
            i += chars;
        }
        starts[index] = position;
        return starts;
    }

    public String normalized() {
        return normalized;
    }

    public int length() {
        return normalizedCodePoints.length;
    }

    /** The length of the text in the given counting. */
    public long length(PositionCounting counting) {
        long[] starts = startsByCounting[PositionCounting.ALL.indexOf(counting)];
        return starts[starts.length - 1];
    }

    /**
     * The code-point index in the LF text where a position of the given counting falls, or -1 when it falls inside a
     * character (the middle of a surrogate pair or of a CRLF) or outside the text.
     */
    public int index(long position, PositionCounting counting) {
        long[] starts = startsByCounting[PositionCounting.ALL.indexOf(counting)];
        int found = java.util.Arrays.binarySearch(starts, position);
        return found >= 0 ? found : -1;
    }

    /** The position in the given counting where a code-point index of the LF text starts. */
    public long position(int index, PositionCounting counting) {
        return startsByCounting[PositionCounting.ALL.indexOf(counting)][index];
    }

    /** The LF text between two code-point indexes. */
    public String between(int from, int to) {
        return new String(normalizedCodePoints, from, to - from);
    }

    int codePointAt(int index) {
        return normalizedCodePoints[index];
    }
}
