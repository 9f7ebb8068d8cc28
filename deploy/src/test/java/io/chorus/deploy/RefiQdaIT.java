package io.chorus.deploy;

import static io.chorus.deploy.Api.assertRefused;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.chorus.client.coding.api.CodebooksApi;
import io.chorus.client.coding.api.CodingApi;
import io.chorus.client.coding.api.DesktopToolsRefiQdaApi;
import io.chorus.client.coding.api.ReleasedTranscriptsApi;
import io.chorus.client.coding.model.CodebookView;
import io.chorus.client.coding.model.ImportView;
import io.chorus.client.coding.model.NewCoding;
import io.chorus.client.transcript.model.ParagraphPush;
import io.chorus.client.transcript.model.TranscriptPush;
import io.chorus.refi.ArchiveLimits;
import io.chorus.refi.PositionCounting;
import io.chorus.refi.ProjectWriter;
import io.chorus.refi.ProjectReader;
import io.chorus.refi.QdaProject;
import io.chorus.refi.QdaSchemas;
import io.chorus.refi.QdpxArchive;
import io.chorus.refi.SourceText;
import java.io.File;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 13 end to end through the generated clients, on real Keycloak tokens, Kafka and PostgreSQL: an ATLAS.ti code
 * book comes in, a released transcript is coded with it, and the study goes out as a .qdpx a desktop tool opens, with
 * the coding exactly where it was; another site's staff get a 404. A second analyst codes the file in NVivo and brings it
 * back: the new coding lands on exactly the text selected, after an emoji, and the same file again is the same job.
 */
@ExtendWith(EmbeddedPlatform.class)
class RefiQdaIT {

    final ChorusClient client = EmbeddedPlatform.client();

    @Test
    void aVendorCodeBookComesInAndACodedTranscriptGoesOutAsAValidProject() throws Exception {
        String text = "Honestly \uD83D\uDE4F the peer worker, because she had lived it.";
        String id = WalkingSkeletonIT.released(client, "BU", new TranscriptPush().externalId("bu-refi-" + UUID.randomUUID()).language("en")
                .paragraphs(List.of(new ParagraphPush().speaker("M").text("What helped you most?"),
                        new ParagraphPush().speaker("P2").text(text)))).getId();
        String analyst = client.userToken("analyst");
        Awaitility.await().atMost(Duration.ofSeconds(60)).ignoreExceptions()
                .until(() -> Api.coding(ReleasedTranscriptsApi::new, analyst).getReleasedTranscript(id) != null);

        CodebookView codebook = Api.coding(CodebooksApi::new, analyst).importQdcCodebook("ATLAS.ti codes " + UUID.randomUUID(), null,
                sample("atlasti-win-23.qdc"));
        assertEquals("1ff58b12-6f6f-4b0c-8be5-bbdc91f55294", codebook.getCodes().get(0).getKey());
        UUID code = codebook.getCodes().get(0).getId();
        Api.coding(CodingApi::new, analyst).createCoding(id, new NewCoding().codeId(code).firstParagraph(2).lastParagraph(2).startOffset(28)
                .endOffset(52), null);

        File exported = Api.coding(DesktopToolsRefiQdaApi::new, analyst).exportQdpxProject(codebook.getId(), null, null, null, null,
                List.of(id));
        try (QdpxArchive archive = QdpxArchive.open(exported.toPath(), ArchiveLimits.DEFAULT)) {
            try (InputStream qde = archive.open(archive.projectEntry())) {
                QdaSchemas.validateProject(qde);
            }
            QdaProject project = ProjectReader.read(archive);
            QdaProject.Source source = project.sources().get(0);
            SourceText written = new SourceText(archive.text(archive.entryFor(source.plainTextPath()).orElseThrow()));
            QdaProject.Selection selection = source.selections().get(0);
            assertEquals("because she had lived it", written.between((int) selection.start(), (int) selection.end()));
            assertEquals("1ff58b12-6f6f-4b0c-8be5-bbdc91f55294", selection.codings().get(0).codeGuid(), "the code keeps ATLAS.ti's GUID");
            assertEquals("analyst", project.user(selection.creatingUser()).orElseThrow().name());
        }
        assertRefused(404, () -> Api.coding(DesktopToolsRefiQdaApi::new, client.userToken("lead-ulm")).exportQdpxProject(codebook.getId(), null, null,
                null, null, List.of(id)));

        // analyst-b codes the export in NVivo (UTF-16 positions) and brings it back: the new selection lands exactly
        String analystB = client.userToken("analyst-b");
        File coded = codedInNvivo(exported, "the peer worker");
        var imports = Api.coding(DesktopToolsRefiQdaApi::new, analystB);
        ImportView started = imports.importQdpxCodings(null, null, coded);
        ImportView job = Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> imports.getImport(started.getId()),
                j -> j.getStatus().equals("done") || j.getStatus().equals("failed"));
        assertEquals("done", job.getStatus(), String.valueOf(job));
        assertEquals(1, job.getCodingsAdded());
        var mine = Api.coding(CodingApi::new, analystB).listCodings(code, "analyst-b", null, null, null, null, null, id, null);
        assertEquals(1, mine.getItems().stream().filter(c -> "analyst-b".equals(c.getCoder())).count());
        var added = mine.getItems().stream().filter(c -> "analyst-b".equals(c.getCoder())).findFirst().orElseThrow();
        assertEquals("the peer worker", new String(text.codePoints().toArray(), added.getStartOffset(),
                added.getEndOffset() - added.getStartOffset()));
        assertEquals(started.getId(), imports.importQdpxCodings(null, null, coded).getId(), "the same file again is the same job");
    }

    /** The export as NVivo writes it back after one more coded selection: positions in UTF-16 units. */
    private static File codedInNvivo(File exported, String selected) throws Exception {
        QdaProject project;
        String written;
        try (QdpxArchive archive = QdpxArchive.open(exported.toPath(), ArchiveLimits.DEFAULT)) {
            project = ProjectReader.read(archive);
            written = archive.text(archive.entryFor(project.sources().get(0).plainTextPath()).orElseThrow());
        }
        QdaProject.Source source = project.sources().get(0);
        int start = written.codePointCount(0, written.indexOf(selected));
        List<QdaProject.Selection> selections = new java.util.ArrayList<>(source.selections());
        QdaProject.Coding coding = source.selections().get(0).codings().get(0);
        selections.add(new QdaProject.Selection(UUID.randomUUID().toString(), selected, start, start + selected.length(), null, null, null,
                List.of(new QdaProject.Coding(UUID.randomUUID().toString(), coding.codeGuid(), null, null)), List.of()));
        QdaProject.Source coded = new QdaProject.Source(source.guid(), source.name(), source.kind(), null, written, null, null, null,
                selections, List.of(), List.of(), source.noteRefs());
        Path file = Files.createTempFile("coded-", ".qdpx");
        file.toFile().deleteOnExit();
        try (var out = Files.newOutputStream(file)) {
            ProjectWriter.write(new QdaProject(project.name(), "NVivo 14.24.1 (Windows)", project.users(), project.codes(), project.sets(),
                    project.variables(), project.cases(), List.of(coded), project.notes()), PositionCounting.NVIVO, out);
        }
        return file.toFile();
    }

    private static File sample(String name) throws Exception {
        Path file = Files.createTempFile("sample-", ".qdc");
        file.toFile().deleteOnExit();
        try (InputStream in = RefiQdaIT.class.getResourceAsStream("/refi-qda/samples/" + name)) {
            Files.copy(in, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        return file.toFile();
    }
}
