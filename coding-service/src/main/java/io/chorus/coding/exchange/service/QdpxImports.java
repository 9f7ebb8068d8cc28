package io.chorus.coding.exchange.service;

import io.chorus.coding.staff.service.CoderDirectory;
import io.chorus.coding.staff.service.CodingStaff;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.chorus.coding.round.repository.CodingRound;
import io.chorus.coding.exchange.repository.RefiImport;
import io.chorus.coding.transcript.repository.ReleasedTranscript;
import io.chorus.common.problem.ProblemException;
import io.chorus.common.security.Caller;
import io.chorus.common.security.Roles;
import io.chorus.refi.ArchiveLimits;
import io.chorus.refi.CountingDetector;
import io.chorus.refi.ParagraphLayout.Paragraph;
import io.chorus.refi.ParagraphLayout;
import io.chorus.refi.PositionCounting;
import io.chorus.refi.ProjectReader;
import io.chorus.refi.QdaProject.Source;
import io.chorus.refi.QdaProject.SourceKind;
import io.chorus.refi.QdaProject;
import io.chorus.refi.QdpxArchive;
import io.chorus.refi.RefiRefusal;
import io.chorus.refi.SourceText;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.chorus.common.jobs.JobRunners;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import org.jboss.logging.Logger;

/**
 * A {@code .qdpx} that started as a Chorus export comes back coded in a desktop tool. The file is checked while the
 * request waits (a hostile or malformed archive is refused and nothing is kept); its codings are then applied as a job:
 * each text source is matched to its released transcript by GUID, each new coded selection becomes a coding of the
 * importing person (in the named round, if any) on the paragraphs and offsets it covers, in whatever counting the tool
 * used. A selection Chorus exported, or one this file already brought, is not added again.
 */
@ApplicationScoped
public class QdpxImports {

    private static final Logger LOG = Logger.getLogger(QdpxImports.class);

    /** What the job may do, taken from the token while the request lasted: the job runs after it. */
    record Importer(String username, String coder, boolean everySite, Set<String> sites, boolean admin, Set<String> leadSites) {
        boolean mayCodeAt(String site) {
            return everySite || sites.contains(site);
        }

        /** Recording another coder's work is for whoever runs the site's coding: its lead, or a consortium admin. */
        boolean mayImportForOthersAt(String site) {
            return admin || leadSites.contains(site);
        }
    }

    public record Progress(int done, int total) {
    }

    public record Skipped(String item, String reason) {
    }

    public record ImportView(UUID id, String status, String importedBy, String coder, UUID roundId, String counting, Progress sources,
            Progress codings, int codingsAdded, int codesAdded, List<Skipped> skipped, Instant createdAt, Instant finishedAt) {
    }

    @Inject
    Caller caller;

    @Inject
    ObjectMapper json;

    @Inject
    ToolCodes codes;

    @Inject
    ImportedSelections selections;

    @Inject
    CoderDirectory coders;

    @io.smallrye.config.ConfigMapping(prefix = "chorus.imports")
    public interface ImportConfig {
        @io.smallrye.config.WithDefault("${java.io.tmpdir}/chorus-imports")
        Path directory();
    }

    @Inject
    ImportConfig config;

    private final ExecutorService jobs = io.chorus.common.jobs.JobThreads.single("refi-imports");

    private java.util.concurrent.ScheduledExecutorService heartbeat;

    /**
     * A job whose process is gone (restarted, or an instance that never came back) fails visibly; importing the file again
     * resumes it, adding nothing twice. Jobs of the other running instances go on.
     */
    void interrupted(@Observes StartupEvent startup) {
        heartbeat = JobRunners.heartbeat("refi-import-heartbeat", () -> QuarkusTransaction.requiringNew().run(() -> {
            List<String> unfinished = List.of(RefiImport.QUEUED, RefiImport.RUNNING);
            RefiImport.update("heartbeatAt = ?1 where runner = ?2 and status in ?3", Instant.now(), JobRunners.id(), unfinished);
            RefiImport.update("status = ?1, finishedAt = ?2 where status in ?3 and (runner is null or heartbeatAt < ?4 "
                    + "or (runner like ?5 and runner <> ?6))", RefiImport.FAILED, Instant.now(), unfinished, JobRunners.abandonedBefore(),
                    JobRunners.instancePrefix() + "%", JobRunners.id());
        }));
    }

