package io.chorus.refi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chorus.refi.QdaProject.Code;
import io.chorus.refi.QdaProject.Selection;
import io.chorus.refi.QdaProject.Source;
import io.chorus.refi.QdaProject.SourceKind;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Every vendor sample reads, with counts checked by hand against the files. */
class VendorSamplesTest {

    @Test
    void atlasTi8ProjectWithoutMediaReadsItsCodesSelectionsAndNonTextSources() {
        QdaProject project = Samples.read("atlasti-8-standard-project.qdpx");
        assertTrue(project.origin().startsWith("ATLAS.ti 8.4.0"));
        assertEquals(3, project.users().size());
        assertEquals("Friedrich Markgraf", project.user("ad68fbe7-e1ee-4a82-a279-23cc698c89eb").orElseThrow().name(),
                "an upper-case GUID is matched in its canonical lower-case form");
        assertEquals(14, project.allCodes().size());
        assertEquals(14, project.codes().size(), "ATLAS.ti writes its hierarchy in the names ('Coke::diet Coke'), not nested");
        Map<SourceKind, Long> kinds = project.sources().stream().collect(Collectors.groupingBy(Source::kind, Collectors.counting()));
        assertEquals(Map.of(SourceKind.TEXT, 6L, SourceKind.PICTURE, 1L, SourceKind.PDF, 2L, SourceKind.AUDIO, 1L, SourceKind.VIDEO, 2L),
                kinds);
        long selections = project.sources().stream().mapToLong(s -> s.selections().size()).sum();
        assertEquals(8, selections);
        assertEquals(6, project.sources().stream().filter(s -> s.kind() == SourceKind.TEXT).mapToLong(s -> s.selections().size()).sum(),
                "two of the eight are on a PDF's text representation");
        assertEquals(7, project.codedSelections());
        assertEquals(9, project.sources().stream().flatMap(s -> s.selections().stream()).mapToLong(s -> s.codings().size()).sum());
        Selection coke = selection(project, "4191294a-e287-4510-95b0-69bce4638e56");
        assertEquals(139, coke.start());
        assertEquals(195, coke.end());
        assertEquals("Oh, that was great. See you tomorrow? Eleven thirty. Mm.", coke.name());
        assertEquals("d299efae-5779-46dc-9827-a3d1a5d544bc", coke.codings().get(0).codeGuid());
        assertEquals("Coke::diet Coke", code(project, coke.codings().get(0).codeGuid()).name());
        assertEquals(2, project.notes().size());
        assertEquals(16, project.sets().size());
        try (QdpxArchive archive = QdpxArchive.open(Samples.sample("atlasti-8-standard-project.qdpx"), ArchiveLimits.DEFAULT)) {
            assertEquals("Project.qde", archive.projectEntry());
            for (Source source : project.sources()) {
                assertFalse(archive.entryFor(source.plainTextPath()).isPresent(), "exported without media: no text entry for " + source.name());
            }
        }
    }

    @Test
    void atlasTi23ProjectReadsItsNestedCodes() {
        QdaProject project = Samples.read("atlasti-win-23.qdpx");
        assertEquals("target-atlas-project", project.name());
        assertEquals(2, project.users().size());
        assertEquals(1, project.codes().size());
        Code commits = project.codes().get(0);
        assertEquals("Commits", commits.name());
        assertEquals(2, commits.children().size());
        assertEquals("2022-05-10T02:05:59Z 19e4dce", commits.children().get(0).name());
        assertEquals(3, project.allCodes().size());
        assertEquals(0, project.sources().size());
    }

