package io.chorus.transcript.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import io.chorus.common.event.EventEnvelope;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;
import java.util.function.UnaryOperator;
import io.chorus.common.problem.ProblemException;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Records stored as JSON documents with a {@code version} for optimistic locking; each write carries
 * the events it causes in the same document (see {@link DocumentOutbox}).
 */
public final class VersionedDocuments<T> {

    private final MongoCollection<Document> collection;
    private final Class<T> type;
    private final ObjectMapper json;

    public VersionedDocuments(MongoCollection<Document> collection, Class<T> type, ObjectMapper json) {
        this.collection = collection;
        this.type = type;
        this.json = json;
    }

    public MongoCollection<Document> collection() {
        return collection;
    }

    /** @return false if a record with this id exists already */
    public boolean insert(String id, T record, List<EventEnvelope> events) {
        return insert(id, record, events, Map.of());
    }

    /** The same, with fields beside the record's that its readers never see ({@link #UNMAPPED}). */
    public boolean insert(String id, T record, List<EventEnvelope> events, Map<String, Object> unmapped) {
        try {
            Document document = toDocument(id, record).append(DocumentOutbox.FIELD, DocumentOutbox.toDocuments(events));
            document.putAll(unmapped);
            collection.insertOne(AppliedRequests.stamp(document));
            DocumentOutbox.written(events);
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    /** @return false if the stored record no longer has the expected version */
    public boolean update(String id, T record, int expectedVersion, List<EventEnvelope> events) {
        return update(id, record, expectedVersion, events, Map.of());
    }

    public boolean update(String id, T record, int expectedVersion, List<EventEnvelope> events, Map<String, Object> unmapped) {
        List<Bson> updates = new ArrayList<>();
        unmapped.forEach((key, value) -> updates.add(Updates.set(key, value)));
        toDocument(id, record).forEach((key, value) -> {
            if (!key.equals("_id")) {
                updates.add(Updates.set(key, value));
            }
        });
        updates.add(Updates.pushEach(DocumentOutbox.FIELD, DocumentOutbox.toDocuments(events)));
        Bson applied = AppliedRequests.update();
        if (applied != null) {
            updates.add(applied);
        }
        boolean updated = collection.updateOne(Filters.and(Filters.eq("_id", id), Filters.eq("version", expectedVersion)),
                Updates.combine(updates)).getModifiedCount() == 1;
        if (updated) {
            DocumentOutbox.written(events);
        }
        return updated;
    }

    /** Fields kept in a document for the service's own bookkeeping, not part of the record: a job's runner and heartbeat. */
    public static final List<String> UNMAPPED = List.of("runner", "heartbeatAt", AppliedRequests.FIELD);

    public record Upserted<T>(T record, boolean created) {
    }

    /**
     * Creates the record, or changes it with optimistic locking, retrying a lost race; each write
     * carries its events. {@code change} returns null when the stored record already says the same.
     */
    public Upserted<T> upsert(String id, Supplier<T> create, UnaryOperator<T> change, ToIntFunction<T> version,
            Function<T, List<EventEnvelope>> events) {
        return upsert(id, create, change, version, events, null);
    }

    /**
     * The same, for a conditional request: {@code precondition} (null for none) must hold for the stored record, and is
     * checked again on each attempt against the record the write is conditioned on, so that it is atomic with the write.
     * No record, or one it does not hold for, is a 412.
     */
    public Upserted<T> upsert(String id, Supplier<T> create, UnaryOperator<T> change, ToIntFunction<T> version,
            Function<T, List<EventEnvelope>> events, java.util.function.Predicate<T> precondition) {
        for (int attempt = 0; attempt < 3; attempt++) {
            Optional<T> existing = find(id);
            if (precondition != null && (existing.isEmpty() || !precondition.test(existing.get()))) {
                throw ProblemException.preconditionFailed();
            }
            if (existing.isEmpty()) {
                T created = create.get();
                if (insert(id, created, events.apply(created))) {
                    return new Upserted<>(created, true);
                }
                continue;
            }
            T current = existing.get();
            T changed = change.apply(current);
            if (changed == null) {
                return new Upserted<>(current, false);
            }
            if (update(id, changed, version.applyAsInt(current), events.apply(changed))) {
                return new Upserted<>(changed, false);
            }
        }
        throw ProblemException.conflict("The record is being changed concurrently; retry");
    }

    public Optional<T> find(String id) {
        return Optional.ofNullable(collection.find(Filters.eq("_id", id)).first()).map(this::toRecord);
    }

    public List<T> list(Bson filter, Bson sort, int page, int size) {
        return collection.find(filter).sort(sort).skip(page * size).limit(size).map(this::toRecord).into(new ArrayList<>());
    }

    public long count(Bson filter) {
        return collection.countDocuments(filter);
    }

    private Document toDocument(String id, T record) {
        try {
            return Document.parse(json.writeValueAsString(record)).append("_id", id);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private T toRecord(Document stored) {
        Document d = new Document(stored);
        d.remove("_id");
        d.remove(DocumentOutbox.FIELD);
        UNMAPPED.forEach(d::remove);
        try {
            return json.readValue(d.toJson(), type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored " + type.getSimpleName() + " " + stored.get("_id") + " is unreadable", e);
        }
    }
}
