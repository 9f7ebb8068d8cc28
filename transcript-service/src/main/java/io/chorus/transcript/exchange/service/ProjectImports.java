package io.chorus.transcript.exchange.service;

import io.chorus.transcript.session.service.SessionService;
import io.chorus.transcript.transcript.service.TranscriptService;
import io.chorus.transcript.transcript.service.Pseudonymiser;

import io.chorus.common.problem.Problem;
import io.chorus.common.problem.ProblemException;
import io.chorus.refi.ArchiveLimits;
import io.chorus.refi.CountingDetector;
import io.chorus.refi.Guids;
import io.chorus.refi.ParagraphLayout;
import io.chorus.refi.PositionCounting;
import io.chorus.refi.ProjectReader;
import io.chorus.refi.QdaProject;
import io.chorus.refi.QdaProject.Source;
import io.chorus.refi.QdaProject.SourceKind;
import io.chorus.refi.QdpxArchive;
import io.chorus.refi.RefiRefusal;
import io.chorus.refi.SourceText;
import io.chorus.transcript.config.TranscriptConfig;
import io.chorus.transcript.event.TranscriptEvents;
import io.chorus.transcript.event.TranscriptEvents.ImportedCoding;
import io.chorus.transcript.event.TranscriptEvents.ImportedMemo;
import io.chorus.transcript.exchange.repository.ProjectImport;
import io.chorus.transcript.exchange.repository.ProjectImport.ImportedSource;
import io.chorus.transcript.exchange.repository.ProjectImport.Skipped;
import io.chorus.transcript.exchange.repository.ProjectImportRepository;
import io.chorus.transcript.session.repository.Session;
import io.chorus.transcript.study.repository.StudyRepository;
import io.chorus.transcript.transcript.repository.Transcript;
import io.chorus.transcript.transcript.rest.TranscriptPush;
import io.chorus.transcript.transcript.rest.TranscriptPush.Identifier;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * A whole project from MAXQDA, NVivo, ATLAS.ti or any REFI-QDA tool moves into a site of a study. The file is checked
 * while the request waits; a job then makes each text source a session and a transcript of the site through the
 * normal push path (pseudonymisation with the identifiers sent along, withdrawn participants, the workflow from
 * "uploaded"), registers the cases that are participants, and places every coded selection on the transcript's
 * paragraphs. Its last write hands the code tree, the codings and the notes to coding-service in one event
 * ({@value TranscriptEvents#PROJECT_IMPORTED}); coding-service applies the codings once their transcript is released.
 */
@ApplicationScoped
public class ProjectImports {

    private static final Logger LOG = Logger.getLogger(ProjectImports.class);

    /** What the sources become: sessions of this study phase, in this language, of this kind. */
    public record ImportRequest(String study, String phase, String language, String kind, List<Identifier> identifiers,
            String fileName) {
    }

    /** Names a tool gives a project nobody named ("Untitled" in NVivo): such a project is named by its file instead. */
    private static final java.util.regex.Pattern UNNAMED = java.util.regex.Pattern.compile(
            "(?i)\\s*(untitled|unnamed|new project|untitled project|unbenannt|neues projekt)\\s*");

    @Inject
    ProjectImportRepository repository;

    @Inject
    StudyRepository studies;

    @Inject
    SessionService sessions;

    @Inject
    io.chorus.transcript.session.repository.SessionRepository sessionRepository;

    @Inject
    TranscriptService transcripts;

    @Inject
    ImportedCases cases;

    @Inject
    TranscriptEvents events;

    @Inject
    TranscriptConfig config;

    private final ExecutorService jobs = io.chorus.common.jobs.JobThreads.single("project-imports");

    private java.util.concurrent.ScheduledExecutorService heartbeat;

    /** Jobs whose process is gone fail visibly (importing the file again resumes them); other instances' jobs go on. */
    void interrupted(@Observes StartupEvent startup) {
        heartbeat = io.chorus.common.jobs.JobRunners.heartbeat("project-import-heartbeat", () -> repository.heartbeat(now()));
    }

    void stop(@Observes ShutdownEvent shutdown) {
        heartbeat.shutdownNow();
        jobs.shutdownNow();
    }

    /** Checks the file and the request, records the job and queues it; the same import again is the same job. */
    public ProjectImport start(String site, Path upload, ImportRequest request, String by) {
        var study = studies.find(request.study())
                .orElseThrow(() -> ProblemException.badParameter("study", "No study '" + request.study() + "' is registered"));
        if (!study.phases().contains(request.phase())) {
            throw ProblemException.badParameter("phase", "Study " + study.code() + " has the phases " + String.join(", ", study.phases()));
        }
        String sha256 = QdpxArchive.sha256(upload);
        String id = UUID.nameUUIDFromBytes(String.join("|", "project-import", site, sha256, request.study(), request.phase(),
                request.language(), request.kind(), identifiersKey(request.identifiers())).getBytes(StandardCharsets.UTF_8)).toString();
        Optional<ProjectImport> existing = repository.find(id);
        if (existing.isPresent() && !existing.get().status().equals(ProjectImport.FAILED)) {
            return existing.get();
        }
        QdaProject project;
        try (QdpxArchive archive = QdpxArchive.open(upload, ArchiveLimits.DEFAULT)) {
            project = ProjectReader.read(archive);
            archive.checkTexts(project);
        }
        List<Source> texts = project.sources().stream().filter(s -> s.kind() == SourceKind.TEXT).toList();
        int codings = project.sources().stream().mapToInt(ProjectImports::codings).sum();
        if (codings > config.maxImportedCodings()) {
            throw new ProblemException(413, "Content Too Large", "The project carries " + codings + " codings; one import takes at most "
                    + config.maxImportedCodings() + ". Import its sources in parts.", List.of(new Problem.FieldError("/file",
                    "too many codings")));
        }
        Path kept = config.importsDirectory().resolve(id + ".qdpx");
        try {
            Files.createDirectories(config.importsDirectory());
            Files.copy(upload, kept, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Instant now = now();
        ProjectImport job = new ProjectImport(id, site, sha256, request.study(), request.phase(), request.language(), request.kind(),
                by, ProjectImport.QUEUED, projectName(project.name(), request.fileName()), project.origin(), null, texts.size(), 0, codings, 0, 0, 0, List.of(), List.of(),
                List.of(), existing.map(j -> j.version() + 1).orElse(1), now, now, null);
        boolean recorded = existing.isPresent() ? repository.requeue(job, existing.get().version()) : repository.insert(job);
        if (!recorded) {
            // the same import started twice at once: the other request recorded it, and that is the job
            kept.toFile().delete();
            return repository.find(id).orElseThrow(() -> ProblemException.conflict("The import is being started concurrently; retry"));
        }
        jobs.submit(() -> run(job, kept, request));
        return job;
    }

    public ProjectImport get(String site, String id) {
        return repository.find(id).filter(job -> job.site().equals(site))
                .orElseThrow(() -> ProblemException.notFound("Import '" + id + "'"));
    }

    private void run(ProjectImport queued, Path file, ImportRequest request) {
        Progress progress = new Progress(queued, request.identifiers());
        try (QdpxArchive archive = QdpxArchive.open(file, ArchiveLimits.DEFAULT)) {
            QdaProject project = ProjectReader.read(archive);
            Map<String, SourceText> texts = new java.util.LinkedHashMap<>();
            for (Source source : project.sources()) {
                if (source.kind() != SourceKind.TEXT) {
                    progress.skipSource(source, source.kind() + " source: Chorus keeps text transcripts only");
                    continue;
                }
                try {
                    text(source, archive).ifPresentOrElse(text -> texts.put(source.guid(), new SourceText(text)),
                            () -> progress.skipSource(source, "no text in the file"));
                } catch (RefiRefusal unreadable) {
                    progress.skipSource(source, unreadable.getMessage());
                }
            }
            PositionCounting counting = CountingDetector.detect(project, texts).counting();
            progress.counting = counting.toString();
            progress.status = ProjectImport.RUNNING;
            progress.participants = cases.register(queued.site(), project, request.identifiers(), progress::skip);
            progress.save(List.of());
            List<ImportedCoding> codings = new ArrayList<>();
            Map<String, String> transcriptBySource = new java.util.HashMap<>();
            List<String> knownSpeakers = knownSpeakers(project, request.identifiers());
            for (Source source : project.sources()) {
                SourceText text = texts.get(source.guid());
                if (text == null) {
                    continue;
                }
                importSource(queued, request, project, archive, source, new ImportedPlacement(text, knownSpeakers), counting, progress)
                        .ifPresent(placed -> {
                            codings.addAll(placed.codings());
                            transcriptBySource.put(source.guid(), placed.transcriptId());
                        });
                progress.sourcesDone++;
                progress.save(List.of());
            }
            List<ImportedMemo> memos = english(request.language()) ? memos(project, archive, transcriptBySource, request.identifiers(), progress)
                    : notesOnNoSource(project, transcriptBySource, progress);
            progress.status = ProjectImport.DONE;
            progress.finishedAt = now();
            progress.save(List.of(events.projectImported(new TranscriptEvents.ProjectImported(queued.id(), queued.site(), queued.study(),
                    queued.phase(), queued.project(), project.origin(), queued.importedBy(), progress.finishedAt, project.codes(), codings,
                    memos))));
        } catch (RuntimeException e) {
            LOG.warnf("project import %s failed: %s", queued.id(), e.toString());
            progress.skip("file", e instanceof RefiRefusal || e instanceof ProblemException ? e.getMessage()
                    : "the import stopped on an unexpected error; import the file again to resume it");
            progress.status = ProjectImport.FAILED;
            progress.finishedAt = now();
            progress.save(List.of());
        } finally {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // the directory is a temporary one
            }
        }
    }

    private record Placed(String transcriptId, List<ImportedCoding> codings) {
    }

    /**
     * The source as a session of the site and one transcript, or consecutive transcripts of that session when it is longer
     * than one may hold, and its codings placed on them. A source that an earlier import of the site brought in, or whose
     * session or transcript exists with other content, is left as it is and reported: an import never changes what exists.
     */
    private Optional<Placed> importSource(ProjectImport job, ImportRequest request, QdaProject project, QdpxArchive archive,
            Source source, ImportedPlacement placement, PositionCounting counting, Progress progress) {
        List<ParagraphLayout.Paragraph> paragraphs = placement.paragraphs();
        if (paragraphs.isEmpty()) {
            progress.skipSource(source, "its text is empty");
            return Optional.empty();
        }
        String externalId = "qdpx-" + Guids.canonical(source.guid()).replaceAll("[^A-Za-z0-9._:-]", "-");
        Optional<ProjectImport> before = repository.importedBefore(job.site(), source.guid(), job.id());
        if (before.isPresent()) {
            progress.skipSource(source, "an earlier import of this site (" + before.get().id() + ", study " + before.get().study()
                    + ", phase " + before.get().phase() + ") brought it in; an import never changes sessions, transcripts or codings "
                    + "that exist");
            return Optional.empty();
        }
        LocalDate date = source.created() == null ? LocalDate.now(ZoneOffset.UTC) : LocalDate.ofInstant(source.created(), ZoneOffset.UTC);
        String fieldNotes = english(job.language()) ? null : fieldNotes(project, source, archive, request.identifiers(), progress);
        Session session = new Session(job.site(), externalId, job.study(), job.phase(), job.kind(), date, null, null, job.language(),
                null, null, null, null, null, fieldNotes, 0, null, null);
        Optional<Session> existing = sessionRepository.find(job.site(), externalId);
        if (existing.isPresent() && !existing.get().sameData(session)) {
            progress.skipSource(source, "session '" + externalId + "' exists at the site (study " + existing.get().study() + ", phase "
                    + existing.get().phase() + "); an import never changes sessions, transcripts or codings that exist");
            return Optional.empty();
        }

        Map<QdaProject.Selection, ImportedPlacement.Located> located = new java.util.LinkedHashMap<>();
        source.selections().forEach(selection -> located.put(selection, placement.locate(selection, counting)));
        List<SourceParts.Part> parts = SourceParts.split(paragraphs.stream().map(p -> p.speaker() + p.text()).toList(),
                located.values().stream().filter(l -> l.problem() == null).map(l -> new int[] {l.first(), l.last()}).toList(),
                config.maxParagraphs(), config.maxTextBytes() / 2);
        String name = source.name() == null || source.name().isBlank() ? externalId : Pseudonymiser.apply(source.name(), request.identifiers());
        List<Transcript> transcripts = new ArrayList<>();
        try {
            sessions.record(session);
            for (int k = 0; k < parts.size(); k++) {
                SourceParts.Part part = parts.get(k);
                String partId = parts.size() == 1 ? externalId : externalId + "-part-" + (k + 1);
                String title = cut(parts.size() == 1 ? name : name + " (part " + (k + 1) + " of " + parts.size() + ")", 500);
                List<TranscriptPush.ParagraphPush> pushed = paragraphs.subList(part.from(), part.to()).stream()
                        .map(p -> new TranscriptPush.ParagraphPush(cases.speaker(p.speaker(), request.identifiers()), p.text())).toList();
                transcripts.add(this.transcripts.push(job.site(), new TranscriptPush(partId, job.language(), title, pushed, externalId, null,
                        request.identifiers()), job.importedBy(), false).transcript());
            }
        } catch (ProblemException refused) {
            progress.skipSource(source, refused.getMessage());
            return Optional.empty();
        }

        SourceTally tally = new SourceTally();
        int[] placedPerPart = new int[parts.size()];
        List<ImportedCoding> placed = new ArrayList<>();
        for (Map.Entry<QdaProject.Selection, ImportedPlacement.Located> entry : located.entrySet()) {
            QdaProject.Selection selection = entry.getKey();
            ImportedPlacement.Located where = entry.getValue();
            String problem = where.problem();
            int k = problem == null ? partHolding(parts, where) : -1;
            if (problem == null && k < 0) {
                problem = "runs across the end of a part: the source is longer than one transcript holds, and no part could end "
                        + "outside this selection";
            }
            ImportedPlacement.Result result = problem == null
                    ? placement.place(where, transcripts.get(k), parts.get(k).from(), request.identifiers()) : null;
            if (result != null && result.problem() != null) {
                problem = result.problem();
            }
            if (problem != null) {
                progress.skip("selection " + selection.guid() + " in '" + source.name() + "'", problem);
                tally.skipped(selection);
                continue;
            }
            Transcript transcript = transcripts.get(k);
            for (QdaProject.Coding coding : selection.codings()) {
                String user = coding.creatingUser() != null ? coding.creatingUser() : selection.creatingUser();
                placed.add(new ImportedCoding(UUID.nameUUIDFromBytes(("project-import:" + transcript.id() + "|" + selection.guid() + "|"
                        + coding.codeGuid()).getBytes(StandardCharsets.UTF_8)).toString(), transcript.id(), coding.codeGuid(),
                        coder(project, user), result.firstParagraph(), result.startOffset(), result.lastParagraph(), result.endOffset()));
            }
            placedPerPart[k] += selection.codings().size();
            tally.placed(selection);
        }
        for (int k = 0; k < parts.size(); k++) {
            Transcript transcript = transcripts.get(k);
            progress.transcripts.add(new ImportedSource(source.guid(), transcript.title(), transcript.id(), transcript.externalId(),
                    externalId, k + 1, parts.size(), transcript.paragraphs().size(), placedPerPart[k]));
        }
        progress.report(source, tally, parts.size(), null);
        return Optional.of(new Placed(transcripts.get(0).id(), placed));
    }

    /** The part that holds the whole selection, or -1 when it runs across the end of one. */
    private static int partHolding(List<SourceParts.Part> parts, ImportedPlacement.Located where) {
        for (int k = 0; k < parts.size(); k++) {
            if (parts.get(k).holds(where.first(), where.last())) {
                return k;
            }
        }
        return -1;
    }

    /** The speakers a project names: its cases, and the values and participant codes of the import's identifiers. */
    private static List<String> knownSpeakers(QdaProject project, List<Identifier> identifiers) {
        List<String> known = new ArrayList<>();
        project.cases().stream().map(QdaProject.Case::name).filter(java.util.Objects::nonNull).forEach(known::add);
        for (Identifier identifier : identifiers) {
            known.add(identifier.value());
            if (identifier.participant() != null) {
                known.add(identifier.participant());
            }
        }
        return known;
    }

    /** The tool's name for the project; the file's name (without .qdpx) when the tool left its default or none. */
    static String projectName(String inFile, String fileName) {
        if (inFile != null && !inFile.isBlank() && !UNNAMED.matcher(inFile).matches()) {
            return inFile.strip();
        }
        String file = fileName == null ? "" : fileName.replaceAll(".*[/\\\\]", "").replaceAll("(?i)\\.qdpx$", "").strip();
        return file.isEmpty() ? inFile : cut(file, 200);
    }

    private static int codings(Source source) {
        return source.selections().stream().mapToInt(s -> s.codings().size()).sum();
    }

    /** A source's coded selections and codings, placed and skipped. */
    private static final class SourceTally {
        int selectionsPlaced;
        int selectionsSkipped;
        int codingsPlaced;
        int codingsSkipped;

        void placed(QdaProject.Selection selection) {
            selectionsPlaced++;
            codingsPlaced += selection.codings().size();
        }

        void skipped(QdaProject.Selection selection) {
            selectionsSkipped++;
            codingsSkipped += selection.codings().size();
        }
    }

    /**
     * The tool's notes of an English project as memos in coding-service: on the transcript whose source or selection
     * refers to them, else on the project (kept with the site). Identifiers are replaced in them too.
     */
    private static List<ImportedMemo> memos(QdaProject project, QdpxArchive archive, Map<String, String> transcriptBySource,
            List<Identifier> identifiers, Progress progress) {
        List<ImportedMemo> memos = new ArrayList<>();
        for (QdaProject.Note note : project.notes()) {
            String text = noteText(note, archive, progress);
            if (text == null) {
                continue;
            }
            String transcriptId = project.sources().stream().filter(s -> refersTo(s, note))
                    .map(s -> transcriptBySource.get(s.guid())).filter(java.util.Objects::nonNull).findFirst().orElse(null);
            String title = note.name() == null || note.name().isBlank() ? "Note" : cut(Pseudonymiser.apply(note.name(), identifiers), 200);
            memos.add(new ImportedMemo(UUID.nameUUIDFromBytes(("project-import-note:" + note.guid()).getBytes(StandardCharsets.UTF_8))
                    .toString(), title, Pseudonymiser.apply(text, identifiers), coder(project, note.creatingUser()), transcriptId));
        }
        return memos;
    }

    /**
     * The notes on a source of a project in another language, as its session's field notes: they may quote the
     * original, so they stay with the site in transcript-service instead of going to the cross-site analysts.
     */
    private static String fieldNotes(QdaProject project, Source source, QdpxArchive archive, List<Identifier> identifiers,
            Progress progress) {
        List<String> notes = new ArrayList<>();
        for (QdaProject.Note note : project.notes()) {
            String text = refersTo(source, note) ? noteText(note, archive, progress) : null;
            if (text != null) {
                notes.add((note.name() == null || note.name().isBlank() ? "" : note.name().strip() + "\n") + text.strip());
            }
        }
        String joined = Pseudonymiser.apply(String.join("\n\n", notes), identifiers);
        return joined.isEmpty() ? null : cut(joined, 100_000);
    }

    /** The notes of a project in another language that refer to no imported source are not brought in, and reported. */
    private static List<ImportedMemo> notesOnNoSource(QdaProject project, Map<String, String> transcriptBySource, Progress progress) {
        for (QdaProject.Note note : project.notes()) {
            if (project.sources().stream().noneMatch(s -> transcriptBySource.containsKey(s.guid()) && refersTo(s, note))) {
                progress.skip("note '" + note.name() + "'", "a note of a project in another language than English stays with its "
                        + "site as a session's field notes, and this one is on no imported source");
            }
        }
        return List.of();
    }

    private static boolean refersTo(Source source, QdaProject.Note note) {
        return source.noteRefs().contains(note.guid()) || source.selections().stream().anyMatch(sel -> sel.noteRefs().contains(note.guid()));
    }

    private static String noteText(QdaProject.Note note, QdpxArchive archive, Progress progress) {
        String text = note.text();
        try {
            if (text == null && note.plainTextPath() != null) {
                text = archive.entryFor(note.plainTextPath()).map(archive::text).orElse(null);
            }
        } catch (RefiRefusal unreadable) {
            progress.skip("note '" + note.name() + "'", unreadable.getMessage());
            return null;
        }
        if (text == null || text.isBlank()) {
            progress.skip("note '" + note.name() + "'", "it has no text");
            return null;
        }
        return text.replace("\r\n", "\n");
    }

    private static boolean english(String language) {
        return language.toLowerCase(Locale.ROOT).matches("en(-.*)?");
    }

    /** Codings keep who made them in the tool, as a coder of their own: "qdpx:" and the tool's user name. */
    private static String coder(QdaProject project, String userGuid) {
        String name = userGuid == null ? null : project.user(Guids.canonical(userGuid)).map(QdaProject.User::name).orElse(null);
        return cut("qdpx:" + (name == null || name.isBlank() ? "unknown" : name.strip()), 100);
    }

    private static Optional<String> text(Source source, QdpxArchive archive) {
        if (source.plainTextContent() != null) {
            return Optional.of(source.plainTextContent());
        }
        return archive.entryFor(source.plainTextPath()).map(archive::text);
    }

    /** Identifiers change the stored text, so an import with other identifiers is another job; they are never stored. */
    private static String identifiersKey(List<Identifier> identifiers) {
        return identifiers.stream().map(i -> i.kind() + ":" + i.participant() + ":" + i.value().strip().toLowerCase(Locale.ROOT)).sorted()
                .collect(Collectors.joining(","));
    }

    private static String cut(String text, int length) {
        return text.length() <= length ? text : text.substring(0, length);
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    /** The job's progress, written to its document as it goes. */
    private final class Progress {
        ProjectImport job;
        String status;
        String counting;
        int sourcesDone;
        int codingsPlaced;
        int codingsSkipped;
        int participants;
        Instant finishedAt;
        final List<ProjectImport.SourceReport> sources = new ArrayList<>();
        final List<ImportedSource> transcripts = new ArrayList<>();
        final List<Skipped> skipped = new ArrayList<>();

        final List<Identifier> identifiers;

        Progress(ProjectImport job, List<Identifier> identifiers) {
            this.job = job;
            this.status = job.status();
            this.identifiers = identifiers;
        }

        /** What the file names (sources, notes) is reported with the identifiers replaced, so the job keeps no name either. */
        void skip(String item, String reason) {
            skipped.add(new Skipped(Pseudonymiser.apply(item, identifiers), Pseudonymiser.apply(reason, identifiers)));
        }

        /** A source not imported at all: it is reported, and so is each of its coded selections, none of which is placed. */
        void skipSource(Source source, String reason) {
            skip("source '" + source.name() + "'", reason);
            SourceTally tally = new SourceTally();
            for (QdaProject.Selection selection : source.selections()) {
                skip("selection " + selection.guid() + " in '" + source.name() + "'", "its source was not imported: " + reason);
                tally.skipped(selection);
            }
            report(source, tally, 0, reason);
        }

        void report(Source source, SourceTally tally, int parts, String notImportedBecause) {
            codingsPlaced += tally.codingsPlaced;
            codingsSkipped += tally.codingsSkipped;
            sources.add(new ProjectImport.SourceReport(source.guid(), Pseudonymiser.apply(String.valueOf(source.name()), identifiers),
                    tally.selectionsPlaced + tally.selectionsSkipped, tally.selectionsPlaced, tally.selectionsSkipped,
                    tally.codingsPlaced + tally.codingsSkipped, tally.codingsPlaced, tally.codingsSkipped, parts,
                    notImportedBecause == null ? null : Pseudonymiser.apply(notImportedBecause, identifiers)));
        }

        void save(List<io.chorus.common.event.EventEnvelope> emitted) {
            ProjectImport next = job.with(status, counting, sourcesDone, codingsPlaced, codingsSkipped, participants, sources, transcripts,
                    skipped, now(), finishedAt);
            if (!repository.update(next, job.version(), emitted)) {
                throw new IllegalStateException("import " + job.id() + " was changed by another writer");
            }
            job = next;
        }
    }
}
