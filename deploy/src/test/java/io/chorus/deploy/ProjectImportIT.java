package io.chorus.deploy;

import static io.chorus.deploy.Api.assertRefused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.chorus.client.coding.api.CodingApi;
import io.chorus.client.coding.api.ReleasedTranscriptsApi;
import io.chorus.client.coding.model.CodingView;
import io.chorus.client.coding.model.ProjectCodingsView;
import io.chorus.client.transcript.api.DesktopToolsRefiQdaApi;
import io.chorus.client.transcript.api.SessionsApi;
import io.chorus.client.transcript.api.StudiesApi;
import io.chorus.client.transcript.api.TranscriptWorkflowApi;
import io.chorus.client.transcript.model.ProjectImport;
import io.chorus.client.transcript.model.StudyData;
import io.chorus.refi.ArchiveLimits;
import io.chorus.refi.PositionCounting;
import io.chorus.refi.ProjectReader;
import io.chorus.refi.QdpxArchive;
import io.chorus.refi.ProjectWriter;
import io.chorus.refi.QdaProject;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 13, flow 3, end to end through the generated clients on real Keycloak tokens, Kafka, PostgreSQL and the MongoDB
 * stand-in: a site lead moves an NVivo project into BU; its source becomes a transcript by the push path (the name
 * replaced), goes through back-check, two reviews and release, and only then do its codings land in coding-service on
 * exactly the words the analyst selected in NVivo, as codings of the tool's coder. No service calls another.
 */
@ExtendWith(EmbeddedPlatform.class)
class ProjectImportIT {

    static final List<String> LINES = List.of("M: What helped you most?",
            "P1: Honestly \uD83D\uDE4F Maria, the peer worker, because she had lived it.", "P2: Trust came later.");
    static final String LIVED = "8e1d5c7e-9a0d-4c51-9a51-3c1e2d4f5a61";
    static final String TRUST = "8e1d5c7e-9a0d-4c51-9a51-3c1e2d4f5a62";
    static final String USER = "8e1d5c7e-9a0d-4c51-9a51-3c1e2d4f5a6f";

    final ChorusClient client = EmbeddedPlatform.client();

    @Test
    void aSiteMovesItsNvivoProjectInAndItsCodingsLandOnTheSameWordsOnceReleased() throws Exception {
        String admin = client.userToken("admin");
        String study = "refi-" + UUID.randomUUID().toString().substring(0, 8);
        Api.transcripts(StudiesApi::new, admin).putStudy(study, new StudyData().title("Project imports")
                .phases(List.of("pre-intervention", "post-intervention")), null);
        String lead = client.userToken("lead-bu");
        DesktopToolsRefiQdaApi imports = Api.transcripts(DesktopToolsRefiQdaApi::new, lead);
        File file = nvivoProject("FGD " + UUID.randomUUID());
        String identifiers = "[{\"value\":\"Maria\",\"kind\":\"person\"}]";

        assertRefused(403, () -> Api.transcripts(DesktopToolsRefiQdaApi::new, client.userToken("lead-ulm"))
                .importQdpxProject("BU", "en", "pre-intervention", study, null, null, file, identifiers));
        ProjectImport started = imports.importQdpxProject("BU", "en", "pre-intervention", study, null, null, file, identifiers);
        ProjectImport job = Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> imports.getProjectImport("BU", started.getId()),
                j -> !List.of("queued", "running").contains(j.getStatus()));
        assertEquals("done", job.getStatus(), String.valueOf(job));
        assertEquals(2, job.getCodingsPlaced());
        assertRefused(404, () -> Api.transcripts(DesktopToolsRefiQdaApi::new, client.userToken("lead-ulm")).getProjectImport("BU",
                started.getId()));
        String transcriptId = job.getTranscripts().get(0).getTranscriptId();

        String analyst = client.userToken("analyst");
        var codings = Api.coding(io.chorus.client.coding.api.DesktopToolsRefiQdaApi::new, analyst);
        ProjectCodingsView waiting = Awaitility.await().atMost(Duration.ofSeconds(60)).ignoreExceptions()
                .until(() -> codings.getProjectImportCodings(UUID.fromString(started.getId())), v -> v.getCodings().getWaiting() == 2);
        assertEquals(0, waiting.getCodings().getApplied(), "nothing lands before the transcript is released");

        Api.transcripts(TranscriptWorkflowApi::new, lead).backCheckTranscript("BU", transcriptId, null);
        Api.transcripts(TranscriptWorkflowApi::new, client.userToken("translator-a")).reviewTranscript("BU", transcriptId, null);
        Api.transcripts(TranscriptWorkflowApi::new, client.userToken("translator-b")).reviewTranscript("BU", transcriptId, null);
        Api.transcripts(TranscriptWorkflowApi::new, lead).releaseTranscript("BU", transcriptId, null);

