package io.chorus.transcript.study.repository;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/** A study of the consortium with its phases, e.g. formative, pre-intervention, post-intervention. */
public record Study(String code, String title, List<String> phases, Withdrawal withdrawal, int version, Instant createdAt,
        Instant updatedAt) {

    /** What a participant's withdrawal does to their turns: replace them with [withdrawn], or remove them (numbers stay). */
    @Schema(name = "WithdrawalPolicy")
    public enum Withdrawal {
        @com.fasterxml.jackson.annotation.JsonProperty("redact") REDACT,
        @com.fasterxml.jackson.annotation.JsonProperty("remove") REMOVE
    }

    public Study stamped(int newVersion, Instant created, Instant updated) {
        return new Study(code, title, phases, withdrawal, newVersion, created, updated);
    }

    public boolean sameData(Study other) {
        return stamped(0, null, null).equals(other.stamped(0, null, null));
    }
}
