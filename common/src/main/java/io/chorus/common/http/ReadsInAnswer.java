package io.chorus.common.http;

import jakarta.enterprise.context.RequestScoped;
import java.util.ArrayList;
import java.util.List;

/**
 * The audited reads an answer carries (a transcript's non-English original), so that {@link IdempotencyKeys}
 * stores them with the answer and a replay of it is audited again ({@link ReplayedReads}).
 */
@RequestScoped
public class ReadsInAnswer {

    private final List<String> reads = new ArrayList<>();

    public void add(String reference) {
        if (!reads.contains(reference)) {
            reads.add(reference);
        }
    }

    public List<String> all() {
        return List.copyOf(reads);
    }

    /** Fired when a stored answer carrying audited reads is replayed to its caller: each is audited as a new read. */
    public record ReplayedReads(List<String> references) {
    }
}
