package io.chorus.refi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.chorus.refi.RefiRefusal.Reason;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

/** A .qdpx is a zip a stranger sends: each hostile kind is refused, naming the entry, before anything is kept. */
class HostileArchivesTest {

    static final String SECRET = "root:x:0:0";

    @Test
    void entriesWhosePathLeavesTheArchiveAreRefused() {
        for (String name : new String[] {"../../etc/cron.d/evil", "sources/../../evil.txt", "/etc/passwd", "C:/Windows/evil.dll",
                "sources\\..\\..\\evil.txt"}) {
            RefiRefusal refusal = refused(Map.of(name, "x".getBytes(StandardCharsets.UTF_8), "project.qde", minimalProject()));
            assertEquals(Reason.UNSAFE_PATH, refusal.reason(), name);
            assertEquals(name, refusal.entry());
        }
    }

    @Test
    void aZipBombIsRefusedByItsCompressionRatioBeforeItExpands() throws IOException {
        Path bomb = Files.createTempFile("bomb-", ".qdpx");
        bomb.toFile().deleteOnExit();
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(bomb))) {
            zip.putNextEntry(new ZipEntry("project.qde"));
            zip.write(minimalProject());
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("sources/zeros.txt"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 64; i++) {
                zip.write(zeros);
            }
            zip.closeEntry();
        }
        org.junit.jupiter.api.Assertions.assertTrue(Files.size(bomb) < 200_000, "64 MiB of zeros deflate to about 64 KiB");
        try (QdpxArchive archive = QdpxArchive.open(bomb, ArchiveLimits.DEFAULT)) {
            RefiRefusal refusal = assertThrows(RefiRefusal.class, () -> archive.text("sources/zeros.txt"));
            assertEquals(Reason.COMPRESSION_RATIO, refusal.reason());
            assertEquals("sources/zeros.txt", refusal.entry());
        }
    }

    @Test
    void anArchiveThatExpandsBeyondTheTotalIsRefused() {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("project.qde", minimalProject());
        byte[] text = "They have lived it. ".repeat(600).getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < 10; i++) {
            entries.put("sources/" + i + ".txt", text);
        }
        ArchiveLimits small = new ArchiveLimits(100, 50_000, 20_000, 200);
        RefiRefusal refusal = assertThrows(RefiRefusal.class, () -> QdpxArchive.open(Samples.zip(entries), small).close());
        assertEquals(Reason.TOO_LARGE, refusal.reason());
        assertEquals(true, refusal.tooLarge());
    }

    @Test
    void tenThousandEntriesAreRefusedWithoutReadingOne() {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("project.qde", minimalProject());
        for (int i = 0; i < 10_000; i++) {
            entries.put("sources/" + i + ".txt", new byte[0]);
        }
        RefiRefusal refusal = refused(entries);
        assertEquals(Reason.TOO_MANY_ENTRIES, refusal.reason());
    }

    @Test
    void anExternalEntityIsNeverResolved() throws IOException {
        Path secret = Files.createTempFile("secret-", ".txt");
        secret.toFile().deleteOnExit();
        Files.writeString(secret, SECRET);
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE Project [<!ENTITY x SYSTEM \"" + secret.toUri() + "\">]>"
                + "<Project xmlns=\"urn:QDA-XML:project:1.0\" name=\"&x;\"/>";
        RefiRefusal refusal = readRefused(xxe);
        assertEquals(Reason.DOCTYPE, refusal.reason());
        assertEquals("project.qde", refusal.entry());
        assertFalse(refusal.getMessage().contains(SECRET));
    }

    @Test
    void billionLaughsIsRefusedBeforeAnyExpansion() {
        StringBuilder dtd = new StringBuilder("<!DOCTYPE Project [<!ENTITY lol0 \"lol\">");
        for (int i = 1; i < 10; i++) {
            dtd.append("<!ENTITY lol").append(i).append(" \"").append(("&lol" + (i - 1) + ";").repeat(10)).append("\">");
        }
        dtd.append("]>");
        RefiRefusal refusal = readRefused("<?xml version=\"1.0\"?>" + dtd + "<Project xmlns=\"urn:QDA-XML:project:1.0\" name=\"&lol9;\"/>");
        assertEquals(Reason.DOCTYPE, refusal.reason());
    }

    @Test
    void notAZipNoProjectFileAndBrokenXmlAreRefusedByName() throws IOException {
        Path text = Files.createTempFile("not-a-zip-", ".qdpx");
        text.toFile().deleteOnExit();
        Files.writeString(text, "hello");
        assertEquals(Reason.NOT_AN_ARCHIVE, assertThrows(RefiRefusal.class, () -> QdpxArchive.open(text, ArchiveLimits.DEFAULT)).reason());
        RefiRefusal none = assertThrows(RefiRefusal.class, () -> {
            try (QdpxArchive archive = QdpxArchive.open(Samples.zip(Map.of("sources/a.txt", new byte[1])), ArchiveLimits.DEFAULT)) {
                archive.projectEntry();
            }
        });
        assertEquals(Reason.NO_PROJECT_FILE, none.reason());
        RefiRefusal broken = readRefused("<Project xmlns=\"urn:QDA-XML:project:1.0\" name=\"x\"><Users>");
        assertEquals(Reason.MALFORMED_XML, broken.reason());
        assertEquals("project.qde", broken.entry());
        RefiRefusal foreign = readRefused("<html><body/></html>");
        assertEquals(Reason.NOT_QDA_XML, foreign.reason());
    }

    @Test
    void aTextEntryThatIsNotUtf8IsRefusedByName() {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("project.qde", minimalProject());
        entries.put("sources/latin1.txt", new byte[] {'c', 'a', 'f', (byte) 0xE9});
        try (QdpxArchive archive = QdpxArchive.open(Samples.zip(entries), ArchiveLimits.DEFAULT)) {
            RefiRefusal refusal = assertThrows(RefiRefusal.class, () -> archive.text("sources/latin1.txt"));
            assertEquals(Reason.UNREADABLE_TEXT, refusal.reason());
            assertEquals("sources/latin1.txt", refusal.entry());
        }
    }

    private static RefiRefusal readRefused(String qde) {
        try (QdpxArchive archive = QdpxArchive.open(Samples.zip(Map.of("project.qde", qde.getBytes(StandardCharsets.UTF_8))),
                ArchiveLimits.DEFAULT)) {
            return assertThrows(RefiRefusal.class, () -> ProjectReader.read(archive));
        }
    }

    private static RefiRefusal refused(Map<String, byte[]> entries) {
        Path zip = Samples.zip(new LinkedHashMap<>(entries));
        return assertThrows(RefiRefusal.class, () -> QdpxArchive.open(zip, ArchiveLimits.DEFAULT).close());
    }

    static byte[] minimalProject() {
        return "<Project xmlns=\"urn:QDA-XML:project:1.0\" name=\"p\"/>".getBytes(StandardCharsets.UTF_8);
    }
}
