package io.chorus.transcript.service;

import io.chorus.common.problem.ProblemException;
import io.chorus.transcript.event.OutboxRelay;
import io.chorus.transcript.event.TranscriptEvents;
import io.chorus.transcript.repository.Session;
import io.chorus.transcript.repository.SessionRepository;
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
    TranscriptEvents events;

    @Inject
    OutboxRelay relay;

    /** Idempotent by (site, external id): a repeat with the same data changes nothing. */
    public Upserted record(Session data) {
        for (int attempt = 0; attempt < 3; attempt++) {
            Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            var existing = sessions.find(data.site(), data.externalId());
            if (existing.isEmpty()) {
                Session created = data.stamped(1, now, now);
                if (sessions.insert(created, List.of(events.sessionRecorded(created)))) {
                    relay.wakeUp();
                    return new Upserted(created, true);
                }
                continue;
            }
            Session current = existing.get();
            if (current.sameData(data)) {
                return new Upserted(current, false);
            }
            Session changed = data.stamped(current.version() + 1, current.createdAt(), now);
            if (sessions.update(changed, current.version(), List.of(events.sessionRecorded(changed)))) {
                relay.wakeUp();
                return new Upserted(changed, false);
            }
        }
        throw ProblemException.conflict("Session is being changed concurrently; retry");
    }

    public Session get(String site, String externalId) {
        return sessions.find(site, externalId).orElseThrow(() -> ProblemException.notFound("Session '" + externalId + "'"));
    }
}
