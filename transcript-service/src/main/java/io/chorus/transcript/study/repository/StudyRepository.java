package io.chorus.transcript.study.repository;

import io.chorus.transcript.transcript.repository.TranscriptRepository;
import io.chorus.transcript.store.VersionedDocuments;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Sorts;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import org.bson.Document;

/** Studies in MongoDB, keyed by their code. */
@ApplicationScoped
public class StudyRepository {

    @Inject
    TranscriptRepository transcripts;

    @Inject
    ObjectMapper json;

    private VersionedDocuments<Study> documents;

    @PostConstruct
    void init() {
        documents = new VersionedDocuments<>(transcripts.database().getCollection("studies"), Study.class, json);
    }

    public MongoCollection<Document> collection() {
        return documents.collection();
    }

    public VersionedDocuments<Study> documents() {
        return documents;
    }

    public Optional<Study> find(String code) {
        return documents.find(code);
    }

    public List<Study> all() {
        return documents.list(new Document(), Sorts.ascending("code"), 0, 1000);
    }
}
