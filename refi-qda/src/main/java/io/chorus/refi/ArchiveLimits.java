package io.chorus.refi;

/**
 * What a {@code .qdpx} may hold. The defaults take a study of many two-hour focus groups with their rich-text
 * copies, and refuse zip bombs: text and XML compress about 3 to 10 times, a bomb thousands of times.
 *
 * @param maxEntries       entries in the archive
 * @param maxTotalBytes    uncompressed bytes of all entries read
 * @param maxEntryBytes    uncompressed bytes of one entry
 * @param maxRatio         uncompressed to compressed size of one entry, checked once it has expanded past 1 MiB
 */
public record ArchiveLimits(int maxEntries, long maxTotalBytes, long maxEntryBytes, int maxRatio) {

    public static final ArchiveLimits DEFAULT = new ArchiveLimits(5_000, 1L << 30, 256L << 20, 200);

    /** Below this an entry's ratio is not judged: tiny entries (an empty line, repeated spaces) compress very well. */
    static final long RATIO_FLOOR = 1L << 20;
}
