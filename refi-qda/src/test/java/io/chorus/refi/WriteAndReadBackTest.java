package io.chorus.refi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.chorus.refi.ParagraphLayout.Paragraph;
import io.chorus.refi.ParagraphLayout.Span;
import io.chorus.refi.QdaProject.Case;
import io.chorus.refi.QdaProject.Code;
import io.chorus.refi.QdaProject.CodeSet;
import io.chorus.refi.QdaProject.Coding;
import io.chorus.refi.QdaProject.Note;
import io.chorus.refi.QdaProject.Selection;
import io.chorus.refi.QdaProject.Source;
import io.chorus.refi.QdaProject.SourceKind;
import io.chorus.refi.QdaProject.User;
import io.chorus.refi.QdaProject.Variable;
import io.chorus.refi.QdaProject.VariableType;
import io.chorus.refi.QdaProject.VariableValue;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What Chorus writes is valid against the REFI-QDA schemas and reads back unchanged, in either counting. */
class WriteAndReadBackTest {

    static final String ANALYST = "0b7f3c52-1d2e-4f60-8a71-92b3c4d5e6f7";
    static final String SOURCE = "5d1c2b3a-4e5f-4a6b-8c7d-9e0f1a2b3c4d";
    static final String CODE = "a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d";
    static final Instant CODED = Instant.parse("2026-11-30T10:15:30Z");

    static final ParagraphLayout LAYOUT = ParagraphLayout.render(List.of(
            new Paragraph(1, "Moderator", "What helped you most?"),
            new Paragraph(2, "P1", "Honestly \uD83D\uDE4F the peer worker, because she had lived it."),
            new Paragraph(3, "P2", "Same for me. Nobody else listened.")));

    @Test
    void aProjectIsValidAndReadsBackWithEverythingInIt() throws Exception {
        QdaProject project = project();
        byte[] qde = Samples.bytes(out -> ProjectWriter.writeProjectFile(project, PositionCounting.STANDARD, out));
        QdaSchemas.validateProject(new ByteArrayInputStream(qde));

        Path file = Files.createTempFile("chorus-", ".qdpx");
        file.toFile().deleteOnExit();
        try (var out = Files.newOutputStream(file)) {
            ProjectWriter.write(project, PositionCounting.STANDARD, out);
        }
        try (QdpxArchive archive = QdpxArchive.open(file, ArchiveLimits.DEFAULT)) {
            QdaProject read = ProjectReader.read(archive);
            assertEquals(project.users(), read.users());
            assertEquals(project.codes(), read.codes());
            assertEquals(project.variables(), read.variables());
            assertEquals(project.cases(), read.cases());
            assertEquals(project.notes(), read.notes());
            assertEquals(project.sets(), read.sets());
            Source source = read.sources().get(0);
            String text = archive.text(archive.entryFor(source.plainTextPath()).orElseThrow());
            assertEquals(LAYOUT.text(), text);
            assertEquals(project.sources().get(0).selections(), source.selections());
            assertEquals(project.sources().get(0).values(), source.values());
            ParagraphLayout layout = ParagraphLayout.parse(text);
            Selection selection = source.selections().get(0);
            assertEquals(new Span(2, 28, 2, 52), layout.locate((int) selection.start(), (int) selection.end()));
            assertEquals("because she had lived it", new SourceText(text).between((int) selection.start(), (int) selection.end()));
        }
    }

    @Test
    void forNvivoPositionsAreUtf16UnitsAndReadBackToTheSameText() throws Exception {
        QdaProject project = project();
        byte[] standard = Samples.bytes(out -> ProjectWriter.write(project, PositionCounting.STANDARD, out));
        byte[] nvivo = Samples.bytes(out -> ProjectWriter.write(project, PositionCounting.NVIVO, out));
        Selection inStandard = firstSelection(standard);
        Selection inNvivo = firstSelection(nvivo);
        assertEquals(inStandard.start() + 1, inNvivo.start(), "one emoji before it: one more UTF-16 unit");
        assertNotEquals(inStandard.end(), inNvivo.end());
        QdaProject read = readProject(nvivo);
        SourceText text = new SourceText(LAYOUT.text());
        CountingDetector.Detection detection = CountingDetector.detect(read, Map.of(SOURCE, text));
        assertEquals(true, detection.counting().utf16());
        assertEquals("because she had lived it", text.between(text.index(inNvivo.start(), detection.counting()),
                text.index(inNvivo.end(), detection.counting())));
    }

