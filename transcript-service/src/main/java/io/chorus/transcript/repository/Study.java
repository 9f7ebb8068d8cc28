package io.chorus.transcript.repository;

import java.time.Instant;
import java.util.List;

/** A study of the consortium with its phases, e.g. formative, pre-intervention, post-intervention. */
public record Study(String code, String title, List<String> phases, int version, Instant createdAt, Instant updatedAt) {

    public Study stamped(int newVersion, Instant created, Instant updated) {
        return new Study(code, title, phases, newVersion, created, updated);
    }

    public boolean sameData(Study other) {
        return stamped(0, null, null).equals(other.stamped(0, null, null));
    }
}
