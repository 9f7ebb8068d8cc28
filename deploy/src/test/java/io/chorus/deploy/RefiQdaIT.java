package io.chorus.deploy;

import static io.chorus.deploy.Api.assertRefused;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.chorus.client.coding.api.CodebooksApi;
import io.chorus.client.coding.api.CodingApi;
import io.chorus.client.coding.api.DesktopToolsRefiQdaApi;
import io.chorus.client.coding.api.ReleasedTranscriptsApi;
import io.chorus.client.coding.model.CodebookView;
import io.chorus.client.coding.model.NewCoding;
import io.chorus.client.transcript.model.ParagraphPush;
import io.chorus.client.transcript.model.TranscriptPush;
import io.chorus.refi.ArchiveLimits;
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
 * the coding exactly where it was; another site's staff get a 404.
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
