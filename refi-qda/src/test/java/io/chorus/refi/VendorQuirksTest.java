package io.chorus.refi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chorus.refi.QdaProject.Selection;
import io.chorus.refi.QdaProject.Source;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The quirks no sample shows, on variants of the real NVivo for Mac and ATLAS.ti exports: a text source with emoji is
 * added as each tool writes it, and its selections are placed the way that tool counts.
 */
class VendorQuirksTest {

    static final String TEXT = "P1: We waited months for an appointment \uD83D\uDE1E and nobody called.\n"
            + "P2: The peer worker \uD83D\uDC4D was the first who listened.\n";
    static final List<String> SELECTED = List.of("nobody called", "the first who listened", "peer worker");
    static final String SOURCE_GUID = "7e0d1e6a-4b4f-4d55-9a51-0c1f3a8a2b10";
    static final String CODE_GUID = "34653336-3766-3235-6466-363134396437";

    /** One variant per tool: how it writes the text, and how it counts its positions. */
    enum Tool {
        NVIVO_WINDOWS("NVivo 14.23.2 (Windows)", true, true, Counting.UTF16_WITH_CR, PositionCounting.NVIVO),
        NVIVO_MAC("NVivo for Mac 15.0.0", false, false, Counting.UTF16_WITH_CR, PositionCounting.NVIVO),
        ATLAS_TI("ATLAS.ti for Windows 23.2.3.27778", true, false, Counting.CODE_POINTS_CRLF_AS_ONE, new PositionCounting(false, false)),
        /** a file whose selections contradict its origin is read by its selections */
        MAXQDA_ORIGIN_BUT_UTF16("MAXQDA 24 (Release 24.7.0)", false, false, Counting.UTF16_WITH_CR, PositionCounting.NVIVO),
        /** the standard's code points never drift after an emoji */
        STANDARD("Chorus", false, false, Counting.CODE_POINTS, PositionCounting.STANDARD);

        final String origin;
        final boolean crlf;
        final boolean bom;
        final Counting counting;
        final PositionCounting expected;

        Tool(String origin, boolean crlf, boolean bom, Counting counting, PositionCounting expected) {
            this.origin = origin;
            this.crlf = crlf;
            this.bom = bom;
            this.counting = counting;
            this.expected = expected;
        }
    }

    @ParameterizedTest
    @EnumSource(Tool.class)
    void eachToolsCountingIsFoundAndEverySelectionIsExactlyTheTextTheToolSelected(Tool tool) {
        String written = tool.crlf ? TEXT.replace("\n", "\r\n") : TEXT;
        assertSelectionsAreExact(variant(tool.origin, written, tool.bom, tool.counting), written, tool.expected);
    }

    @Test
    void bracedGuidsRelativePathsUpperCaseSourcesFolderAndAProjectNamedFile() {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        String qde = new String(Samples.entries("nvivo-mac-15.qdpx").get("project.qde"), StandardCharsets.UTF_8)
                .replace("guid=\"1b0b1791-be46-4557-9957-7333544cfaf2\"", "guid=\"{1B0B1791-BE46-4557-9957-7333544CFAF2}\"")
                .replace("plainTextPath=\"internal://d097e6fd", "plainTextPath=\"relative:///d097e6fd")
                .replace("plainTextPath=\"internal://e65f5ee2", "plainTextPath=\"e65f5ee2");
        entries.put("Sources/d097e6fd-7671-4d95-a8b6-7795fa4a72e1.txt", "first\n".getBytes(StandardCharsets.UTF_8));
        entries.put("Sources/e65f5ee2-9a55-47f1-bb0b-4921d8ce15c4.txt", "second\n".getBytes(StandardCharsets.UTF_8));
        entries.put("qc project.qde", qde.getBytes(StandardCharsets.UTF_8));
        try (QdpxArchive archive = QdpxArchive.open(Samples.zip(entries), ArchiveLimits.DEFAULT)) {
            assertEquals("qc project.qde", archive.projectEntry());
            QdaProject project = ProjectReader.read(archive);
            assertEquals("chrisp", project.user("1b0b1791-be46-4557-9957-7333544cfaf2").orElseThrow().name());
            assertEquals(List.of("first\n", "second\n"), project.sources().stream()
                    .map(s -> archive.text(archive.entryFor(s.plainTextPath()).orElseThrow())).toList());
        }
    }

    @Test
    void codebooksInTheOlderNamespacesRead() throws Exception {
        String qdc = new String(java.nio.file.Files.readAllBytes(Samples.sample("atlasti-win-23.qdc")), StandardCharsets.UTF_8);
        for (String namespace : List.of("urn:QDA-XML:codebook:1:0", "urn:QDA-XML:codebook:0:4", "urn:QDA-XML:project:1.0")) {
            String variant = qdc.replace("xmlns=\"urn:QDA-XML:codebook:1.0\"", "xmlns=\"" + namespace + "\"");
            QdaProject codebook = ProjectReader.readCodebook(new ByteArrayInputStream(variant.getBytes(StandardCharsets.UTF_8)), "codebook.qdc");
            assertEquals("code1", codebook.codes().get(0).name(), namespace);
        }
    }

