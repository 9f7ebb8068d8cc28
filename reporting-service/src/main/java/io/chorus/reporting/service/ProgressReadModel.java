package io.chorus.reporting.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.chorus.common.event.EventEnvelope;
import io.chorus.common.event.EventPayloads;
import io.chorus.common.event.EventRouter;
import jakarta.annotation.PostConstruct;
import io.chorus.reporting.event.TranscriptReleased;
import io.chorus.reporting.event.TranscriptStatusChanged;
import io.chorus.reporting.event.TranscriptWithdrawn;
import io.chorus.reporting.repository.ReleasedTranscriptRow;
import io.chorus.reporting.repository.TranscriptStageRow;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Per-site progress, kept current from transcript events; a redelivered event is counted once. */
@ApplicationScoped
@Transactional
public class ProgressReadModel {

    public static final String CONSUMER = "reporting-service/transcript-events";

    /** Transcripts of a site that have reached each stage of the workflow. */
    public record SiteProgress(String site, long uploaded, long backChecked, long translated, long reviewed, long released,
            long coded, long doubleCoded, long agreementMeasured, Double meanPercentAgreement, Double meanKappa, Double meanAlpha) {
    }

    @Inject
    ObjectMapper json;

    @Inject
    TranscriptFacts facts;

    private EventRouter router;

    @PostConstruct
    void routes() {
        router = EventRouter.forConsumer(CONSUMER)
                .onEvent(TranscriptReleased.class, this::released)
                .onEvent(TranscriptWithdrawn.class, this::withdrawn)
                .onEvent(TranscriptStatusChanged.class, this::statusChanged);
        facts.routes(router);
    }

    public void apply(EventEnvelope event) {
        router.apply(Panache.getEntityManager(), json, event);
    }

    private void withdrawn(TranscriptWithdrawn withdrawn) {
        ReleasedTranscriptRow.deleteById(withdrawn.transcriptId());
        TranscriptStageRow.deleteById(withdrawn.transcriptId());
    }

    private void statusChanged(TranscriptStatusChanged changed) {
        int stage = TranscriptStageRow.STAGES.indexOf(changed.status());
        if (stage < 0) {
            throw new IllegalArgumentException("unknown transcript status " + changed.status());
        }
        TranscriptStageRow row = TranscriptStageRow.findById(changed.transcriptId());
        if (row == null) {
            row = new TranscriptStageRow();
            row.transcriptId = changed.transcriptId();
        } else if (!EventRouter.isNewer(row.version, changed.version())) {
            return;
        }
        row.site = changed.site();
        row.stage = stage;
        row.version = changed.version();
        row.persist();
    }

    private void released(TranscriptReleased released) {
        ReleasedTranscriptRow row = ReleasedTranscriptRow.findById(released.transcriptId());
        if (row == null) {
            row = new ReleasedTranscriptRow();
            row.transcriptId = released.transcriptId();
        } else if (!EventRouter.isNewer(row.version, released.version())) {
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
        Map<String, long[]> counts = new TreeMap<>();
        var stages = Panache.getEntityManager().createQuery("select r.site, r.stage, count(r) from TranscriptStageRow r" + where
                + " group by r.site, r.stage", Object[].class);
        var released = Panache.getEntityManager().createQuery("select r.site, count(r) from ReleasedTranscriptRow r" + where
                + " group by r.site", Object[].class);
        if (sites != null) {
            stages.setParameter("sites", sites);
            released.setParameter("sites", sites);
        }
        for (Object[] row : stages.getResultList()) {
            long[] reached = counts.computeIfAbsent((String) row[0], site -> new long[7]);
            for (int stage = 0; stage <= (Integer) row[1] && stage < 4; stage++) {
                reached[stage] += (Long) row[2];
            }
        }
        for (Object[] row : released.getResultList()) {
            counts.computeIfAbsent((String) row[0], site -> new long[7])[4] = (Long) row[1];
        }
        String siteFilter = sites == null ? "" : " where site in (:sites)";
        var coded = Panache.getEntityManager().createNativeQuery("select site, count(*) filter (where coded), "
                + "count(*) filter (where double_coded) from transcript_fact" + siteFilter + " group by site");
        if (sites != null) {
            coded.setParameter("sites", sites);
        }
        for (Object row : coded.getResultList()) {
            Object[] values = (Object[]) row;
            long[] reached = counts.computeIfAbsent((String) values[0], site -> new long[7]);
            reached[5] = ((Number) values[1]).longValue();
            reached[6] = ((Number) values[2]).longValue();
        }
        // the latest measurement of each transcript, averaged per site
        var agreement = Panache.getEntityManager().createNativeQuery("select site, count(*), avg(percent), avg(kappa), avg(alpha) "
                + "from (select distinct on (transcript_id) * from agreement_fact order by transcript_id, measured_at desc) a"
                + siteFilter + " group by site");
        if (sites != null) {
            agreement.setParameter("sites", sites);
        }
        Map<String, Object[]> agreed = new TreeMap<>();
        for (Object row : agreement.getResultList()) {
            Object[] values = (Object[]) row;
            agreed.put((String) values[0], values);
            counts.computeIfAbsent((String) values[0], site -> new long[7]);
        }
        return counts.entrySet().stream().map(e -> {
            Object[] a = agreed.get(e.getKey());
            return new SiteProgress(e.getKey(), e.getValue()[0], e.getValue()[1], e.getValue()[2], e.getValue()[3],
                    e.getValue()[4], e.getValue()[5], e.getValue()[6], a == null ? 0 : ((Number) a[1]).longValue(),
                    a == null ? null : number(a[2]), a == null ? null : number(a[3]), a == null ? null : number(a[4]));
        }).toList();
    }

    private static Double number(Object value) {
        return value == null ? null : ((Number) value).doubleValue();
    }

    TranscriptReleased parse(EventEnvelope event) {
        return EventPayloads.read(json, event, TranscriptReleased.class);
    }
}
