package io.chorus.transcript.session.repository;

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
import java.util.List;
import java.util.Optional;
import org.bson.Document;

/** Sessions in MongoDB, keyed by site and the site's external id. */
@ApplicationScoped
public class SessionRepository {

    @Inject
    TranscriptRepository transcripts;

    @Inject
    ObjectMapper json;

    private VersionedDocuments<Session> documents;

    @PostConstruct
    void init() {
        documents = new VersionedDocuments<>(transcripts.database().getCollection("sessions"), Session.class, json);
    }

    public MongoCollection<Document> collection() {
        return documents.collection();
    }

    public VersionedDocuments<Session> documents() {
        return documents;
    }

    public boolean insert(Session session, List<EventEnvelope> events) {
        return documents.insert(Session.id(session.site(), session.externalId()), session, events);
    }

    public boolean update(Session session, int expectedVersion, List<EventEnvelope> events) {
        return documents.update(Session.id(session.site(), session.externalId()), session, expectedVersion, events);
    }

    public Optional<Session> find(String site, String externalId) {
        return documents.find(Session.id(site, externalId));
    }

    public List<Session> listBySite(String site, int page, int size) {
        return documents.list(Filters.eq("site", site), Sorts.ascending("date", "externalId"), page, size);
    }

    /** Every session of a study, at every site. */
    public List<Session> ofStudy(String study) {
        return documents.list(Filters.eq("study", study), Sorts.ascending("site", "externalId"), 0, Integer.MAX_VALUE);
    }

    public long countBySite(String site) {
        return documents.count(Filters.eq("site", site));
    }
}
