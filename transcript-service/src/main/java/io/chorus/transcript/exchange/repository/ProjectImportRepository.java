package io.chorus.transcript.exchange.repository;

import io.chorus.transcript.transcript.repository.TranscriptRepository;
import io.chorus.transcript.store.VersionedDocuments;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import io.chorus.common.event.EventEnvelope;
import io.chorus.common.jobs.JobRunners;
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

    /** Records a job that this process runs. */
    public boolean insert(ProjectImport job) {
        return documents.insert(job.id(), job, List.of(), runByThisProcess());
    }

    /** Records a failed job again, queued to run in this process. */
    public boolean requeue(ProjectImport job, int expectedVersion) {
        return documents.update(job.id(), job, expectedVersion, List.of(), runByThisProcess());
    }

    private static java.util.Map<String, Object> runByThisProcess() {
        return java.util.Map.of("runner", JobRunners.id(), "heartbeatAt", new java.util.Date());
    }

    public boolean update(ProjectImport job, int expectedVersion, List<EventEnvelope> events) {
        return documents.update(job.id(), job, expectedVersion, events);
    }

    public Optional<ProjectImport> find(String id) {
        return documents.find(id);
    }

    /** Another import job of the site that made a transcript of this source, if one did. */
    public Optional<ProjectImport> importedBefore(String site, String sourceGuid, String exceptJob) {
        return documents.list(Filters.and(Filters.eq("site", site), Filters.eq("transcripts.sourceGuid", sourceGuid),
                Filters.ne("_id", exceptJob)), com.mongodb.client.model.Sorts.ascending("createdAt"), 0, 1).stream().findFirst();
    }

    /**
     * Marks this process's unfinished jobs alive, and fails visibly those whose process is gone (an earlier process of this
     * instance, or a runner silent for {@link JobRunners#ABANDONED_AFTER}); importing the file again resumes them.
     */
    public void heartbeat(Instant at) {
        var unfinished = Filters.in("status", ProjectImport.QUEUED, ProjectImport.RUNNING);
        collection().updateMany(Filters.and(unfinished, Filters.eq("runner", JobRunners.id())), Updates.set("heartbeatAt", java.util.Date.from(at)));
        collection().updateMany(Filters.and(unfinished, Filters.or(Filters.exists("heartbeatAt", false),
                        Filters.lt("heartbeatAt", java.util.Date.from(JobRunners.abandonedBefore())),
                        Filters.and(Filters.regex("runner", "^" + JobRunners.instancePrefix().replaceAll("([^A-Za-z0-9])", "\\\\$1")),
                                Filters.ne("runner", JobRunners.id())))),
                Updates.combine(Updates.set("status", ProjectImport.FAILED), Updates.set("finishedAt", at.toString()),
                        Updates.inc("version", 1)));
    }
}
