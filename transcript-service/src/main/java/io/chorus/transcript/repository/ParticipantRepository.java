package io.chorus.transcript.repository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import io.chorus.common.event.EventEnvelope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.bson.Document;
import org.bson.conversions.Bson;

/** Participants in MongoDB, keyed by site and number; each change carries its events in the same document write. */
@ApplicationScoped
public class ParticipantRepository {

    @Inject
    TranscriptRepository transcripts;

    @Inject
    ObjectMapper json;

    public MongoCollection<Document> collection() {
        return transcripts.database().getCollection("participants");
    }

    /** @return false if the participant exists already */
    public boolean insert(Participant participant, List<EventEnvelope> events) {
        try {
            collection().insertOne(toDocument(participant).append(DocumentOutbox.FIELD, DocumentOutbox.toDocuments(events)));
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    public boolean update(Participant participant, int expectedVersion, List<EventEnvelope> events) {
        Bson filter = Filters.and(Filters.eq("_id", Participant.id(participant.site(), participant.number())),
                Filters.eq("version", expectedVersion));
        List<Bson> updates = new ArrayList<>();
        toDocument(participant).forEach((key, value) -> {
            if (!key.equals("_id")) {
                updates.add(Updates.set(key, value));
            }
        });
        updates.add(Updates.pushEach(DocumentOutbox.FIELD, DocumentOutbox.toDocuments(events)));
        return collection().updateOne(filter, Updates.combine(updates)).getModifiedCount() == 1;
    }

    public Optional<Participant> find(String site, String number) {
        return Optional.ofNullable(collection().find(Filters.eq("_id", Participant.id(site, number))).first()).map(this::toParticipant);
    }

    public List<Participant> listBySite(String site, int page, int size) {
        return collection().find(Filters.eq("site", site)).sort(Sorts.ascending("number"))
                .skip(page * size).limit(size).map(this::toParticipant).into(new ArrayList<>());
    }

    public long countBySite(String site) {
        return collection().countDocuments(Filters.eq("site", site));
    }

    public Set<String> withdrawnNumbers(String site) {
        return collection().find(Filters.and(Filters.eq("site", site), Filters.eq("consent", Participant.Consent.WITHDRAWN.name())))
                .map(d -> d.getString("number")).into(new ArrayList<>()).stream().collect(Collectors.toSet());
    }

    private Document toDocument(Participant participant) {
        try {
            return Document.parse(json.writeValueAsString(participant)).append("_id", Participant.id(participant.site(), participant.number()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Participant toParticipant(Document stored) {
        Document d = new Document(stored);
        d.remove("_id");
        d.remove(DocumentOutbox.FIELD);
        try {
            return json.readValue(d.toJson(), Participant.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored participant " + stored.get("_id") + " is unreadable", e);
        }
    }
}
