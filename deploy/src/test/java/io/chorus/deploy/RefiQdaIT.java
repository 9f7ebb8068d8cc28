package io.chorus.deploy;

import static io.chorus.deploy.Api.assertRefused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chorus.client.coding.api.CodebooksApi;
import io.chorus.client.coding.api.CodingApi;
import io.chorus.client.coding.api.DoubleCodingApi;
import io.chorus.client.coding.api.DesktopToolsRefiQdaApi;
import io.chorus.client.coding.api.ReleasedTranscriptsApi;
import io.chorus.client.coding.model.Assignment;
import io.chorus.client.coding.model.CodebookView;
import io.chorus.client.coding.model.Coefficients;
import io.chorus.client.coding.model.ImportView;
import io.chorus.client.coding.model.NewCoding;
import io.chorus.client.coding.model.NewRound;
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
import java.util.Map;
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
        String englishSource;
        try (QdpxArchive archive = QdpxArchive.open(exported.toPath(), ArchiveLimits.DEFAULT)) {
            try (InputStream qde = archive.open(archive.projectEntry())) {
                QdaSchemas.validateProject(qde);
            }
            QdaProject project = ProjectReader.read(archive);
            QdaProject.Source source = project.sources().get(0);
            englishSource = source.guid();
            SourceText written = new SourceText(archive.text(archive.entryFor(source.plainTextPath()).orElseThrow()));
            QdaProject.Selection selection = source.selections().get(0);
            assertEquals("because she had lived it", written.between((int) selection.start(), (int) selection.end()));
            assertEquals("1ff58b12-6f6f-4b0c-8be5-bbdc91f55294", selection.codings().get(0).codeGuid(), "the code keeps ATLAS.ti's GUID");
            assertEquals("analyst", project.user(selection.creatingUser()).orElseThrow().name());
        }
        assertRefused(404, () -> Api.coding(DesktopToolsRefiQdaApi::new, client.userToken("lead-ulm")).exportQdpxProject(codebook.getId(), null, null,
                null, null, List.of(id)));

        // the original from transcript-service, for BU's own staff only, audited
        File original = Api.transcripts(io.chorus.client.transcript.api.DesktopToolsRefiQdaApi::new, client.userToken("researcher-bu"))
                .exportOriginalQdpxProject("BU", null, List.of(id));
        try (QdpxArchive archive = QdpxArchive.open(original.toPath(), ArchiveLimits.DEFAULT)) {
            try (InputStream qde = archive.open(archive.projectEntry())) {
                QdaSchemas.validateProject(qde);
            }
            QdaProject.Source source = ProjectReader.read(archive).sources().get(0);
            assertEquals(englishSource, source.guid(), "both exports name the transcript alike");
            assertEquals("[1] M: What helped you most?\n[2] P2: " + text, new SourceText(archive.text(archive.entryFor(
                    source.plainTextPath()).orElseThrow())).normalized());
        }
        assertRefused(404, () -> Api.transcripts(io.chorus.client.transcript.api.DesktopToolsRefiQdaApi::new, client.userToken("lead-ulm"))
                .exportOriginalQdpxProject("BU", null, List.of(id)));
        assertRefused(403, () -> Api.transcripts(io.chorus.client.transcript.api.DesktopToolsRefiQdaApi::new, analyst)
                .exportOriginalQdpxProject("BU", null, List.of(id)));

        // analyst-b codes the export in NVivo (UTF-16 positions) and brings it back: the new selection lands exactly
        String analystB = client.userToken("analyst-b");
        File coded = codedIn(exported, "NVivo 14.24.1 (Windows)", PositionCounting.NVIVO, "1ff58b12-6f6f-4b0c-8be5-bbdc91f55294",
                "the peer worker");
        var imports = Api.coding(DesktopToolsRefiQdaApi::new, analystB);
        ImportView started = imports.importQdpxCodings(null, null, null, coded);
        ImportView job = finished(imports, started);
        assertEquals(1, job.getCodingsAdded());
        var mine = Api.coding(CodingApi::new, analystB).listCodings(null, code, "analyst-b", null, null, null, null, null, null, id,
                null);
        assertEquals(1, mine.getItems().stream().filter(c -> "analyst-b".equals(c.getCoder())).count());
        var added = mine.getItems().stream().filter(c -> "analyst-b".equals(c.getCoder())).findFirst().orElseThrow();
        assertEquals("the peer worker", new String(text.codePoints().toArray(), added.getStartOffset(),
                added.getEndOffset() - added.getStartOffset()));
        assertEquals(started.getId(), imports.importQdpxCodings(null, null, null, coded).getId(), "the same file again is the same job");
    }

    @Test
    void twoAnalystsCodeTheSameExportInTheirOwnToolsAndTheBlindRoundGivesTheirAgreement() throws Exception {
        String id = WalkingSkeletonIT.released(client, "BU", new TranscriptPush().externalId("bu-refi-round-" + UUID.randomUUID())
                .language("en").paragraphs(List.of(new ParagraphPush().speaker("M").text("What helped you most?"),
                        new ParagraphPush().speaker("P1").text("The peer worker, because she had lived it."),
                        new ParagraphPush().speaker("P2").text("My sister drove me to every appointment.")))).getId();
        String analyst = client.userToken("analyst");
        String analystB = client.userToken("analyst-b");
        Awaitility.await().atMost(Duration.ofSeconds(60)).ignoreExceptions()
                .until(() -> Api.coding(ReleasedTranscriptsApi::new, analyst).getReleasedTranscript(id) != null);
        CodebookView codebook = Api.coding(CodebooksApi::new, analyst).importQdcCodebook("ATLAS.ti round " + UUID.randomUUID(), null,
                sample("atlasti-win-23.qdc"));
        String support = codebook.getCodes().get(0).getKey();
        UUID roundId = Api.coding(DoubleCodingApi::new, analyst).createRound(new NewRound().name("REFI round " + id)
                .codebookId(codebook.getId()).assignments(List.of(new Assignment().transcriptId(id).coders(List.of("analyst",
                        "analyst-b")))), null).getId();
        File exported = Api.coding(DesktopToolsRefiQdaApi::new, analyst).exportQdpxProject(codebook.getId(), null, null, null, null,
                List.of(id));

        // analyst codes paragraph 2 in MAXQDA; analyst-b codes paragraphs 2 and 3 in NVivo
        File fromA = codedIn(exported, "MAXQDA 24 (Release 24.7.0)", PositionCounting.STANDARD, support, "because she had lived it");
        File fromB = codedIn(exported, "NVivo 14.24.1 (Windows)", PositionCounting.NVIVO, support, "The peer worker",
                "My sister drove me");
        var importsA = Api.coding(DesktopToolsRefiQdaApi::new, analyst);
        var importsB = Api.coding(DesktopToolsRefiQdaApi::new, analystB);
        assertEquals(1, finished(importsA, importsA.importQdpxCodings(null, roundId, null, fromA)).getCodingsAdded());
        assertEquals(2, finished(importsB, importsB.importQdpxCodings(null, roundId, null, fromB)).getCodingsAdded());

        var rounds = Api.coding(DoubleCodingApi::new, analyst);
        assertRefused(409, () -> rounds.getRoundAgreement(roundId, null, null));
        rounds.closeRound(roundId, rounds.getRoundWithHttpInfo(roundId).getHeaders().get("etag").get(0), null);
        // units: paragraphs 2 and 3 for the one code; both said yes on 2, only analyst-b on 3
        Coefficients overall = rounds.getRoundAgreement(roundId, null, null).getPooledPresence();
        assertEquals(2, overall.getUnits());
        assertEquals(0.5, overall.getPercentAgreement(), 1e-9);
    }

    @Test
    void theCodedDemoStudiesGoOutWholeAndComeBackChangingNothing() throws Exception {
        DemoData.Loaded demo = DemoData.load(client, System.out::println);
        PaperReportsIT.awaitDemoTables(client, demo);
        String analyst = client.userToken("analyst");
        var tools = Api.coding(DesktopToolsRefiQdaApi::new, analyst);
        var coding = Api.coding(CodingApi::new, analyst);
        Map<String, String> studies = Map.of("haun2024", "cfir-2009", "krumm2022", "mhw-perspectives-themes",
                "ramesh2022", "implementation-influences");
        int selections = 0;
        long participantsWithRole = 0;
        for (Map.Entry<String, String> study : studies.entrySet()) {
            File exported = tools.exportQdpxProject(UUID.fromString(demo.codebooks().get(study.getValue())), null, null, null,
                    study.getKey(), null);
            try (QdpxArchive archive = QdpxArchive.open(exported.toPath(), ArchiveLimits.DEFAULT)) {
                try (InputStream qde = archive.open(archive.projectEntry())) {
                    QdaSchemas.validateProject(qde);
                }
                QdaProject project = ProjectReader.read(archive);
                Map<String, String> variables = new java.util.HashMap<>();
                project.variables().forEach(v -> variables.put(v.guid(), v.name()));
                for (QdaProject.Source source : project.sources()) {
                    SourceText text = new SourceText(archive.text(archive.entryFor(source.plainTextPath()).orElseThrow()));
                    var released = Api.coding(ReleasedTranscriptsApi::new, analyst).getReleasedTranscript(source.guid());
                    java.util.Set<String> exportedCodes = new java.util.HashSet<>();
                    project.allCodes().forEach(c -> exportedCodes.add(c.guid()));
                    var codings = coding.listTranscriptCodings(source.guid(), 0, 200).getItems().stream()
                            .filter(c -> c.getRoundId() == null && exportedCodes.contains(c.getCodeId().toString())).toList();
                    assertEquals(codings.size(), source.selections().size(), source.name() + ": every coding is a coded selection");
                    for (QdaProject.Selection selection : source.selections()) {
                        var chorus = codings.stream().filter(c -> c.getId().toString().equals(selection.guid())).findFirst().orElseThrow();
                        if (chorus.getFirstParagraph().equals(chorus.getLastParagraph())) {
                            int[] paragraph = released.getParagraphs().stream().filter(p -> p.getN().equals(chorus.getFirstParagraph()))
                                    .findFirst().orElseThrow().getEnglish().codePoints().toArray();
                            int from = chorus.getStartOffset() == null ? 0 : chorus.getStartOffset();
                            int to = chorus.getEndOffset() == null ? paragraph.length : chorus.getEndOffset();
                            assertEquals(new String(paragraph, from, to - from), text.between((int) selection.start(), (int) selection.end()),
                                    "the coded selection is exactly the coded passage");
                        }
                        assertEquals(chorus.getCodeId().toString(), selection.codings().get(0).codeGuid());
                        selections++;
                    }
                    QdaProject.Case sessionCase = project.cases().stream().filter(c -> c.sourceGuids().contains(source.guid())).findFirst()
                            .orElseThrow();
                    assertEquals(study.getKey(), sessionCase.values().stream().filter(v -> "study".equals(variables.get(v.variableGuid())))
                            .findFirst().orElseThrow().value());
                    assertEquals("focus-group", sessionCase.values().stream().filter(v -> "kind".equals(variables.get(v.variableGuid())))
                            .findFirst().orElseThrow().value());
                }
                participantsWithRole += project.cases().stream().filter(c -> c.name().matches("P\\d+") && c.values().stream()
                        .anyMatch(v -> "role".equals(variables.get(v.variableGuid())))).count();
            }
            ImportView back = finished(tools, tools.importQdpxCodings(null, null, null, exported));
            assertEquals(0, back.getCodingsAdded(), "the export brought back unchanged adds nothing");
            assertEquals(0, back.getCodesAdded());
            assertEquals(List.of(), back.getSkipped());
        }
        assertTrue(selections >= 53, "at least the 53 coded published excerpts: " + selections);
        assertTrue(participantsWithRole > 0, "the demo's participants are cases with their role");
    }

    private static ImportView finished(DesktopToolsRefiQdaApi imports, ImportView started) {
        ImportView job = Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> imports.getImport(started.getId()),
                j -> j.getStatus().equals("done") || j.getStatus().equals("failed"));
        assertEquals("done", job.getStatus(), String.valueOf(job));
        return job;
    }

    /** The export as a tool writes it back after the analyst coded each of {@code selected} with the code, in its counting. */
    static File codedIn(File exported, String origin, PositionCounting counting, String codeGuid, String... selected)
            throws Exception {
        QdaProject project;
        String written;
        try (QdpxArchive archive = QdpxArchive.open(exported.toPath(), ArchiveLimits.DEFAULT)) {
            project = ProjectReader.read(archive);
            written = archive.text(archive.entryFor(project.sources().get(0).plainTextPath()).orElseThrow());
        }
        QdaProject.Source source = project.sources().get(0);
        List<QdaProject.Selection> selections = new java.util.ArrayList<>(source.selections());
        for (String passage : selected) {
            int start = written.codePointCount(0, written.indexOf(passage));
            selections.add(new QdaProject.Selection(UUID.randomUUID().toString(), passage, start, start + passage.codePointCount(0,
                    passage.length()), null, null, null, List.of(new QdaProject.Coding(UUID.randomUUID().toString(), codeGuid, null, null)),
                    List.of()));
        }
        QdaProject.Source coded = new QdaProject.Source(source.guid(), source.name(), source.kind(), null, written, null, null, null,
                selections, List.of(), List.of(), source.noteRefs());
        Path file = Files.createTempFile("coded-", ".qdpx");
        file.toFile().deleteOnExit();
        try (var out = Files.newOutputStream(file)) {
            ProjectWriter.write(new QdaProject(project.name(), origin, project.users(), project.codes(), project.sets(),
                    project.variables(), project.cases(), List.of(coded), project.notes()), counting, out);
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
