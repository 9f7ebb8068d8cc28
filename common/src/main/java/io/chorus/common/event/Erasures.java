package io.chorus.common.event;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.chorus.common.http.IdempotencyStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * What every consumer does besides its own work when a transcript's words are withdrawn (the whole transcript, or a
 * participant's turns in it): its dead letters that carry the transcript lose their payload, and the Idempotency-Key
 * answers it kept about the transcript become a 410. Done here once, for every service that consumes the events.
 */
@ApplicationScoped
public class Erasures {

    private static final Logger LOG = Logger.getLogger(Erasures.class);

    /** The events that withdraw a transcript's words (or its originals, at a study's retention end); each names it in {@code transcriptId}. */
    public static final Set<String> WITHDRAWALS = Set.of("io.chorus.transcript.withdrawn.v1", "io.chorus.transcript.paragraphs-withdrawn.v1",
            "io.chorus.transcript.originals-erased.v1");

    @Inject
    DeadLetters deadLetters;

    @Inject
    Instance<IdempotencyStore> idempotency;

    @Inject
    ObjectMapper json;

    /** Called once the consumer applied the event. */
    void applied(EventEnvelope event) {
        if (!WITHDRAWALS.contains(event.type())) {
            return;
        }
        String transcript;
        try {
            transcript = json.readTree(event.payloadJson()).path("transcriptId").asText("");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (transcript.isBlank()) {
            return;
        }
        int letters = deadLetters.erase(transcript);
        int answers = idempotency.isResolvable() ? idempotency.get().redact(transcript) : 0;
        if (letters + answers > 0) {
            LOG.infof("withdrawal of transcript %s: %d dead letters and %d kept answers erased", transcript, letters, answers);
        }
    }
}
