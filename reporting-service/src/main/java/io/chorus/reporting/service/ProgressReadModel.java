package io.chorus.reporting.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.chorus.common.event.EventEnvelope;
import io.chorus.common.event.EventPayloads;
import io.chorus.common.event.ProcessedEvents;
import io.chorus.reporting.event.TranscriptReleased;
import io.chorus.reporting.repository.ReleasedTranscriptRow;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Collection;
import java.util.List;

/** Per-site progress, kept current from transcript events; a redelivered event is counted once. */
@ApplicationScoped
@Transactional
public class ProgressReadModel {

    static final String CONSUMER = "reporting-service/transcript-events";

    public record SiteProgress(String site, long released) {
    }

    @Inject
    ObjectMapper json;

    public void apply(EventEnvelope event) {
        if (!ProcessedEvents.markFirstDelivery(Panache.getEntityManager(), CONSUMER, event.id())) {
            return;
        }
        if (TranscriptReleased.TYPE.equals(event.type())) {
            released(parse(event));
        }
    }

    private void released(TranscriptReleased released) {
        ReleasedTranscriptRow row = ReleasedTranscriptRow.findById(released.transcriptId());
        if (row == null) {
            row = new ReleasedTranscriptRow();
            row.transcriptId = released.transcriptId();
        } else if (row.version >= released.version()) {
            return;
        }
        row.site = released.site();
        row.version = released.version();
        row.releasedAt = released.releasedAt();
        row.persist();
    }

    /** @param sites null for every site */
    public List<SiteProgress> progress(Collection<String> sites) {
        String where = sites == null ? "" : " where r.site in :sites";
        var query = Panache.getEntityManager().createQuery("select new " + SiteProgress.class.getName()
                + "(r.site, count(r)) from ReleasedTranscriptRow r" + where + " group by r.site order by r.site", SiteProgress.class);
        if (sites != null) {
            query.setParameter("sites", sites);
        }
        return query.getResultList();
    }

    TranscriptReleased parse(EventEnvelope event) {
        return EventPayloads.read(json, event, TranscriptReleased.class);
    }
}
