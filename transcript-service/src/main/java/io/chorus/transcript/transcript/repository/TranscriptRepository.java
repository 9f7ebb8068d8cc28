package io.chorus.transcript.transcript.repository;

import io.chorus.transcript.store.AppliedRequests;
import io.chorus.transcript.store.DocumentOutbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import io.chorus.common.event.EventEnvelope;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Transcripts in MongoDB. Every state change and the events it causes are written in one
 * single-document update: the pending events live in the document's {@code outbox} array until the
 * relay has published them. That is atomic on any MongoDB, with or without multi-document transactions.
 */
@ApplicationScoped
@Startup
public class TranscriptRepository {

    static final String OUTBOX = DocumentOutbox.FIELD;

    @Inject
    MongoClient mongo;

    @Inject
    ObjectMapper json;

    @ConfigProperty(name = "quarkus.mongodb.database")
    String database;

    @PostConstruct
    void createIndexes() {
        collection().createIndex(Indexes.ascending("site", "externalId"), new IndexOptions().unique(true));
        collection().createIndex(Indexes.ascending(OUTBOX + ".id"));
        database().getCollection("participants").createIndex(Indexes.ascending("site", "number"));
    }

    public MongoDatabase database() {
        return mongo.getDatabase(database);
    }

    public MongoCollection<Document> collection() {
        return database().getCollection("transcripts");
    }

    /** @return false if a transcript with the same site and external id exists already */
    public boolean insert(Transcript transcript, List<EventEnvelope> events) {
        Document document = toDocument(transcript).append(OUTBOX, DocumentOutbox.toDocuments(events));
        try {
            collection().insertOne(AppliedRequests.stamp(document));
            DocumentOutbox.written(events);
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    /** Replaces the state of a transcript if it still has the expected version (optimistic locking); appends its events. */
    public boolean update(Transcript transcript, int expectedVersion, List<EventEnvelope> events) {
        Bson filter = Filters.and(Filters.eq("_id", transcript.id()), Filters.eq("version", expectedVersion));
        List<Bson> updates = new ArrayList<>();
        toDocument(transcript).forEach((key, value) -> {
            if (!key.equals("_id")) {
                updates.add(Updates.set(key, value));
            }
        });
        if (!events.isEmpty()) {
            updates.add(Updates.pushEach(OUTBOX, DocumentOutbox.toDocuments(events)));
        }
        Bson applied = AppliedRequests.update();
        if (applied != null) {
            updates.add(applied);
        }
        boolean updated = collection().updateOne(filter, Updates.combine(updates)).getModifiedCount() == 1;
        if (updated) {
            DocumentOutbox.written(events);
        }
        return updated;
    }

    public Optional<Transcript> findById(String id) {
        return Optional.ofNullable(collection().find(Filters.eq("_id", id)).first()).map(this::toTranscript);
    }

    public Optional<Transcript> findBySiteAndExternalId(String site, String externalId) {
        return Optional.ofNullable(collection().find(Filters.and(Filters.eq("site", site), Filters.eq("externalId", externalId))).first())
                .map(this::toTranscript);
    }

    /** A page of the site's transcripts, oldest first, at one stage (any when null) and of one session (any when null). */
    public List<Transcript> listBySite(String site, boolean releasedOnly, Transcript.Status stage, String session, int page, int size) {
        return collection().find(siteFilter(site, releasedOnly, stage, session)).sort(Sorts.ascending("createdAt", "_id"))
                .skip(page * size).limit(size).map(this::toTranscript).into(new ArrayList<>());
    }

    /** Every transcript of a session. */
    public List<Transcript> ofSession(String site, String session) {
        return collection().find(Filters.and(Filters.eq("site", site), Filters.eq("session", session)))
                .map(this::toTranscript).into(new ArrayList<>());
    }

    /** Every transcript of the site in which this speaker has a turn. */
    public List<Transcript> withSpeaker(String site, String speaker) {
        return collection().find(Filters.and(Filters.eq("site", site), Filters.eq("paragraphs.speaker", speaker)))
                .map(this::toTranscript).into(new ArrayList<>());
    }

    public long countBySite(String site, boolean releasedOnly, Transcript.Status stage, String session) {
        return collection().countDocuments(siteFilter(site, releasedOnly, stage, session));
    }

    /** How many of the site's transcripts are at each stage (stages without any are left out). */
    public java.util.Map<Transcript.Status, Long> countByStage(String site, boolean releasedOnly) {
        java.util.Map<Transcript.Status, Long> counts = new java.util.EnumMap<>(Transcript.Status.class);
        collection().aggregate(List.of(com.mongodb.client.model.Aggregates.match(siteFilter(site, releasedOnly, null, null)),
                        com.mongodb.client.model.Aggregates.group("$status", com.mongodb.client.model.Accumulators.sum("count", 1))),
                Document.class).forEach(group -> counts.put(Transcript.Status.valueOf(group.getString("_id")),
                        ((Number) group.get("count")).longValue()));
        return counts;
    }

    private static Bson siteFilter(String site, boolean releasedOnly, Transcript.Status stage, String session) {
        List<Bson> filters = new ArrayList<>(List.of(Filters.eq("site", site)));
        if (releasedOnly) {
            filters.add(Filters.eq("status", Transcript.Status.RELEASED.name()));
        }
        if (stage != null) {
            filters.add(Filters.eq("status", stage.name()));
        }
        if (session != null) {
            filters.add(Filters.eq("session", session));
        }
        return Filters.and(filters);
    }

    private Document toDocument(Transcript t) {
        try {
            Document document = Document.parse(json.writeValueAsString(t));
            document.remove("id");
            document.put("_id", t.id());
            document.put("createdAt", Date.from(t.createdAt()));
            document.put("updatedAt", Date.from(t.updatedAt()));
            return document;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("transcript not serialisable", e);
        }
    }

    private Transcript toTranscript(Document stored) {
        Document d = new Document(stored);
        d.remove(OUTBOX);
        d.remove(AppliedRequests.FIELD);
        d.put("id", d.remove("_id"));
        d.put("createdAt", toInstant(d.getDate("createdAt")).toString());
        d.put("updatedAt", toInstant(d.getDate("updatedAt")).toString());
        try {
            return json.readValue(d.toJson(), Transcript.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored transcript " + stored.get("_id") + " is unreadable", e);
        }
    }

    private static Instant toInstant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
