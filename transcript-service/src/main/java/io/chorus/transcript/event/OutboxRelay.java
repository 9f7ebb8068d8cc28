package io.chorus.transcript.event;

import io.chorus.common.event.CloudEventMessages;
import io.chorus.common.event.EventEnvelope;
import io.chorus.common.event.RelayPass;
import io.chorus.common.event.RelayStatus;
import io.chorus.transcript.config.TranscriptConfig;
import com.mongodb.client.MongoCollection;
import io.chorus.transcript.repository.DocumentOutbox;
import io.chorus.transcript.repository.ParticipantRepository;
import io.chorus.transcript.repository.TranscriptRepository;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.jboss.logging.Logger;

/**
 * Publishes events written to the outbox of study, session, participant and transcript documents and removes each one only after Kafka
 * acknowledged it. A crash before the removal republishes the event; consumers drop the duplicate
 * by its id. Runs on a poll interval and immediately after a write that added events.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    @Inject
    TranscriptRepository repository;

    @Inject
    ParticipantRepository participants;

    @Inject
    io.chorus.transcript.repository.SessionRepository sessions;

    @Inject
    io.chorus.transcript.repository.StudyRepository studies;

    @Inject
    TranscriptConfig config;

    @Inject
    RelayStatus status;

    @Inject
    @Channel("transcript-events")
    MutinyEmitter<String> emitter;

    private ScheduledExecutorService executor;

    void start(@Observes StartupEvent startup) {
        executor = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "transcript-outbox-relay"));
        long interval = config.outboxPollInterval().toMillis();
        executor.scheduleWithFixedDelay(this::publishPendingSafely, interval, interval, TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent shutdown) {
        executor.shutdownNow();
    }

    public void wakeUp() {
        executor.execute(this::publishPendingSafely);
    }

    /** @return the number of events published in this pass; a document whose event fails waits, the others go on */
    public synchronized int publishPending() {
        RelayPass pass = new RelayPass();
        for (MongoCollection<Document> collection : List.of(studies.collection(), sessions.collection(), participants.collection(), repository.collection())) {
            Set<Object> waiting = new HashSet<>();
            List<Document> documents;
            do {
                documents = DocumentOutbox.withPendingEvents(collection, 100, waiting);
                for (Document document : documents) {
                    for (Document pending : document.getList(DocumentOutbox.FIELD, Document.class)) {
                        EventEnvelope event;
                        try {
                            event = DocumentOutbox.toEnvelope(pending);
                        } catch (RuntimeException unreadable) {
                            pass.hold(String.valueOf(document.get("_id")), unreadable);
                            waiting.add(document.get("_id"));
                            break;
                        }
                        if (!pass.publish(event, () -> emitter.sendMessageAndAwait(CloudEventMessages.toMessage(event, config.eventSource())),
                                () -> DocumentOutbox.markPublished(collection, document.get("_id"), event.id()))) {
                            waiting.add(document.get("_id"));
                            break;
                        }
                    }
                }
            } while (documents.size() == 100);
        }
        status.record(pass);
        return pass.published();
    }

    private void publishPendingSafely() {
        try {
            publishPending();
        } catch (RuntimeException e) {
            LOG.warnf("outbox relay will retry: %s", e.toString());
        }
    }
}