    @Test
    void aCodebookIsValidAndReadsBack() throws Exception {
        QdaProject project = project();
        byte[] qdc = Samples.bytes(out -> CodebookWriter.write(project.codes(), project.sets(), "Chorus", out));
        QdaSchemas.validateCodebook(new ByteArrayInputStream(qdc));
        QdaProject read = ProjectReader.readCodebook(new ByteArrayInputStream(qdc), "codebook.qdc");
        assertEquals(project.codes(), read.codes());
        assertEquals(project.sets(), read.sets());
        assertEquals("Chorus", read.origin());
    }

    @Test
    void paragraphsAndOffsetsMapToPositionsAndBack() {
        for (Span span : List.of(new Span(1, 0, 1, 21), new Span(2, 9, 3, 12), new Span(2, 28, 2, 52), new Span(3, 0, 3, 34))) {
            int[] placed = LAYOUT.place(span);
            assertEquals(span, LAYOUT.locate(placed[0], placed[1]));
        }
        int lineStart = LAYOUT.paragraph(2).textStart() - "[2] P1: ".length();
        assertEquals(new Span(2, 0, 2, 8), LAYOUT.locate(lineStart, LAYOUT.paragraph(2).textStart() + 8),
                "a selection that starts on the paragraph number starts at the paragraph's text");
        assertEquals(null, LAYOUT.locate(lineStart, lineStart + 3), "a selection of the number alone covers no text");
        ParagraphLayout foreign = ParagraphLayout.parse("Interviewer: How was it?\n\nAnna: Hard at first.\nThen better.\n");
        assertEquals(java.util.Arrays.asList("Interviewer", "Anna", null), foreign.paragraphs().stream().map(ParagraphLayout.Placed::speaker).toList());
        assertEquals(List.of(1, 2, 3), foreign.paragraphs().stream().map(ParagraphLayout.Placed::number).toList());
        assertEquals(List.of("How was it?", "Hard at first.", "Then better."), foreign.paragraphs().stream()
                .map(ParagraphLayout.Placed::text).toList());
    }

    private static Selection firstSelection(byte[] qdpx) throws Exception {
        return readProject(qdpx).sources().get(0).selections().get(0);
    }

    private static QdaProject readProject(byte[] qdpx) throws Exception {
        Path file = Files.createTempFile("chorus-", ".qdpx");
        file.toFile().deleteOnExit();
        Files.write(file, qdpx);
        try (QdpxArchive archive = QdpxArchive.open(file, ArchiveLimits.DEFAULT)) {
            return ProjectReader.read(archive);
        }
    }

    static QdaProject project() {
        Code child = new Code(CODE, "Peer worker's lived experience", true, "#1F77B4", "Mentions of the worker's own experience", List.of());
        Code parent = new Code("c0c0c0c0-0000-4000-8000-000000000001", "Relationships", false, "#FF7F0E", null, List.of(child));
        int start = LAYOUT.paragraph(2).textStart() + 28;
        int end = LAYOUT.paragraph(2).textStart() + 52;
        Selection selection = new Selection("e1e1e1e1-0000-4000-8000-000000000001", "because she had lived it", start, end, ANALYST, CODED,
                null, List.of(new Coding("f1f1f1f1-0000-4000-8000-000000000001", CODE, ANALYST, CODED)),
                List.of("b0b0b0b0-0000-4000-8000-000000000001"));
        Variable site = new Variable("d0d0d0d0-0000-4000-8000-000000000001", "site", VariableType.Text, "The study site");
        Variable age = new Variable("d0d0d0d0-0000-4000-8000-000000000002", "age", VariableType.Integer, null);
        Source source = new Source(SOURCE, "BU focus group 1 (English)", SourceKind.TEXT, "internal://" + SOURCE.toUpperCase() + ".txt",
                LAYOUT.text(), ANALYST, CODED, null, List.of(selection), List.of(),
                List.of(new VariableValue(site.guid(), "BU")), List.of());
        Case participant = new Case("a0a0a0a0-0000-4000-8000-000000000001", "P1", null, List.of(new VariableValue(site.guid(), "BU"),
                new VariableValue(age.guid(), "34")), List.of(SOURCE));
        Note memo = new Note("b0b0b0b0-0000-4000-8000-000000000001", "Lived experience", "She came back to this twice.", null, ANALYST,
                CODED);
        return new QdaProject("Chorus export", "Chorus", List.of(new User(ANALYST, "analyst", "analyst")), List.of(parent),
                List.of(new CodeSet("99999999-0000-4000-8000-000000000001", "Deductive", null, List.of(CODE))), List.of(site, age),
                List.of(participant), List.of(source), List.of(memo));
    }
}
