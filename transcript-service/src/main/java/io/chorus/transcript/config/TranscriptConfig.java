package io.chorus.transcript.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "chorus.transcripts")
public interface TranscriptConfig {

    /** Most paragraphs one transcript may have. */
    @WithDefault("5000")
    int maxParagraphs();

    /** Most characters in one paragraph. */
    @WithDefault("20000")
    int maxParagraphLength();

    /**
     * Most bytes (UTF-8) of original text and English translation together in one transcript. A transcript is one
     * MongoDB document, and MongoDB holds at most 16 MiB in one; 12 MiB leaves room for the rest of the document.
     */
    @WithDefault("12582912")
    int maxTextBytes();

    /** CloudEvents source attribute of the events this service publishes. */
    @WithDefault("/chorus/transcript-service")
    String eventSource();

    /** How quotes name each site, e.g. BU=Kampala, as in "[#9, Kampala, PSW]". */
    java.util.Map<String, String> siteLabels();

    /** How often the outbox relay looks for events that were written but not yet published. */
    @WithDefault("1s")
    Duration outboxPollInterval();

    /** How often studies past their retention end are checked for originals to erase (the scheduler reads it by name). */
    @WithDefault("1h")
    Duration retentionCheckInterval();

    /** When the first of those checks runs after a start. */
    @WithDefault("30s")
    Duration retentionFirstCheck();

    /** Where a project import keeps its copy of the uploaded .qdpx until its job is done. */
    @WithDefault("${java.io.tmpdir}/chorus-project-imports")
    java.nio.file.Path importsDirectory();

    /**
     * Most codings one project import may carry: they travel to coding-service in one event, kept in the import's
     * MongoDB document until it is published (16 MiB at most). A larger project is imported in parts.
     */
    @WithDefault("20000")
    int maxImportedCodings();
}
