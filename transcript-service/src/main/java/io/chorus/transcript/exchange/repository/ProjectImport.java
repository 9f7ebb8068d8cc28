package io.chorus.transcript.exchange.repository;

import java.time.Instant;
import java.util.List;

/**
 * A whole project brought from a desktop tool into a site of a study: its job, as the person or system that started it
 * sees it. Identified by the file's SHA-256 and what it was imported as, so the same import again is the same job. A job
 * that is {@code done} with {@code codingsSkipped > 0} placed fewer codings than the file holds: {@code sources} says how
 * many of each source, and {@code skipped} names each selection and why.
 */
public record ProjectImport(String id, String site, String sha256, String study, String phase, String language, String kind,
        String importedBy, String status, String project, String origin, String counting, int sourcesTotal, int sourcesDone,
        int codingsTotal, int codingsPlaced, int codingsSkipped, int participants, List<SourceReport> sources,
        List<ImportedSource> transcripts, List<Skipped> skipped, int version, Instant createdAt, Instant updatedAt, Instant finishedAt) {

    public static final String QUEUED = "queued";
    public static final String RUNNING = "running";
    public static final String DONE = "done";
    public static final String FAILED = "failed";

    /** A transcript of the site made from a text source: the whole source, or part {@code part} of {@code parts}. */
    public record ImportedSource(String sourceGuid, String name, String transcriptId, String externalId, String session, int part,
            int parts, int paragraphs, int codings) {
    }

    /**
     * What became of one source of the file: its coded selections and their codings found, placed and skipped (placed plus
     * skipped is found), the transcripts it became, and why it was not imported, when it was not. Each skipped selection is
     * listed in {@code skipped} with its reason.
     */
    public record SourceReport(String sourceGuid, String name, int selections, int selectionsPlaced, int selectionsSkipped, int codings,
            int codingsPlaced, int codingsSkipped, int parts, String notImportedBecause) {
    }

    /** Something of the file that was not brought in, and why. */
    public record Skipped(String item, String reason) {
    }

    public ProjectImport with(String newStatus, String newCounting, int done, int placed, int notPlaced, int participantsDone,
            List<SourceReport> reports, List<ImportedSource> imported, List<Skipped> skips, Instant at, Instant finished) {
        return new ProjectImport(id, site, sha256, study, phase, language, kind, importedBy, newStatus, project, origin, newCounting,
                sourcesTotal, done, codingsTotal, placed, notPlaced, participantsDone, List.copyOf(reports), List.copyOf(imported),
                List.copyOf(skips), version + 1, createdAt, at, finished);
    }
}