    void stop(@Observes ShutdownEvent shutdown) {
        heartbeat.shutdownNow();
        jobs.shutdownNow();
    }

    /**
     * Checks the file, records the job and queues it; the codings become the named coder's, else the importer's. The
     * same file, importer, coder and round give the same job.
     */
    public ImportView start(Path upload, UUID roundId, String namedCoder) {
        if (roundId != null && QuarkusTransaction.requiringNew().call(() -> CodingRound.findById(roundId)) == null) {
            throw ProblemException.invalid("/round", "No coding round '" + roundId + "'");
        }
        String importer = caller.username();
        String coder = namedCoder == null || namedCoder.isBlank() ? importer : namedCoder.strip();
        boolean admin = caller.holdsConsortiumWide(Roles.CONSORTIUM_ADMIN);
        Set<String> leadSites = caller.sitesWhere(Roles.SITE_LEAD);
        if (!coder.equals(importer)) {
            if (!admin && leadSites.isEmpty()) {
                throw ProblemException.forbidden("Only a site lead or a consortium admin may import codings as another coder's");
            }
            if (!QuarkusTransaction.requiringNew().call(() -> coders.known(coder))) {
                throw ProblemException.badParameter("coder", "No coder '" + coder + "' is known to Chorus");
            }
        }
        String sha256 = QdpxArchive.sha256(upload);
        RefiImport existing = sameFile(sha256, importer, coder, roundId);
        if (existing != null && !existing.status.equals(RefiImport.FAILED)) {
            return view(existing);
        }
        QdaProject project;
        try (QdpxArchive archive = QdpxArchive.open(upload, ArchiveLimits.DEFAULT)) {
            project = ProjectReader.read(archive);
            archive.checkTexts(project);
        }
        Importer who = new Importer(importer, coder, caller.seesAllSites(), caller.sitesWhere(CodingStaff.AT_SITE), admin, leadSites);
        UUID id = existing != null ? existing.id : UUID.randomUUID();
        Path kept = config.directory().resolve(id + ".qdpx");
        try {
            Files.createDirectories(config.directory());
            Files.copy(upload, kept, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        RefiImport job;
        try {
            job = record(existing, id, sha256, importer, coder, roundId, project);
        } catch (RuntimeException raced) {
            // the same file by the same person started twice at once: the unique index let one in, and that is the job
            RefiImport winner = sameFile(sha256, importer, coder, roundId);
            kept.toFile().delete();
            if (winner == null) {
                throw raced;
            }
            return view(winner);
        }
        jobs.submit(() -> run(job.id, kept, who));
        return view(job);
    }

    private static RefiImport sameFile(String sha256, String importer, String coder, UUID roundId) {
        return QuarkusTransaction.requiringNew().call(() -> RefiImport.<RefiImport>find(
                "sha256 = ?1 and importedBy = ?2 and coder = ?3 and " + (roundId == null ? "roundId is null" : "roundId = ?4"),
                roundId == null ? new Object[] {sha256, importer, coder} : new Object[] {sha256, importer, coder, roundId}).firstResult());
    }

    private static RefiImport record(RefiImport existing, UUID id, String sha256, String importer, String coder, UUID roundId,
            QdaProject project) {
        return QuarkusTransaction.requiringNew().call(() -> {
            RefiImport row = existing != null ? RefiImport.findById(id) : new RefiImport();
            row.id = id;
            row.sha256 = sha256;
            row.importedBy = importer;
            row.coder = coder;
            row.roundId = roundId;
            row.status = RefiImport.QUEUED;
            row.sourcesTotal = (int) project.sources().stream().filter(s -> s.kind() == SourceKind.TEXT).count();
            row.codingsTotal = project.sources().stream().filter(s -> s.kind() == SourceKind.TEXT)
                    .flatMap(s -> s.selections().stream()).mapToInt(s -> s.codings().size()).sum();
            row.sourcesDone = 0;
            row.codingsDone = 0;
            row.codingsAdded = 0;
            row.codesAdded = 0;
            row.skipped = "[]";
            row.createdAt = Instant.now();
            row.finishedAt = null;
            row.runner = JobRunners.id();
            row.heartbeatAt = row.createdAt;
            row.persist();
            return row;
        });
    }

    public ImportView get(UUID id) {
        RefiImport job = QuarkusTransaction.requiringNew().call(() -> RefiImport.<RefiImport>findById(id));
        if (job == null || !job.importedBy.equals(caller.username()) && !caller.holdsConsortiumWide(Roles.CONSORTIUM_ADMIN)) {
            throw ProblemException.notFound("Import '" + id + "'");
        }
        return view(job);
    }

    private void run(UUID id, Path file, Importer importer) {
        List<Skipped> skipped = new ArrayList<>();
        try (QdpxArchive archive = QdpxArchive.open(file, ArchiveLimits.DEFAULT)) {
            QdaProject project = ProjectReader.read(archive);
            UUID roundId = QuarkusTransaction.requiringNew().call(() -> RefiImport.<RefiImport>findById(id).roundId);
            Map<Source, SourceText> texts = new LinkedHashMap<>();
            Map<Source, ReleasedTranscript> transcripts = new LinkedHashMap<>();
            for (Source source : project.sources()) {
                if (source.kind() != SourceKind.TEXT) {
                    skipped.add(new Skipped("source '" + source.name() + "'", source.kind() + " source: only text sources carry codings "
                            + "Chorus can place"));
                    continue;
                }
                String problem = match(source, archive, importer, texts, transcripts);
                if (problem != null) {
                    skipped.add(new Skipped("source '" + source.name() + "'", problem));
                }
            }
            Map<String, SourceText> byGuid = new LinkedHashMap<>();
            texts.forEach((source, text) -> byGuid.put(source.guid(), text));
            PositionCounting counting = CountingDetector.detect(project, byGuid).counting();
            UUID codebookId = QuarkusTransaction.requiringNew().call(() -> codes.codebookFor(project, roundId, transcripts.values()));
            // the tool's new codes come in only with codings that may land
            int codesAdded = codebookId == null || transcripts.isEmpty() ? 0
                    : QuarkusTransaction.requiringNew().call(() -> codes.addMissing(project, codebookId, importer.username()));
            update(id, job -> {
                job.status = RefiImport.RUNNING;
                job.counting = counting.toString();
                job.codesAdded = codesAdded;
            });
            for (Source source : project.sources()) {
                if (source.kind() != SourceKind.TEXT) {
                    continue;
                }
                ReleasedTranscript transcript = transcripts.get(source);
                List<ImportedSelections.Item> items = ImportedSelections.items(source);
                ImportedSelections.Target target = transcript == null ? null : new ImportedSelections.Target(id, transcript,
                        texts.get(source), ParagraphLayout.parse(texts.get(source).normalized()), counting, importer.coder(), roundId,
                        codebookId);
                for (int from = 0; from < Math.max(items.size(), 1); from += ImportedSelections.CHUNK) {
                    List<ImportedSelections.Item> chunk = items.subList(Math.min(from, items.size()),
                            Math.min(from + ImportedSelections.CHUNK, items.size()));
                    int added = 0;
                    if (target != null) {
                        for (ImportedSelections.Outcome outcome : selections.place(target, chunk)) {
                            if (outcome.problem() == null) {
                                added++;
                            } else if (!outcome.problem().isEmpty()) {
                                skipped.add(new Skipped("selection " + outcome.item().selection().guid() + " in '" + source.name() + "'",
                                        outcome.problem()));
                            }
                        }
                    }
                    int codingsHere = chunk.size();
                    int addedHere = added;
                    boolean sourceDone = from + ImportedSelections.CHUNK >= items.size();
                    update(id, job -> {
                        job.sourcesDone += sourceDone ? 1 : 0;
                        job.codingsDone += codingsHere;
                        job.codingsAdded += addedHere;
                        job.skipped = write(skipped);
                    });
                }
            }
            update(id, job -> {
                job.status = RefiImport.DONE;
                job.finishedAt = Instant.now();
                job.skipped = write(skipped);
            });
        } catch (RuntimeException e) {
            LOG.warnf("import %s failed: %s", id, e.toString());
            skipped.add(new Skipped("file", e instanceof RefiRefusal || e instanceof ProblemException ? e.getMessage()
                    : "the import stopped on an unexpected error; import the file again"));
            update(id, job -> {
                job.status = RefiImport.FAILED;
                job.finishedAt = Instant.now();
                job.skipped = write(skipped);
            });
        } finally {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // the directory is a temporary one
            }
        }
    }

    /** Finds the source's released transcript by GUID; null when it matched, else why not. */
    private String match(Source source, QdpxArchive archive, Importer importer, Map<Source, SourceText> texts,
            Map<Source, ReleasedTranscript> transcripts) {
        var entry = source.plainTextContent() != null ? null : archive.entryFor(source.plainTextPath()).orElse(null);
        if (source.plainTextContent() == null && entry == null) {
            return "no text in the file";
        }
        String written;
        try {
            written = source.plainTextContent() != null ? source.plainTextContent() : archive.text(entry);
        } catch (RefiRefusal unreadable) {
            return unreadable.getMessage();
        }
        ReleasedTranscript transcript = QuarkusTransaction.requiringNew().call(() -> {
            ReleasedTranscript found = ReleasedTranscript.findById(source.guid());
            if (found != null) {
                found.paragraphs.size();
            }
            return found;
        });
        if (transcript == null || !importer.mayCodeAt(transcript.site)) {
            return "no released transcript you may code has this source's GUID (" + source.guid() + "): codings come back only to "
                    + "transcripts exported from Chorus";
        }
        if (!importer.coder().equals(importer.username())) {
            if (!importer.mayImportForOthersAt(transcript.site)) {
                return "only a site lead of " + transcript.site + " or a consortium admin may import codings there as another coder's";
            }
            if (!QuarkusTransaction.requiringNew().call(() -> coders.mayCode(importer.coder(), transcript.site))) {
                return importer.coder() + " may not code transcripts of " + transcript.site;
            }
        }
        SourceText text = new SourceText(written);
        String released = ParagraphLayout.render(transcript.paragraphs.stream().map(p -> new Paragraph(p.n,
                p.speaker != null ? p.speaker : p.label, Objects.requireNonNullElse(p.english, ""))).toList()).text();
        if (!text.normalized().strip().equals(released.strip())) {
            return "its text is not the released transcript's (edited in the tool, or a newer revision was released): export it again";
        }
        texts.put(source, text);
        transcripts.put(source, transcript);
        return null;
    }

    private void update(UUID id, java.util.function.Consumer<RefiImport> change) {
        QuarkusTransaction.requiringNew().run(() -> change.accept(RefiImport.findById(id)));
    }

    private ImportView view(RefiImport job) {
        try {
            return new ImportView(job.id, job.status, job.importedBy, job.coder, job.roundId, job.counting,
                    new Progress(job.sourcesDone, job.sourcesTotal), new Progress(job.codingsDone, job.codingsTotal), job.codingsAdded,
                    job.codesAdded, json.readValue(job.skipped, new TypeReference<>() { }),
                    job.createdAt, job.finishedAt);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private String write(List<Skipped> skipped) {
        try {
            return json.writeValueAsString(skipped);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