    @Test
    void maxqda24ProjectReadsItsCodeTreeAndEveryText() throws IOException {
        QdaProject project = Samples.read("maxqda-24.qdpx");
        assertEquals("MAXQDA 24 (Release 24.7.0)", project.origin());
        assertEquals(1, project.users().size());
        assertEquals("johnb", project.users().get(0).name());
        assertEquals(307, project.allCodes().size());
        assertEquals(18, project.codes().size());
        assertEquals("Additional Themes and Ideas", project.codes().get(0).name());
        assertEquals(307, project.allCodes().stream().filter(c -> c.description() != null).count(), "every MAXQDA code has a description");
        assertTrue(project.allCodes().stream().allMatch(Code::codable));
        assertEquals(2, project.sets().size());
        assertEquals(10, project.sources().size());
        try (QdpxArchive archive = QdpxArchive.open(Samples.sample("maxqda-24.qdpx"), ArchiveLimits.DEFAULT)) {
            for (Source source : project.sources()) {
                assertTrue(archive.entryFor(source.plainTextPath()).isPresent(), source.name());
            }
            Source first = project.sources().stream().filter(s -> s.name().equals("ICLS 2024 3-10")).findFirst().orElseThrow();
            String text = archive.text(archive.entryFor(first.plainTextPath()).orElseThrow());
            assertTrue(text.startsWith("Mapping the Complexity of Learning: A Learning Experience Network Analysis Approach for Iterative "
                    + "Design Moves\n\nJonan Ph"), text.substring(0, 120));
            assertEquals(33931, text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length, "no BOM: the text is the whole entry");
        }
    }

    @Test
    void nvivoMac15ProjectReadsFromLowerCaseSourcesBesideItsRootEntry() {
        QdaProject project = Samples.read("nvivo-mac-15.qdpx");
        assertEquals("NVivo for Mac 15.0.0", project.origin());
        assertEquals(262, project.allCodes().size());
        assertEquals(3, project.codes().size());
        assertEquals(2, project.users().size());
        assertEquals("cp", project.user("39633935-3331-3962-6632-373436373264").orElseThrow().name(),
                "a GUID that is not an RFC 4122 UUID still identifies its user");
        assertEquals(2, project.sources().size());
        try (QdpxArchive archive = QdpxArchive.open(Samples.sample("nvivo-mac-15.qdpx"), ArchiveLimits.DEFAULT)) {
            assertTrue(archive.entryNames().contains("sources/.root"));
            for (Source source : project.sources()) {
                assertEquals("\n", archive.text(archive.entryFor(source.plainTextPath()).orElseThrow()));
            }
        }
        assertEquals(PositionCounting.NVIVO, PositionCounting.expectedFor(project.origin()));
    }

    @Test
    void atlasTi23CodebookReadsDespiteItsMixedNamespaces() throws IOException {
        QdaProject codebook = codebook("atlasti-win-23.qdc");
        assertEquals("ATLAS.ti Win 23.4.0", codebook.origin());
        assertEquals(1, codebook.codes().size());
        Code code = codebook.codes().get(0);
        assertEquals("code1", code.name());
        assertEquals("#46AA00", code.color());
        assertEquals("description", code.description());
        assertEquals(1, codebook.sets().size());
        assertEquals("code group 1", codebook.sets().get(0).name());
        assertEquals(java.util.List.of(code.guid()), codebook.sets().get(0).memberCodes());
    }

    @Test
    void taguetteCodebookReadsItsUpperCaseDeterministicGuids() throws IOException {
        QdaProject codebook = codebook("taguette-1.4.1.qdc");
        assertEquals("Taguette 1.4.1", codebook.origin());
        Map<String, Code> byName = codebook.allCodes().stream().collect(Collectors.toMap(Code::name, Function.identity()));
        assertEquals(3, byName.size());
        assertEquals("098ac082-a9c7-50f4-9728-48730081a95e", byName.get("xsd:element name").guid());
        assertTrue(byName.get("CodeBook").codable());
        assertEquals(0, codebook.sets().size());
    }

    static QdaProject codebook(String name) throws IOException {
        try (InputStream in = Files.newInputStream(Samples.sample(name))) {
            return ProjectReader.readCodebook(in, name);
        }
    }

    private static Selection selection(QdaProject project, String guid) {
        return project.sources().stream().flatMap(s -> s.selections().stream()).filter(s -> s.guid().equals(guid)).findFirst().orElseThrow();
    }

    private static Code code(QdaProject project, String guid) {
        return project.allCodes().stream().filter(c -> c.guid().equals(guid)).findFirst().orElseThrow();
    }
}
