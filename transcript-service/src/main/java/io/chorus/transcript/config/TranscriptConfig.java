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

    /** CloudEvents source attribute of the events this service publishes. */
    @WithDefault("/chorus/transcript-service")
    String eventSource();

    /** How quotes name each site, e.g. BU=Kampala, as in "[#9, Kampala, PSW]". */
    java.util.Map<String, String> siteLabels();

    /** How often the outbox relay looks for events that were written but not yet published. */
    @WithDefault("1s")
    Duration outboxPollInterval();
}
