package io.chorus.reporting.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.chorus.common.event.EventEnvelope;
import io.chorus.common.event.EventPayloads;
import io.chorus.common.event.EventRouter;
import jakarta.annotation.PostConstruct;
import io.chorus.reporting.event.consumed.TranscriptReleased;
import io.chorus.reporting.event.consumed.TranscriptStatusChanged;
import io.chorus.reporting.event.consumed.TranscriptWithdrawn;
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
        row.session = changed.session();
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

    /**
     * @param sites null for every site
     * @param study null for every study; else only the transcripts whose session belongs to it
     */
    public List<SiteProgress> progress(Collection<String> sites, String study) {
        Map<String, long[]> counts = new TreeMap<>();
        // the transcripts counted: of the caller's sites, and of the study when one is named (through their session)
        String inStudy = "exists (select 1 from session_fact s where s.site = %1$s.site and s.external_id = %1$s.session and s.study = :study)";
        String factOf = "exists (select 1 from transcript_fact f where f.transcript_id = %1$s.transcript_id and "
                + inStudy.formatted("f") + ")";
        var stages = query("select r.site, r.stage, count(*) from transcript_stage r", "r", sites, study, inStudy.formatted("r"),
                " group by r.site, r.stage");
        var released = query("select r.site, count(*) from released_transcript r", "r", sites, study, factOf.formatted("r"),
                " group by r.site");
        for (Object row : stages.getResultList()) {
            Object[] values = (Object[]) row;
            long[] reached = counts.computeIfAbsent((String) values[0], site -> new long[7]);
            for (int stage = 0; stage <= ((Number) values[1]).intValue() && stage < 4; stage++) {
                reached[stage] += ((Number) values[2]).longValue();
            }
        }
        for (Object row : released.getResultList()) {
            Object[] values = (Object[]) row;
            counts.computeIfAbsent((String) values[0], site -> new long[7])[4] = ((Number) values[1]).longValue();
        }
        var coded = query("select f.site, count(*) filter (where coded), count(*) filter (where double_coded) from transcript_fact f",
                "f", sites, study, inStudy.formatted("f"), " group by f.site");
        for (Object row : coded.getResultList()) {
            Object[] values = (Object[]) row;
            long[] reached = counts.computeIfAbsent((String) values[0], site -> new long[7]);
            reached[5] = ((Number) values[1]).longValue();
            reached[6] = ((Number) values[2]).longValue();
        }
        // the latest measurement of each transcript, averaged per site
        var agreement = query("select a.site, count(*), avg(percent), avg(kappa), avg(alpha) from (select distinct on (transcript_id) * "
                + "from agreement_fact order by transcript_id, measured_at desc) a", "a", sites, study,
                factOf.formatted("a"), " group by a.site");
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

    /** A native query of {@code from}, restricted to the sites and, when a study is named, by {@code studyCondition}. */
    private static jakarta.persistence.Query query(String from, String alias, Collection<String> sites, String study,
            String studyCondition, String groupBy) {
        List<String> conditions = new java.util.ArrayList<>();
        if (sites != null) {
            conditions.add(alias + ".site in (:sites)");
        }
        if (study != null) {
            conditions.add(studyCondition);
        }
        var query = Panache.getEntityManager().createNativeQuery(from + (conditions.isEmpty() ? "" : " where "
                + String.join(" and ", conditions)) + groupBy);
        if (sites != null) {
            query.setParameter("sites", sites);
        }
        if (study != null) {
            query.setParameter("study", study);
        }
        return query;
    }

    private static Double number(Object value) {
        return value == null ? null : ((Number) value).doubleValue();
    }

    TranscriptReleased parse(EventEnvelope event) {
        return EventPayloads.read(json, event, TranscriptReleased.class);
    }
}
