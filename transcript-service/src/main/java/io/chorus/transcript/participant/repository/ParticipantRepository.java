package io.chorus.transcript.participant.repository;

import io.chorus.transcript.transcript.repository.TranscriptRepository;
import io.chorus.transcript.store.VersionedDocuments;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import io.chorus.common.event.EventEnvelope;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;

/** Participants in MongoDB, keyed by site and number. */
@ApplicationScoped
public class ParticipantRepository {

    @Inject
    TranscriptRepository transcripts;

    @Inject
    ObjectMapper json;

    private VersionedDocuments<Participant> documents;

    @PostConstruct
    void init() {
        documents = new VersionedDocuments<>(transcripts.database().getCollection("participants"), Participant.class, json);
    }

    public MongoCollection<Document> collection() {
        return documents.collection();
    }

    public VersionedDocuments<Participant> documents() {
        return documents;
    }

    public boolean insert(Participant participant, List<EventEnvelope> events) {
        return documents.insert(Participant.id(participant.site(), participant.number()), participant, events);
    }

    public boolean update(Participant participant, int expectedVersion, List<EventEnvelope> events) {
        return documents.update(Participant.id(participant.site(), participant.number()), participant, expectedVersion, events);
    }

    public Optional<Participant> find(String site, String number) {
        return documents.find(Participant.id(site, number));
    }

    public List<Participant> listBySite(String site, int page, int size) {
        return documents.list(Filters.eq("site", site), Sorts.ascending("number"), page, size);
    }

    public long countBySite(String site) {
        return documents.count(Filters.eq("site", site));
    }

    public Set<String> withdrawnNumbers(String site) {
        return new HashSet<>(collection().find(Filters.and(Filters.eq("site", site),
                Filters.eq("consent", Participant.Consent.WITHDRAWN.name()))).map(d -> d.getString("number")).into(new ArrayList<>()));
    }
}
