package io.chorus.transcript.store;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import io.chorus.common.event.EventEnvelope;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bson.Document;

/**
 * Pending events kept inside the document whose change caused them (field {@value #FIELD}): written in
 * the same single-document update as the change, removed by the relay once Kafka acknowledged them.
 */
public final class DocumentOutbox {

    public static final String FIELD = "outbox";

    private DocumentOutbox() {
    }

    public static List<Document> toDocuments(List<EventEnvelope> events) {
        return events.stream().map(event -> new Document("id", event.id()).append("type", event.type())
                .append("aggregateType", event.aggregateType()).append("aggregateId", event.aggregateId())
                .append("occurredAt", Date.from(event.occurredAt())).append("payload", event.payloadJson())).toList();
    }

    /** The document holding these events was written (MongoDB has committed it): the relay publishes them now. */
    public static void written(List<EventEnvelope> events) {
        if (!events.isEmpty()) {
            io.quarkus.arc.Arc.container().instance(io.chorus.common.event.RelayLoop.class).get().signal();
        }
    }

    public static EventEnvelope toEnvelope(Document event) {
        return new EventEnvelope(event.getString("id"), event.getString("type"), event.getString("aggregateType"),
                event.getString("aggregateId"), event.getDate("occurredAt").toInstant(), event.getString("payload"));
    }

    /** Documents that still hold events the relay has not published, least recently changed first. */
    public static List<Document> withPendingEvents(MongoCollection<Document> collection, int limit) {
        return withPendingEvents(collection, limit, java.util.Set.of());
    }

    /** The same, leaving out documents whose events wait in this relay pass, so that they cannot hold up the others. */
    public static List<Document> withPendingEvents(MongoCollection<Document> collection, int limit, java.util.Collection<Object> waiting) {
        var pending = Filters.exists(FIELD + ".0");
        // a transcript's paragraphs can be 12 MiB: the relay reads them only for the events that carry them
        return collection.find(waiting.isEmpty() ? pending : Filters.and(pending, Filters.nin("_id", waiting)))
                .projection(Projections.include(FIELD, "updatedAt")).sort(Sorts.ascending("updatedAt")).limit(limit)
                .into(new ArrayList<>());
    }

    public static void markPublished(MongoCollection<Document> collection, Object documentId, String eventId) {
        collection.updateOne(Filters.eq("_id", documentId), Updates.pull(FIELD, Filters.eq("id", eventId)));
    }
}
