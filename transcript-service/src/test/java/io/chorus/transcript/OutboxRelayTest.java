package io.chorus.transcript;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.chorus.common.event.EventEnvelope;
import io.chorus.common.testing.MongoTestResource;
import io.chorus.transcript.event.OutboxRelay;
import io.chorus.transcript.transcript.repository.Transcript;
import io.chorus.transcript.transcript.repository.TranscriptRepository;
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
        List<EventEnvelope> pending = List.of(
                new EventEnvelope(UUID.randomUUID().toString(), "io.chorus.transcript.status-changed.v1", "transcript", id, now, "{\"n\":1}"),
                new EventEnvelope(UUID.randomUUID().toString(), "io.chorus.transcript.status-changed.v1", "transcript", id, now, "{\"n\":2}"));
        // the state change and its events were written together, then the process died before publishing
        crashedAfterWriting(id, now, pending);

        assertEquals(2, relay.publishPending());
        assertEquals(List.of("{\"n\":1}", "{\"n\":2}"), sink.received().stream().map(m -> m.getPayload()).toList());
        assertEquals(0, relay.publishPending(), "published events are marked and never sent again");
        assertEquals(2, sink.received().size());
        assertEquals(List.of(), io.chorus.transcript.store.DocumentOutbox.withPendingEvents(repository.collection(), 10));
    }

    @Inject
    io.chorus.common.event.RelayStatus status;

    /** A document and its pending events as a write left them when the process died before the relay ran. */
    void crashedAfterWriting(String id, Instant at, List<EventEnvelope> pending) {
        repository.collection().insertOne(new org.bson.Document("_id", id).append("site", "DS").append("externalId", "crash-" + id)
                .append("updatedAt", java.util.Date.from(at))
                .append(io.chorus.transcript.store.DocumentOutbox.FIELD, io.chorus.transcript.store.DocumentOutbox.toDocuments(pending)));
    }

    @Test
    void aDocumentWhoseEventCannotBePublishedHoldsUpNoOther() {
        InMemorySink<String> sink = connector.sink("transcript-events");
        relay.publishPending();
        sink.clear();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        String broken = UUID.randomUUID().toString();
        repository.insert(Transcript.uploaded(broken, "DS", "broken-" + broken, null, "sw", null,
                List.of(new Transcript.Paragraph(1, "M", "Habari", null)), "partner-ds", now), List.of());
        // an outbox entry that cannot be turned into an event (written by a faulty version, say)
        repository.collection().updateOne(com.mongodb.client.model.Filters.eq("_id", broken), com.mongodb.client.model.Updates.push(
                io.chorus.transcript.store.DocumentOutbox.FIELD, new org.bson.Document("id", "x").append("type", "io.chorus.transcript.status-changed.v1")));
        String fine = UUID.randomUUID().toString();
        crashedAfterWriting(fine, now.plusMillis(1),
                List.of(new EventEnvelope(UUID.randomUUID().toString(), "io.chorus.transcript.status-changed.v1", "transcript", fine, now, "{\"n\":3}")));

        assertEquals(1, relay.publishPending(), "the other transcript's event went out");
        assertEquals(List.of("{\"n\":3}"), sink.received().stream().map(m -> m.getPayload()).toList());
        assertEquals(java.util.Set.of(broken), status.waiting(), "the waiting one is reported in /q/health");
        given().get("/q/health").then().statusCode(503).body("checks.find { it.name == 'outbox relay' }.status", equalTo("DOWN"));
        given().get("/q/health/ready").then().statusCode(200);
        repository.collection().deleteOne(com.mongodb.client.model.Filters.eq("_id", broken));
        relay.publishPending();
        given().get("/q/health").then().statusCode(200);
    }
}
