package io.chorus.refi;

/**
 * How a tool counted the positions of its text selections. The standard says Unicode characters (code points); NVivo
 * counts UTF-16 code units, so a position drifts by one after each emoji; NVivo for Windows also counts the CR of each
 * CRLF, while ATLAS.ti counts a line break as one character although its files hold CRLF.
 *
 * @param utf16      positions count UTF-16 code units (a character outside the Basic Multilingual Plane counts two)
 * @param crlfAsTwo  a CRLF in the text file counts as two positions (as written), not as one line break
 */
public record PositionCounting(boolean utf16, boolean crlfAsTwo) {

    /** The standard's counting, which Chorus writes by default: code points, CRLF as the two characters it is. */
    public static final PositionCounting STANDARD = new PositionCounting(false, true);
    /** What Chorus writes for NVivo when asked: UTF-16 code units. */
    public static final PositionCounting NVIVO = new PositionCounting(true, true);

    public static final java.util.List<PositionCounting> ALL = java.util.List.of(STANDARD, new PositionCounting(false, false), NVIVO,
            new PositionCounting(true, false));

    /** The counting a tool is known to use, from the project's {@code origin}; the selections then confirm or overrule it. */
    public static PositionCounting expectedFor(String origin) {
        String tool = origin == null ? "" : origin.toLowerCase(java.util.Locale.ROOT);
        if (tool.contains("nvivo")) {
            return NVIVO;
        }
        if (tool.contains("atlas.ti")) {
            return new PositionCounting(false, false);
        }
        return STANDARD;
    }

    @Override
    public String toString() {
        return (utf16 ? "UTF-16 code units" : "code points") + (crlfAsTwo ? ", CRLF as two" : ", CRLF as one");
    }
}
