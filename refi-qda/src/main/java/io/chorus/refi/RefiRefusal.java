package io.chorus.refi;

/**
 * A file Chorus will not read, with the archive entry (or XML location) at fault. Nothing read from a refused file is
 * kept.
 */
public class RefiRefusal extends RuntimeException {

    public enum Reason {
        /** not a zip, or a zip that cannot be read */
        NOT_AN_ARCHIVE,
        /** an entry whose path would leave the archive: absolute, with "..", a drive letter or a backslash */
        UNSAFE_PATH,
        TOO_MANY_ENTRIES,
        /** the archive or one entry expands beyond the limit */
        TOO_LARGE,
        /** an entry expands far more than text or XML does: a zip bomb */
        COMPRESSION_RATIO,
        NO_PROJECT_FILE,
        /** a DOCTYPE: DTDs and entities are not read, so neither external entities nor entity expansion can happen */
        DOCTYPE,
        MALFORMED_XML,
        NOT_QDA_XML,
        UNREADABLE_TEXT
    }

    private final Reason reason;
    private final String entry;

    public RefiRefusal(Reason reason, String entry, String message) {
        super(message);
        this.reason = reason;
        this.entry = entry;
    }

    public RefiRefusal(Reason reason, String entry, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
        this.entry = entry;
    }

    public Reason reason() {
        return reason;
    }

    /** The archive entry at fault, or null for the archive as a whole. */
    public String entry() {
        return entry;
    }

    /** True for refusals of size: the answer is 413, not 422. */
    public boolean tooLarge() {
        return reason == Reason.TOO_LARGE || reason == Reason.COMPRESSION_RATIO || reason == Reason.TOO_MANY_ENTRIES;
    }
}
