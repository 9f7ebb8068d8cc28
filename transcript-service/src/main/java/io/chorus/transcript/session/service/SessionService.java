package io.chorus.transcript.session.service;

import io.chorus.common.problem.ProblemException;
import io.chorus.transcript.event.TranscriptEvents;
import io.chorus.transcript.session.repository.Session;
import io.chorus.transcript.session.repository.SessionRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

@ApplicationScoped
public class SessionService {

    public record Upserted(Session session, boolean created) {
    }

    @Inject
    SessionRepository sessions;

    @Inject
    io.chorus.transcript.study.repository.StudyRepository studies;

    @Inject
    TranscriptEvents events;


    /** Idempotent by (site, external id): a repeat with the same data changes nothing. */
    public Upserted record(Session data) {
        return record(data, null);
    }

    /** The same, under the precondition of a conditional request (null for none), checked atomically with the write. */
    public Upserted record(Session data, java.util.function.Predicate<Session> precondition) {
        var study = studies.find(data.study())
                .orElseThrow(() -> ProblemException.invalid("/study", "No study '" + data.study() + "' is registered"));
        if (!study.phases().contains(data.phase())) {
            throw ProblemException.invalid("/phase", "Study " + study.code() + " has the phases " + String.join(", ", study.phases()));
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        var result = sessions.documents().upsert(Session.id(data.site(), data.externalId()),
                () -> data.stamped(1, now, now),
                current -> current.sameData(data) ? null : data.stamped(current.version() + 1, current.createdAt(), now),
                Session::version, session -> List.of(events.sessionRecorded(session)), precondition);
        return new Upserted(result.record(), result.created());
    }

    public Session get(String site, String externalId) {
        return sessions.find(site, externalId).orElseThrow(() -> ProblemException.notFound("Session '" + externalId + "'"));
    }
}
