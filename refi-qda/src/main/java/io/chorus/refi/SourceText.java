package io.chorus.refi;

/**
 * A source's text as the file holds it, and the same text with line ends made LF, which is what Chorus keeps. Maps a
 * position in any {@link PositionCounting} to a code-point index into the LF text, so that no position drifts after an
 * emoji or a CRLF.
 */
public final class SourceText {

    private final String normalized;
    private final int length;
    /** LF-text code-point indexes of the characters outside the Basic Multilingual Plane (two UTF-16 code units each). */
    private final int[] supplementary;
    /** LF-text code-point indexes of the line ends that the file holds as CRLF (two positions where CRLF counts as two). */
    private final int[] crlf;

    /**
     * Keeps the text and two sparse lists instead of a position table per counting: a transcript at the size limit
     * needed four tables of 8 bytes per character, which did not fit a service's heap.
     */
    public SourceText(String asWritten) {
        this.normalized = asWritten.replace("\r\n", "\n").replace('\r', '\n');
        IntList wide = new IntList();
        IntList lineEnds = new IntList();
        int index = 0;
        for (int i = 0; i < asWritten.length(); index++) {
            int cp = asWritten.codePointAt(i);
            if (cp == '\r' && i + 1 < asWritten.length() && asWritten.charAt(i + 1) == '\n') {
                lineEnds.add(index);
                i += 2;
                continue;
            }
            if (Character.isSupplementaryCodePoint(cp)) {
                wide.add(index);
            }
            i += Character.charCount(cp);
        }
        this.length = index;
        this.supplementary = wide.toArray();
        this.crlf = lineEnds.toArray();
    }

    public String normalized() {
        return normalized;
    }

    public int length() {
        return length;
    }

    /** The length of the text in the given counting. */
    public long length(PositionCounting counting) {
        return position(length, counting);
    }

    /**
     * The code-point index in the LF text where a position of the given counting falls, or -1 when it falls inside a
     * character (the middle of a surrogate pair or of a CRLF) or outside the text.
     */
    public int index(long position, PositionCounting counting) {
        int low = 0;
        int high = length;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            long at = position(middle, counting);
            if (at == position) {
                return middle;
            }
            if (at < position) {
                low = middle + 1;
            } else {
                high = middle - 1;
            }
        }
        return -1;
    }

    /** The position in the given counting where a code-point index of the LF text starts. */
    public long position(int index, PositionCounting counting) {
        if (index < 0 || index > length) {
            throw new IndexOutOfBoundsException("index " + index + " outside a text of " + length + " characters");
        }
        return (long) index + (counting.utf16() ? before(supplementary, index) : 0) + (counting.crlfAsTwo() ? before(crlf, index) : 0);
    }

    /** The LF text between two code-point indexes. */
    public String between(int from, int to) {
        return normalized.substring(charIndex(from), charIndex(to));
    }

    int codePointAt(int index) {
        return normalized.codePointAt(charIndex(index));
    }

    private int charIndex(int index) {
        return index + before(supplementary, index);
    }

    /** How many of the sorted indexes are below {@code index}. */
    private static int before(int[] sorted, int index) {
        int found = java.util.Arrays.binarySearch(sorted, index);
        return found >= 0 ? found : -found - 1;
    }

    private static final class IntList {
        private int[] values = new int[16];
        private int size;

        void add(int value) {
            if (size == values.length) {
                values = java.util.Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }

        int[] toArray() {
            return java.util.Arrays.copyOf(values, size);
        }
    }
}
