package io.chorus.transcript.repository;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import io.chorus.common.event.EventEnvelope;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.bson.Document;

/** Project import jobs in MongoDB; the job's final write carries the event that hands its codings to coding-service. */
@ApplicationScoped
public class ProjectImportRepository {

    @Inject
    TranscriptRepository transcripts;

    @Inject
    ObjectMapper json;

    private VersionedDocuments<ProjectImport> documents;

    @PostConstruct
    void init() {
        documents = new VersionedDocuments<>(transcripts.database().getCollection("project_imports"), ProjectImport.class, json);
    }

    public MongoCollection<Document> collection() {
        return documents.collection();
    }

    public boolean insert(ProjectImport job) {
        return documents.insert(job.id(), job, List.of());
    }

    public boolean update(ProjectImport job, int expectedVersion, List<EventEnvelope> events) {
        return documents.update(job.id(), job, expectedVersion, events);
    }

    public Optional<ProjectImport> find(String id) {
        return documents.find(id);
    }

    /** Jobs a stopped process left queued or running fail visibly; importing the file again resumes them. */
    public void failInterrupted(Instant at) {
        collection().updateMany(Filters.in("status", ProjectImport.QUEUED, ProjectImport.RUNNING),
                Updates.combine(Updates.set("status", ProjectImport.FAILED), Updates.set("finishedAt", at.toString()),
                        Updates.inc("version", 1)));
    }
}
