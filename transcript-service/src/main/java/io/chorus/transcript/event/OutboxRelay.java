package io.chorus.transcript.event;

import io.chorus.common.event.CloudEventMessages;
import io.chorus.common.event.EventEnvelope;
import io.chorus.common.event.RelayLoop;
import io.chorus.common.event.RelayPass;
import io.chorus.common.event.RelayStatus;
import io.chorus.transcript.config.TranscriptConfig;
import com.mongodb.client.MongoCollection;
import io.chorus.transcript.store.DocumentOutbox;
import io.chorus.transcript.participant.repository.ParticipantRepository;
import io.chorus.transcript.transcript.repository.TranscriptRepository;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.bson.Document;
import org.eclipse.microprofile.reactive.messaging.Channel;

/**
 * Publishes events written to the outbox of study, session, participant, transcript and project import documents and removes each one only after Kafka
 * acknowledged it. A crash before the removal republishes the event; consumers drop the duplicate
 * by its id. Runs right after each write that added events ({@link DocumentOutbox#written}) and on a poll interval.
 */
@ApplicationScoped
public class OutboxRelay {

    @Inject
    TranscriptRepository repository;

    @Inject
    ParticipantRepository participants;

    @Inject
    io.chorus.transcript.session.repository.SessionRepository sessions;

    @Inject
    io.chorus.transcript.study.repository.StudyRepository studies;

    @Inject
    io.chorus.transcript.exchange.repository.ProjectImportRepository imports;

    @Inject
    TranscriptConfig config;

    @Inject
    RelayStatus status;

    @Inject
    EventParagraphs paragraphs;

    @Inject
    @Channel("transcript-events")
    MutinyEmitter<String> emitter;

    @Inject
    RelayLoop loop;

    @Inject
    io.chorus.transcript.erasure.KeyRelay keys;

    @Inject
    io.chorus.transcript.subjectaccess.SubjectAccess subjectAccess;

    @Inject
    io.chorus.transcript.store.RelayLease lease;

    void start(@Observes StartupEvent startup) {
        loop.start("transcript-outbox-relay", config.outboxPollInterval(), this::publishPending);
    }

    void stop(@Observes ShutdownEvent shutdown) {
        loop.stop();
    }

    /** @return the number of events published in this pass; a document whose event fails waits, the others go on */
    public synchronized int publishPending() {
        if (!lease.claim()) {
            return 0; // another instance relays now; its pass publishes these events
        }
        try {
            return publishPendingHoldingLease();
        } finally {
            lease.release();
        }
    }

    private int publishPendingHoldingLease() {
        RelayPass pass = new RelayPass();
        try {
            keys.publishPending();
        } catch (RuntimeException brokerAway) {
            pass.hold(io.chorus.common.crypto.KeyRecord.TOPIC, brokerAway);
            status.record(pass);
            return 0;
        }
        for (MongoCollection<Document> collection : List.of(studies.collection(), sessions.collection(), participants.collection(), repository.collection(),
                imports.collection(), subjectAccess.requests().collection())) {
            Set<Object> waiting = new HashSet<>();
            List<Document> documents;
            do {
                if (!lease.claim()) {
                    break; // the lease ran out during a long pass and another instance took over
                }
                documents = DocumentOutbox.withPendingEvents(collection, 100, waiting);
                for (Document document : documents) {
                    for (Document pending : document.getList(DocumentOutbox.FIELD, Document.class)) {
                        EventEnvelope event;
                        try {
                            event = paragraphs.attach(DocumentOutbox.toEnvelope(pending));
                            keys.publishPending(); // the keys an event is sealed with reach the key topic before it
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

}
