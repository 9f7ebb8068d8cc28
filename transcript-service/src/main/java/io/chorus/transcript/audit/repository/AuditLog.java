package io.chorus.transcript.audit.repository;

import io.chorus.transcript.transcript.repository.Transcript;
import io.chorus.transcript.transcript.repository.TranscriptRepository;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.bson.conversions.Bson;

/** Append-only record of every read of an original-language transcript. */
@ApplicationScoped
public class AuditLog {

    public record OriginalRead(String id, Instant at, String subject, String username, String site, String transcriptId,
            String externalId, String language) {
    }

    @Inject
    TranscriptRepository transcripts;

    private com.mongodb.client.MongoCollection<Document> collection() {
        return transcripts.database().getCollection("audit_original_reads");
    }

    /** Records the read when the text shown is a non-English original. */
    public void originalRead(String subject, String username, Transcript t) {
        if (t.isEnglishOriginal()) {
            return;
        }
        collection().insertOne(new Document("_id", UUID.randomUUID().toString()).append("at", new Date())
                .append("subject", subject).append("username", username).append("site", t.site())
                .append("transcriptId", t.id()).append("externalId", t.externalId()).append("language", t.language()));
    }

    /** A participant's data requested or delivered: kept for good, without content, when the request itself is long gone. */
    public record DataRequestEvent(String id, Instant at, String action, String requestId, String site, String participant, String username) {
    }

    private com.mongodb.client.MongoCollection<Document> dataRequests() {
        return transcripts.database().getCollection("audit_data_requests");
    }

    public void dataRequest(String action, String requestId, String site, String participant, String username) {
        dataRequests().insertOne(new Document("_id", UUID.randomUUID().toString()).append("at", new Date()).append("action", action)
                .append("requestId", requestId).append("site", site).append("participant", participant).append("username", username));
    }

    public List<DataRequestEvent> dataRequests(String site, int page, int size) {
        return dataRequests().find(site == null ? new Document() : Filters.eq("site", site)).sort(Sorts.descending("at", "_id"))
                .skip(page * size).limit(size).map(d -> new DataRequestEvent(d.getString("_id"), d.getDate("at").toInstant(),
                        d.getString("action"), d.getString("requestId"), d.getString("site"), d.getString("participant"), d.getString("username")))
                .into(new ArrayList<>());
    }

    public long countDataRequests(String site) {
        return dataRequests().countDocuments(site == null ? new Document() : Filters.eq("site", site));
    }

    /** Whose reads to list: by username, by subject id, or anyone's when both are null. */
    /** Which reads: at a site, by a reader (username or Keycloak subject), in a time window (from inclusive, to exclusive). */
    public record ReadFilter(String site, String username, String subject, Instant from, Instant to) {

        Bson bson() {
            List<Bson> filters = new ArrayList<>();
            if (site != null) {
                filters.add(Filters.eq("site", site));
            }
            if (username != null) {
                filters.add(Filters.eq("username", username));
            }
            if (subject != null) {
                filters.add(Filters.eq("subject", subject));
            }
            if (from != null) {
                filters.add(Filters.gte("at", Date.from(from)));
            }
            if (to != null) {
                filters.add(Filters.lt("at", Date.from(to)));
            }
            return filters.isEmpty() ? new Document() : Filters.and(filters);
        }
    }

    public List<OriginalRead> find(ReadFilter filter, int page, int size) {
        return collection().find(filter.bson()).sort(Sorts.descending("at", "_id")).skip(page * size).limit(size)
                .map(d -> new OriginalRead(d.getString("_id"), d.getDate("at").toInstant(), d.getString("subject"),
                        d.getString("username"), d.getString("site"), d.getString("transcriptId"), d.getString("externalId"),
                        d.getString("language")))
                .into(new ArrayList<>());
    }

    public long count(ReadFilter filter) {
        return collection().countDocuments(filter.bson());
    }
}
