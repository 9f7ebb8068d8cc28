package io.chorus.transcript.study.repository;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/** A study of the consortium with its phases, e.g. formative, pre-intervention, post-intervention. */
public record Study(String code, String title, List<String> phases, Withdrawal withdrawal,
        @Schema(description = "The day after which the study's non-English originals are erased (its retention end); null keeps them")
        java.time.LocalDate originalsKeptUntil,
        @Schema(description = "What the retention end erased, once it did; set by the service", readOnly = true)
        OriginalsErasure originalsErased, int version, Instant createdAt, Instant updatedAt) {

    /**
     * The report of a retention end: when, how many transcripts and paragraphs lost their original, how many transcripts
     * kept it because it is English (the text analysis uses), and how many data keys of originals were destroyed.
     */
    public record OriginalsErasure(Instant at, int transcripts, int paragraphs, int englishOriginalsKept, long keysDestroyed) {
    }

    /** What a participant's withdrawal does to their turns: replace them with [withdrawn], or remove them (numbers stay). */
    @Schema(name = "WithdrawalPolicy")
    public enum Withdrawal {
        @com.fasterxml.jackson.annotation.JsonProperty("redact") REDACT,
        @com.fasterxml.jackson.annotation.JsonProperty("remove") REMOVE
    }

    public Study stamped(int newVersion, Instant created, Instant updated) {
        return new Study(code, title, phases, withdrawal, originalsKeptUntil, originalsErased, newVersion, created, updated);
    }

    public Study erased(OriginalsErasure report, int newVersion, Instant updated) {
        return new Study(code, title, phases, withdrawal, originalsKeptUntil, report, newVersion, createdAt, updated);
    }

    public boolean sameData(Study other) {
        return stamped(0, null, null).equals(other.stamped(0, null, null));
    }
}
