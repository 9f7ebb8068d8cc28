package io.chorus.transcript.repository;

import java.time.Instant;
import java.util.List;

/**
 * A whole project brought from a desktop tool into a site of a study: its job, as the person or system that started it
 * sees it. Identified by the file's SHA-256 and what it was imported as, so the same import again is the same job.
 */
public record ProjectImport(String id, String site, String sha256, String study, String phase, String language, String kind,
        String importedBy, String status, String project, String origin, String counting, int sourcesTotal, int sourcesDone,
        int codingsTotal, int codingsPlaced, int participants, List<ImportedSource> transcripts, List<Skipped> skipped, int version,
        Instant createdAt, Instant updatedAt, Instant finishedAt) {

    public static final String QUEUED = "queued";
    public static final String RUNNING = "running";
    public static final String DONE = "done";
    public static final String FAILED = "failed";

    /** A text source that became a transcript of the site. */
    public record ImportedSource(String sourceGuid, String name, String transcriptId, String externalId, int paragraphs, int codings) {
    }

    /** Something of the file that was not brought in, and why. */
    public record Skipped(String item, String reason) {
    }

    public ProjectImport with(String newStatus, String newCounting, int done, int placed, int participantsDone,
            List<ImportedSource> imported, List<Skipped> skips, Instant at, Instant finished) {
        return new ProjectImport(id, site, sha256, study, phase, language, kind, importedBy, newStatus, project, origin, newCounting,
                sourcesTotal, done, codingsTotal, placed, participantsDone, List.copyOf(imported), List.copyOf(skips), version + 1,
                createdAt, at, finished);
    }
}