        ProjectCodingsView applied = Awaitility.await().atMost(Duration.ofSeconds(60)).ignoreExceptions()
                .until(() -> codings.getProjectImportCodings(UUID.fromString(started.getId())), v -> v.getCodings().getApplied() == 2);
        assertEquals(0, applied.getCodings().getSkipped());
        var released = Api.coding(ReleasedTranscriptsApi::new, analyst).getReleasedTranscript(transcriptId);
        List<String> english = released.getParagraphs().stream().map(p -> p.getEnglish()).toList();
        assertFalse(english.toString().contains("Maria"));
        List<CodingView> placed = Api.coding(CodingApi::new, analyst).listCodings(null, null, "qdpx:cp", null, null, null, null, null,
                null, transcriptId, null).getItems();
        Map<String, String> words = placed.stream().collect(Collectors.toMap(c -> name(applied, c), c -> {
            String text = english.get(c.getFirstParagraph() - 1);
            return text.substring(text.offsetByCodePoints(0, c.getStartOffset()), text.offsetByCodePoints(0, c.getEndOffset()));
        }));
        assertEquals(Map.of("Lived experience", "the peer worker", "Trust", "Trust"), words);

        ProjectImport again = imports.importQdpxProject("BU", "en", "pre-intervention", study, null, null, file, identifiers);
        assertEquals(started.getId(), again.getId(), "the same file is the same job");
        assertEquals(2, Api.coding(CodingApi::new, analyst).listCodings(null, null, "qdpx:cp", null, null, null, null, null, null,
                transcriptId, null)
                .getItems().size());

        // issue 27, item 3: the same project into the study's other phase moves nothing of the first import
        ProjectImport post = imports.importQdpxProject("BU", "en", "post-intervention", study, null, null, file, identifiers);
        ProjectImport postJob = Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> imports.getProjectImport("BU", post.getId()),
                j -> !List.of("queued", "running").contains(j.getStatus()));
        assertEquals("done", postJob.getStatus());
        assertEquals(0, postJob.getCodingsPlaced());
        assertEquals(2, postJob.getCodingsSkipped(), "the job says it placed fewer codings than the file holds");
        assertEquals("pre-intervention", Api.transcripts(SessionsApi::new, lead).getSession("BU", job.getTranscripts().get(0).getSession())
                .getPhase());
        // the first phase still exports, with the import's codebook when none is named, its source under the tool's name
        File exported = codings.exportQdpxProject(null, "pre-intervention", null, "BU", study, null);
        try (QdpxArchive archive = QdpxArchive.open(exported.toPath(), ArchiveLimits.DEFAULT)) {
            QdaProject project = ProjectReader.read(archive);
            assertEquals(List.of(job.getTranscripts().get(0).getName()), project.sources().stream().map(QdaProject.Source::name).toList());
            assertEquals(2, project.sources().get(0).selections().size());
        }
    }

    private static String name(ProjectCodingsView project, CodingView coding) throws RuntimeException {
        try {
            return Api.coding(io.chorus.client.coding.api.CodebooksApi::new, EmbeddedPlatform.client().userToken("analyst"))
                    .getCodebook(project.getCodebookId()).getCodes().stream().flatMap(c -> c.getChildren().stream())
                    .filter(c -> c.getId().equals(coding.getCodeId())).findFirst().orElseThrow().getName();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A project as NVivo for Windows writes it: CRLF text, positions in UTF-16 units counting each CR. */
    static File nvivoProject(String name) throws Exception {
        String lf = String.join("\n", LINES);
        String source = UUID.randomUUID().toString();
        QdaProject project = new QdaProject(name, "NVivo 14.24.1 (Windows)", List.of(new QdaProject.User(USER, "cp", null)),
                List.of(new QdaProject.Code(UUID.randomUUID().toString(), "Support " + name, false, null, null, List.of(
                        new QdaProject.Code(LIVED, "Lived experience", true, null, null, List.of()),
                        new QdaProject.Code(TRUST, "Trust", true, null, null, List.of())))),
                List.of(), List.of(), List.of(),
                List.of(new QdaProject.Source(source, name, QdaProject.SourceKind.TEXT, null, String.join("\r\n", LINES), USER, null, null,
                        List.of(selection(lf, "the peer worker", LIVED), selection(lf, "Trust", TRUST)), List.of(), List.of(), List.of())),
                List.of());
        Path file = Files.createTempFile("nvivo-", ".qdpx");
        file.toFile().deleteOnExit();
        try (var out = Files.newOutputStream(file)) {
            ProjectWriter.write(project, PositionCounting.NVIVO, out);
        }
        return file.toFile();
    }

    private static QdaProject.Selection selection(String lf, String words, String code) {
        int start = lf.codePointCount(0, lf.indexOf(words));
        return new QdaProject.Selection(UUID.randomUUID().toString(), words, start, start + words.codePointCount(0, words.length()), USER,
                null, null, List.of(new QdaProject.Coding(UUID.randomUUID().toString(), code, USER, null)), List.of());
    }
}
