package io.chorus.transcript.erasure;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import io.chorus.common.crypto.DataKey;
import io.chorus.common.crypto.EventMasterKey;
import io.chorus.common.crypto.KeyRecord;
import io.chorus.transcript.transcript.repository.TranscriptRepository;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * The data keys that transcript text is sealed with in events (collection data_keys): one per transcript for its title,
 * and two per speaker of each transcript for their turns (originals, English), so that a participant's withdrawal destroys the keys of their
 * turns in every transcript and a transcript's withdrawal all keys of that transcript. A key is kept wrapped with the
 * master key; destroying it removes the material and leaves the id, so the key is never made again.
 * {@code published} is false while the key topic has not got the key's current state ({@link KeyRelay}).
 */
@ApplicationScoped
public class DataKeyStore {

    static final String COLLECTION = "data_keys";

    @Inject
    TranscriptRepository repository;

    @Inject
    EventMasterKey master;

    @PostConstruct
    void createIndexes() {
        keys().createIndex(Indexes.ascending("published"));
        keys().createIndex(Indexes.ascending("site", "speaker"));
        keys().createIndex(Indexes.ascending("transcriptId"));
    }

    /** Key of the transcript's own text (its title). */
    public static String transcriptKeyId(String transcriptId) {
        return "t-" + transcriptId;
    }

    /**
     * Key of one speaker's turns in one transcript, in the original (suffix {@code -o}) or in English; the speaker's code in
     * base64url, as a key id has no ':'.
     */
    public static String speakerKeyId(String transcriptId, String speaker, boolean original) {
        return transcriptKeyId(transcriptId) + "-s-"
                + Base64.getUrlEncoder().withoutPadding().encodeToString(speaker.getBytes(StandardCharsets.UTF_8)) + (original ? "-o" : "");
    }

    /** The key, made on first use; empty once it was destroyed. */
    public Optional<DataKey> key(String keyId, String transcriptId, String site, String speaker) {
        Document stored = keys().find(Filters.eq("_id", keyId)).first();
        if (stored == null) {
            DataKey made = DataKey.generate(keyId);
            try {
                keys().insertOne(new Document("_id", keyId).append("transcriptId", transcriptId).append("site", site)
                        .append("speaker", speaker).append("wrapped", master.get().wrap(made)).append("createdAt", new Date())
                        .append("published", false));
            } catch (MongoWriteException e) {
                if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
            }
            stored = keys().find(Filters.eq("_id", keyId)).first();
        }
        String wrapped = stored.getString("wrapped");
        return wrapped == null ? Optional.empty() : Optional.of(master.get().unwrap(keyId, wrapped));
    }

    /** A key that exists and is live, never made here: empty when unknown or destroyed. */
    public Optional<DataKey> existing(String keyId) {
        Document stored = keys().find(Filters.eq("_id", keyId)).first();
        String wrapped = stored == null ? null : stored.getString("wrapped");
        return wrapped == null ? Optional.empty() : Optional.of(master.get().unwrap(keyId, wrapped));
    }

    /** Destroys the keys of a participant's turns in every transcript of their site; @return how many were live. */
    public long destroyParticipant(String site, String number) {
        return destroy(Filters.and(Filters.eq("site", site), Filters.eq("speaker", number)));
    }

    /** Destroys every key of a transcript; @return how many were live. */
    public long destroyTranscript(String transcriptId) {
        return destroy(Filters.eq("transcriptId", transcriptId));
    }

    /** Destroys the keys of a transcript's originals (a study's retention end); @return how many were live. */
    public long destroyOriginals(String transcriptId) {
        return destroy(Filters.and(Filters.eq("transcriptId", transcriptId), Filters.regex("_id", "-o$")));
    }

    public void destroy(String keyId) {
        destroy(Filters.eq("_id", keyId));
    }

    private long destroy(Bson which) {
        return keys().updateMany(Filters.and(which, Filters.ne("wrapped", null)), Updates.combine(Updates.set("wrapped", null),
                Updates.set("destroyedAt", new Date()), Updates.set("published", false))).getModifiedCount();
    }

    /**
     * After a master key rotation: every live key still wrapped by an earlier master key is wrapped with the current one and
     * published again, so that the key topic's compaction drops the old records; @return how many were wrapped again.
     */
    public int rewrapWithCurrentMasterKey() {
        int rewrapped = 0;
        for (Document d : keys().find(Filters.ne("wrapped", null))) {
            String id = d.getString("_id");
            String wrapped = d.getString("wrapped");
            if (!master.get().wrappedWithCurrent(id, wrapped)) {
                String again = master.get().wrap(master.get().unwrap(id, wrapped));
                rewrapped += (int) keys().updateOne(Filters.and(Filters.eq("_id", id), Filters.eq("wrapped", wrapped)),
                        Updates.combine(Updates.set("wrapped", again), Updates.set("published", false))).getModifiedCount();
            }
        }
        return rewrapped;
    }

    /** Key records the key topic has not got yet, oldest first. */
    public List<Pending> unpublished(int limit) {
        List<Pending> pending = new ArrayList<>();
        for (Document d : keys().find(Filters.eq("published", false)).sort(new Document("createdAt", 1)).limit(limit)) {
            String wrapped = d.getString("wrapped");
            pending.add(new Pending(wrapped == null ? KeyRecord.destroyedKey(d.getString("_id")) : KeyRecord.of(d.getString("_id"), wrapped),
                    d.getDate("destroyedAt")));
        }
        return pending;
    }

    /** Marks a record published, unless the key changed since it was read (destroyed meanwhile: that is published next). */
    public void published(Pending record) {
        keys().updateOne(Filters.and(Filters.eq("_id", record.record().keyId()), Filters.eq("destroyedAt", record.destroyedAt())),
                Updates.set("published", true));
    }

    MongoCollection<Document> keys() {
        return repository.database().getCollection(COLLECTION);
    }

    public record Pending(KeyRecord record, Date destroyedAt) {
    }
}