    @Test
    void aGuidIsCanonicalWhateverItsCaseAndBraces() {
        assertEquals("1b0b1791-be46-4557-9957-7333544cfaf2", Guids.canonical("{1B0B1791-BE46-4557-9957-7333544CFAF2}"));
        assertTrue(Guids.wellFormed("39633935-3331-3962-6632-373436373264"));
        assertFalse(Guids.wellFormed("code-17"));
        assertEquals(Guids.toUuid("code-17"), Guids.toUuid("CODE-17"), "a GUID without the UUID shape maps to one stable UUID");
    }

    enum Counting {
        CODE_POINTS, UTF16_WITH_CR, CODE_POINTS_CRLF_AS_ONE
    }

    /** The NVivo for Mac sample with one more text source, written and counted as the named tool does. */
    static QdaProject variant(String origin, String written, boolean bom, Counting counting) {
        StringBuilder selections = new StringBuilder();
        int n = 0;
        for (String selected : SELECTED) {
            int utf16 = written.indexOf(selected);
            long start = switch (counting) {
                case UTF16_WITH_CR -> utf16;
                case CODE_POINTS -> written.codePointCount(0, utf16);
                case CODE_POINTS_CRLF_AS_ONE -> written.substring(0, utf16).replace("\r\n", "\n").codePointCount(0,
                        written.substring(0, utf16).replace("\r\n", "\n").length());
            };
            long end = start + (counting == Counting.UTF16_WITH_CR ? selected.length() : selected.codePointCount(0, selected.length()));
            selections.append("<PlainTextSelection guid=\"5b2c6a10-0000-4000-8000-00000000000").append(n++).append("\" name=\"")
                    .append(selected).append("\" startPosition=\"").append(start).append("\" endPosition=\"").append(end)
                    .append("\"><Coding guid=\"6c3d7b20-0000-4000-8000-00000000000").append(n).append("\"><CodeRef targetGUID=\"")
                    .append(CODE_GUID).append("\"/></Coding></PlainTextSelection>");
        }
        Map<String, byte[]> entries = new LinkedHashMap<>(Samples.entries("nvivo-mac-15.qdpx"));
        String qde = new String(entries.get("project.qde"), StandardCharsets.UTF_8)
                .replace("origin=\"NVivo for Mac 15.0.0\"", "origin=\"" + origin + "\"")
                .replace("<Sources>", "<Sources><TextSource guid=\"" + SOURCE_GUID + "\" name=\"focus group\" plainTextPath=\"internal://"
                        + SOURCE_GUID + ".txt\">" + selections + "</TextSource>");
        entries.put("project.qde", qde.getBytes(StandardCharsets.UTF_8));
        byte[] text = written.getBytes(StandardCharsets.UTF_8);
        if (bom) {
            byte[] withBom = new byte[text.length + 3];
            withBom[0] = (byte) 0xEF;
            withBom[1] = (byte) 0xBB;
            withBom[2] = (byte) 0xBF;
            System.arraycopy(text, 0, withBom, 3, text.length);
            text = withBom;
        }
        entries.put("sources/" + SOURCE_GUID + ".txt", text);
        try (QdpxArchive archive = QdpxArchive.open(Samples.zip(entries), ArchiveLimits.DEFAULT)) {
            QdaProject project = ProjectReader.read(archive);
            Source source = source(project);
            String decoded = archive.text(archive.entryFor(source.plainTextPath()).orElseThrow());
            assertEquals(written, decoded, "the BOM is dropped, the line ends are kept as written");
            return new QdaProject(project.name(), project.origin(), project.users(), project.codes(), project.sets(), project.variables(),
                    project.cases(), project.sources().stream().map(s -> s == source ? withText(s, decoded) : s).toList(), project.notes());
        }
    }

    private static Source withText(Source s, String text) {
        return new Source(s.guid(), s.name(), s.kind(), s.plainTextPath(), text, s.creatingUser(), s.created(), s.description(),
                s.selections(), s.codings(), s.values(), s.noteRefs());
    }

    static Source source(QdaProject project) {
        return project.sources().stream().filter(s -> s.guid().equals(SOURCE_GUID)).findFirst().orElseThrow();
    }

    private static void assertSelectionsAreExact(QdaProject project, String written, PositionCounting expected) {
        Source source = source(project);
        SourceText text = new SourceText(source.plainTextContent());
        CountingDetector.Detection detection = CountingDetector.detect(project, Map.of(source.guid(), text));
        assertEquals(expected.utf16(), detection.counting().utf16(), "counting found: " + detection);
        if (written.contains("\r\n")) {
            assertEquals(expected.crlfAsTwo(), detection.counting().crlfAsTwo(), "CR counting found: " + detection);
        }
        assertEquals(3, detection.selectionsChecked());
        for (int i = 0; i < SELECTED.size(); i++) {
            Selection selection = source.selections().get(i);
            int start = text.index(selection.start(), detection.counting());
            int end = text.index(selection.end(), detection.counting());
            assertEquals(SELECTED.get(i), text.between(start, end), "exactly the text the tool selected, after the emoji and line breaks");
        }
        assertFalse(text.normalized().contains("\r"));
    }
}
