package io.chorus.refi;

import io.chorus.refi.RefiRefusal.Reason;
import java.io.Closeable;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * A {@code .qdpx} a stranger sent: a zip whose every entry name is checked before anything is read (no path may leave
 * the archive, and there may not be too many), and whose entries are read through a meter that stops at the size and
 * compression-ratio limits. Lookups forgive the tools' differences: {@code Sources/} or {@code sources/}, the project
 * file's name, and {@code plainTextPath} with {@code internal://}, {@code relative:///} or no scheme.
 */
public final class QdpxArchive implements Closeable {

    private final ZipFile zip;
    private final ArchiveLimits limits;
    private final Map<String, ZipEntry> byLowerCaseName = new LinkedHashMap<>();
    private long bytesRead;

    private QdpxArchive(ZipFile zip, ArchiveLimits limits) {
        this.zip = zip;
        this.limits = limits;
    }

    public static QdpxArchive open(Path file, ArchiveLimits limits) {
        ZipFile zip;
        try {
            zip = new ZipFile(file.toFile(), StandardCharsets.UTF_8);
        } catch (ZipException e) {
            throw new RefiRefusal(Reason.NOT_AN_ARCHIVE, null, "Not a .qdpx: the file is not a zip archive (" + e.getMessage() + ")");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        QdpxArchive archive = new QdpxArchive(zip, limits);
        try {
            archive.index();
            return archive;
        } catch (RuntimeException refused) {
            archive.close();
            throw refused;
        }
    }

    private void index() {
        if (zip.size() > limits.maxEntries()) {
            throw new RefiRefusal(Reason.TOO_MANY_ENTRIES, null, "The archive has " + zip.size() + " entries; at most "
                    + limits.maxEntries() + " are accepted");
        }
        long declared = 0;
        Enumeration<? extends ZipEntry> entries = zip.entries();
        while (entries.hasMoreElements()) {
            ZipEntry entry = entries.nextElement();
            String name = entry.getName();
            if (!safe(name)) {
                throw new RefiRefusal(Reason.UNSAFE_PATH, name, "Entry '" + name + "' has a path that leaves the archive");
            }
            if (entry.getSize() > limits.maxEntryBytes()) {
                throw new RefiRefusal(Reason.TOO_LARGE, name, "Entry '" + name + "' expands to " + entry.getSize() + " bytes; at most "
                        + limits.maxEntryBytes() + " are accepted");
            }
            declared += Math.max(0, entry.getSize());
            if (declared > limits.maxTotalBytes()) {
                throw new RefiRefusal(Reason.TOO_LARGE, name, "The archive expands to more than " + limits.maxTotalBytes() + " bytes");
            }
            if (!entry.isDirectory()) {
                byLowerCaseName.putIfAbsent(name.toLowerCase(Locale.ROOT), entry);
            }
        }
    }

    static boolean safe(String name) {
        if (name.isEmpty() || name.startsWith("/") || name.indexOf('\\') >= 0 || name.indexOf(':') >= 0 || name.indexOf('\0') >= 0) {
            return false;
        }
        for (String segment : name.split("/", -1)) {
            if (segment.equals("..")) {
                return false;
            }
        }
        return true;
    }

    /** The project file: {@code project.qde}, {@code Project.qde} or {@code <project name>.qde} at the root. */
    public String projectEntry() {
        List<String> candidates = new ArrayList<>();
        for (ZipEntry entry : byLowerCaseName.values()) {
            String name = entry.getName();
            if (!name.contains("/") && name.toLowerCase(Locale.ROOT).endsWith(".qde")) {
                candidates.add(name);
            }
        }
        if (candidates.isEmpty()) {
            throw new RefiRefusal(Reason.NO_PROJECT_FILE, null, "The archive has no .qde project file at its root");
        }
        return candidates.stream().filter(n -> n.equalsIgnoreCase("project.qde")).findFirst().orElse(candidates.get(0));
    }

    public List<String> entryNames() {
        return byLowerCaseName.values().stream().map(ZipEntry::getName).toList();
    }

    public InputStream open(String entryName) {
        ZipEntry entry = byLowerCaseName.get(entryName.toLowerCase(Locale.ROOT));
        if (entry == null) {
            throw new IllegalArgumentException("no entry " + entryName);
        }
        try {
            return new Meter(zip.getInputStream(entry), entry);
        } catch (IOException e) {
            throw new RefiRefusal(Reason.NOT_AN_ARCHIVE, entry.getName(), "Entry '" + entry.getName() + "' cannot be read: " + e.getMessage());
        }
    }

    /** The archive entry a source's {@code plainTextPath} names, if the archive has it. */
    public Optional<String> entryFor(String plainTextPath) {
        if (plainTextPath == null || plainTextPath.isBlank()) {
            return Optional.empty();
        }
        String path = plainTextPath.strip();
        for (String scheme : List.of("internal://", "relative:///", "relative://", "file:///")) {
            if (path.regionMatches(true, 0, scheme, 0, scheme.length())) {
                path = path.substring(scheme.length());
                break;
            }
        }
        while (path.startsWith("/")) {
            path = path.substring(1);
        }
        for (String candidate : List.of("sources/" + path, path)) {
            ZipEntry entry = byLowerCaseName.get(candidate.toLowerCase(Locale.ROOT));
            if (entry != null) {
                return Optional.of(entry.getName());
            }
        }
        return Optional.empty();
    }

    /** A text entry decoded: a UTF-8 or UTF-16 byte-order mark is honoured and dropped; without one it must be UTF-8. */
    public String text(String entryName) {
        byte[] bytes;
        try (InputStream in = open(entryName)) {
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return decode(bytes, entryName);
    }

    static String decode(byte[] bytes, String entryName) {
        Charset charset = StandardCharsets.UTF_8;
        int skip = 0;
        if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
            skip = 3;
        } else if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE) {
            charset = StandardCharsets.UTF_16LE;
            skip = 2;
        } else if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF) {
            charset = StandardCharsets.UTF_16BE;
            skip = 2;
        }
        try {
            return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, skip, bytes.length - skip)).toString();
        } catch (CharacterCodingException e) {
            throw new RefiRefusal(Reason.UNREADABLE_TEXT, entryName, "Entry '" + entryName + "' is not " + charset.name() + " text");
        }
    }

    /**
     * Reads every text source's entry once through the meter, so that a bomb hidden in one is refused before any job is
     * recorded; a text that is merely unreadable is left for the job to report for its source.
     */
    public void checkTexts(QdaProject project) {
        for (QdaProject.Source source : project.sources()) {
            entryFor(source.plainTextPath()).ifPresent(entry -> {
                try {
                    text(entry);
                } catch (RefiRefusal refusal) {
                    if (refusal.tooLarge()) {
                        throw refusal;
                    }
                }
            });
        }
    }

    /** The file's SHA-256 in hex: what makes the same upload the same job. */
    public static String sha256(Path file) {
        try (InputStream in = new java.security.DigestInputStream(java.nio.file.Files.newInputStream(file),
                java.security.MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return java.util.HexFormat.of().formatHex(((java.security.DigestInputStream) in).getMessageDigest().digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        try {
            zip.close();
        } catch (IOException ignored) {
            // nothing was written; the file is the caller's
        }
    }

    /** Counts what an entry expands to and stops it at the limits. */
    private final class Meter extends FilterInputStream {

        private final ZipEntry entry;
        private long count;

        Meter(InputStream in, ZipEntry entry) {
            super(in);
            this.entry = entry;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                counted(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                counted(n);
            }
            return n;
        }

        private void counted(int n) {
            count += n;
            bytesRead += n;
            String name = entry.getName();
            if (count > limits.maxEntryBytes()) {
                throw new RefiRefusal(Reason.TOO_LARGE, name, "Entry '" + name + "' expands beyond " + limits.maxEntryBytes() + " bytes");
            }
            if (bytesRead > limits.maxTotalBytes()) {
                throw new RefiRefusal(Reason.TOO_LARGE, name, "The archive expands beyond " + limits.maxTotalBytes() + " bytes");
            }
            long compressed = entry.getCompressedSize();
            if (count > ArchiveLimits.RATIO_FLOOR && compressed > 0 && count / compressed > limits.maxRatio()) {
                throw new RefiRefusal(Reason.COMPRESSION_RATIO, name, "Entry '" + name + "' expands more than " + limits.maxRatio()
                        + " times its compressed size: refused as a zip bomb");
            }
        }
    }
}
