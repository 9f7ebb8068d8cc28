package io.chorus.transcript.store;

import io.chorus.transcript.transcript.repository.TranscriptRepository;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import io.chorus.common.http.IdempotencyStore;
import io.chorus.common.http.IdempotencyHeartbeat;
import io.chorus.common.jobs.JobRunners;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;

/** transcript-service keeps its Idempotency-Key answers in collection idempotency_keys. */
@ApplicationScoped
public class MongoIdempotencyStore implements IdempotencyStore {

    @Inject
    TranscriptRepository repository;

    @Override
    public boolean claim(String key, String fingerprint) {
        Document held = keys().find(Filters.and(byKey(key), Filters.eq("status", 0))).first();
        if (held != null && !held.getBoolean("applied", false) && (held.getDate("createdAt").before(Date.from(Instant.now().minusSeconds(30)))
                || IdempotencyHeartbeat.steady() && !alive(held.getString("runner")))) {
            if (appliedAnywhere(key)) {
                // the request changed a document before its process died: the claim stays, marked, and is never run again
                keys().updateOne(Filters.and(byKey(key), Filters.eq("status", 0)), Updates.set("applied", true));
            } else {
                keys().deleteOne(Filters.and(byKey(key), Filters.eq("status", 0), Filters.eq("createdAt", held.getDate("createdAt"))));
            }
        }
        try {
            keys().insertOne(new Document("_id", key).append("fingerprint", fingerprint).append("status", 0)
                    .append("createdAt", new Date()).append("runner", JobRunners.id()));
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public void beat() {
        processes().updateOne(Filters.eq("_id", JobRunners.id()), Updates.set("heartbeatAt", new Date()), new UpdateOptions().upsert(true));
        processes().deleteMany(Filters.lt("heartbeatAt", Date.from(Instant.now().minus(java.time.Duration.ofDays(1)))));
    }

    private boolean alive(String runner) {
        return runner == null || processes().countDocuments(Filters.and(Filters.eq("_id", runner),
                Filters.gt("heartbeatAt", Date.from(Instant.now().minus(IdempotencyHeartbeat.DEAD_AFTER))))) > 0;
    }

    /** Whether a document names the key among the requests that changed it ({@link AppliedRequests}). */
    private boolean appliedAnywhere(String key) {
        return AppliedRequests.COLLECTIONS.stream()
                .anyMatch(name -> repository.database().getCollection(name).find(Filters.eq(AppliedRequests.FIELD, key)).first() != null);
    }

        private MongoCollection<Document> processes() {
        return repository.database().getCollection("service_process");
    }

    @Override
    public Optional<Answer> find(String key) {
        Document stored = keys().find(byKey(key)).first();
        return Optional.ofNullable(stored).map(d -> new Answer(d.getString("fingerprint"), d.getInteger("status"),
                d.getString("body"), d.getString("contentType"), d.getString("location"), d.getString("etag"), d.getString("reads"),
                d.getBoolean("applied", false)));
    }

    @Override
    public void complete(String key, Answer answer) {
        keys().updateOne(byKey(key), new Document("$set", new Document("status", answer.status()).append("body", answer.body())
                .append("contentType", answer.contentType()).append("location", answer.location()).append("etag", answer.etag())
                .append("reads", answer.reads())));
    }

    @Override
    public void release(String key) {
        keys().deleteOne(Filters.and(byKey(key), Filters.eq("status", 0)));
    }

    @Override
    public int expire(Instant cutoff) {
        return (int) keys().deleteMany(Filters.lt("createdAt", Date.from(cutoff))).getDeletedCount();
    }

    @Override
    public int redact(String... fragments) {
        List<Bson> showing = new java.util.ArrayList<>(List.of(Filters.ne("status", 0), Filters.ne("status", WITHDRAWN.status())));
        for (String fragment : fragments) {
            showing.add(Filters.regex("body", java.util.regex.Pattern.quote(fragment)));
        }
        return (int) keys().updateMany(Filters.and(showing), Updates.combine(Updates.set("status", WITHDRAWN.status()),
                Updates.set("body", WITHDRAWN.body()), Updates.set("contentType", WITHDRAWN.contentType()), Updates.unset("location"),
                Updates.unset("etag"), Updates.unset("reads"))).getModifiedCount();
    }

    private static Bson byKey(String key) {
        return Filters.eq("_id", key);
    }

    private MongoCollection<Document> keys() {
        return repository.database().getCollection("idempotency_keys");
    }
}
