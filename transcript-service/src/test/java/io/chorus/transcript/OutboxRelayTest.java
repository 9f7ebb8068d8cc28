package io.chorus.transcript;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.chorus.common.event.EventEnvelope;
import io.chorus.common.testing.MongoTestResource;
import io.chorus.transcript.event.OutboxRelay;
import io.chorus.transcript.repository.Transcript;
import io.chorus.transcript.repository.TranscriptRepository;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import io.smallrye.reactive.messaging.memory.InMemorySink;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(MongoTestResource.class)
class OutboxRelayTest {

    @Inject
    TranscriptRepository repository;

    @Inject
    OutboxRelay relay;

    @Inject
    @Any
    InMemoryConnector connector;

    @Test
    void eventsWrittenBeforeACrashArePublishedOnceByTheNextRelayPass() {
        InMemorySink<String> sink = connector.sink("transcript-events");
        relay.publishPending();
        sink.clear();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        String id = UUID.randomUUID().toString();
        Transcript transcript = Transcript.uploaded(id, "DS", "crash-" + id, null, "sw", null,
                List.of(new Transcript.Paragraph(1, "M", "Habari", null)), "partner-ds", now);
        List<EventEnvelope> pending = List.of(
                new EventEnvelope(UUID.randomUUID().toString(), "io.chorus.transcript.released.v1", "transcript", id, now, "{\"n\":1}"),
                new EventEnvelope(UUID.randomUUID().toString(), "io.chorus.transcript.released.v1", "transcript", id, now, "{\"n\":2}"));
        // the state change and its events were written together, then the process died before publishing
        repository.insert(transcript, pending);

        assertEquals(2, relay.publishPending());
        assertEquals(List.of("{\"n\":1}", "{\"n\":2}"), sink.received().stream().map(m -> m.getPayload()).toList());
        assertEquals(0, relay.publishPending(), "published events are marked and never sent again");
        assertEquals(2, sink.received().size());
        assertEquals(List.of(), io.chorus.transcript.repository.DocumentOutbox.withPendingEvents(repository.collection(), 10));
    }
}
