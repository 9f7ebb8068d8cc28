package io.chorus.transcript.store;

import io.chorus.transcript.transcript.repository.TranscriptRepository;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoCommandException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import io.chorus.common.jobs.JobRunners;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Date;
import org.bson.Document;

/**
 * The outbox relay's claim on MongoDB: one instance of transcript-service relays at a time, so that two never publish
 * the same pending event. The claim is a lease document (collection relay_lease) taken for one pass and released after
 * it; a process that dies holding it loses it after {@link #LEASE}, and another instance takes over.
 */
@ApplicationScoped
public class RelayLease {

    static final String OUTBOX_RELAY = "outbox-relay";
    public static final Duration LEASE = Duration.ofSeconds(15);

    @Inject
    TranscriptRepository transcripts;

    private MongoCollection<Document> leases;

    @PostConstruct
    void init() {
        leases = transcripts.database().getCollection("relay_lease");
    }

    /** Takes or renews the lease; false while another process holds it. */
    public boolean claim() {
        Date now = new Date();
        try {
            return leases.findOneAndUpdate(Filters.and(Filters.eq("_id", OUTBOX_RELAY),
                            Filters.or(Filters.eq("holder", JobRunners.id()), Filters.lt("until", now))),
                    Updates.combine(Updates.set("holder", JobRunners.id()), Updates.set("until", new Date(now.getTime() + LEASE.toMillis()))),
                    new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER)) != null;
        } catch (MongoCommandException | MongoWriteException held) {
            if (held instanceof MongoCommandException command && command.getErrorCode() != 11000
                    || held instanceof MongoWriteException write && write.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw held;
            }
            return false; // the upsert found the lease held by another process and could not insert a second one
        }
    }

    /** Gives the lease up after a pass, so that any instance may make the next one. */
    public void release() {
        leases.updateOne(Filters.and(Filters.eq("_id", OUTBOX_RELAY), Filters.eq("holder", JobRunners.id())),
                Updates.set("until", new Date(0)));
    }
}
