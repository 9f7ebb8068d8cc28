package io.chorus.reporting.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.chorus.common.event.EventEnvelope;
import io.chorus.common.event.EventRouter;
import jakarta.annotation.PostConstruct;
import io.chorus.reporting.event.consumed.AgreementMeasured;
import io.chorus.reporting.event.consumed.CodeChanged;
import io.chorus.reporting.event.consumed.CodebookPublished;
import io.chorus.reporting.event.consumed.ConstructRated;
import io.chorus.reporting.event.consumed.CodingRemoved;
import io.chorus.reporting.event.consumed.ConsensusReached;
import io.chorus.reporting.event.consumed.PassageCoded;
import io.chorus.reporting.event.consumed.PhaseCodebookAssigned;
import io.chorus.reporting.repository.CodingFactRow;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** The live codings, kept from coding events; a redelivered event is applied once, an older revision never. */
@ApplicationScoped
@Transactional
public class CodingReadModel {

    public static final String CONSUMER = "reporting-service/coding-events";

    @Inject
    ObjectMapper json;

    @Inject
    Sql sql;

    @Inject
    CodeCells cells;

    private EventRouter router;

    @PostConstruct
    void routes() {
        router = EventRouter.forConsumer(CONSUMER)
                .onEvent(PassageCoded.class, this::coded)
                .onEvent(CodingRemoved.class, this::removed)
                .onEvent(ConsensusReached.class, this::consensus)
                .onEvent(CodeChanged.class, this::codeChanged)
                .onEvent(CodebookPublished.class, this::published)
                .onEvent(ConstructRated.class, this::rated)
                .onEvent(AgreementMeasured.class, this::measured)
                .onEvent(PhaseCodebookAssigned.class, this::phaseAssigned);
    }

    /** Other coding events carry nothing these reports use. */
    public void apply(EventEnvelope event) {
        router.apply(Panache.getEntityManager(), json, event);
    }

    private void removed(CodingRemoved removed) {
        CodingFactRow row = CodingFactRow.findById(removed.codingId());
        if (row != null) {
            row.delete();
            Panache.getEntityManager().flush();
            cells.refresh(row.transcriptId);
        }
    }

    private void published(CodebookPublished published) {
        Set<String> codes = new HashSet<>();
        for (CodebookPublished.Code code : published.codes()) {
            sql.update("delete from code_fact where code_id = ?1", code.id());
            sql.update("insert into code_fact values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)", code.id(), published.codebookId(),
                    published.name(), published.version(), code.parentId(), code.name(), code.frameworkRef(), code.codable());
            sql.update("insert into code_in_version values (?1, ?2, ?3) on conflict do nothing", published.codebookId(),
                    published.version(), code.id());
            codes.add(code.id());
        }
        cells.refreshCodes(codes);
    }

    private void measured(AgreementMeasured m) {
        sql.update("delete from agreement_fact where transcript_id = ?1 and round_id = ?2", m.transcriptId(), m.roundId());
        sql.update("insert into agreement_fact values (?1, ?2, ?3, ?4, ?5, ?6, ?7)", m.transcriptId(), m.roundId(), m.site(),
                m.percentAgreement(), m.cohenKappa() != null ? m.cohenKappa() : m.fleissKappa(), m.krippendorffAlpha(),
                java.sql.Timestamp.from(m.measuredAt()));
    }

    private void phaseAssigned(PhaseCodebookAssigned assigned) {
        sql.update("insert into phase_codebook values (?1, ?2, ?3) on conflict (study, phase) do update set codebook_id = ?3",
                assigned.study(), assigned.phase(), assigned.codebookId());
    }

    private void rated(ConstructRated rated) {
        String phase = rated.phase() == null ? "" : rated.phase();
        sql.update("delete from construct_rating_fact where site = ?1 and code_id = ?2 and phase = ?3", rated.site(), rated.codeId(), phase);
        sql.update("insert into construct_rating_fact values (?1, ?2, ?3, ?4, ?5, ?6)", rated.site(), rated.codeId(), phase,
                rated.rating(), rated.ratedBy(), java.sql.Timestamp.from(rated.ratedAt()));
    }

    private void coded(PassageCoded coded) {
        CodingFactRow row = CodingFactRow.findById(coded.codingId());
        if (row == null) {
            row = new CodingFactRow();
            row.codingId = coded.codingId();
        } else if (!EventRouter.isNewer(row.revision, coded.revision())) {
            return;
        }
        row.transcriptId = coded.transcriptId();
        row.site = coded.site();
        row.codeId = coded.codeId();
        row.coder = coded.coder();
        row.roundId = coded.roundId();
        row.consensus = false;
        row.firstParagraph = coded.firstParagraph();
        row.lastParagraph = coded.lastParagraph();
        row.valence = coded.valence();
        row.revision = coded.revision();
        row.persist();
        Panache.getEntityManager().flush();
        cells.refresh(coded.transcriptId());
    }

    /** The set replaces the transcript's earlier consensus of the same round. */
    private void consensus(ConsensusReached reached) {
        CodingFactRow.delete("transcriptId = ?1 and roundId = ?2 and consensus = true", reached.transcriptId(), reached.roundId());
        Panache.getEntityManager().flush();
        for (ConsensusReached.Decided decided : reached.codings()) {
            CodingFactRow row = new CodingFactRow();
            row.codingId = decided.codingId();
            row.transcriptId = reached.transcriptId();
            row.site = reached.site();
            row.codeId = decided.codeId();
            row.coder = reached.decidedBy();
            row.roundId = reached.roundId();
            row.consensus = true;
            row.firstParagraph = decided.firstParagraph();
            row.lastParagraph = decided.lastParagraph();
            row.valence = decided.valence();
            row.persist();
        }
        Panache.getEntityManager().flush();
        cells.refresh(reached.transcriptId());
    }

    private void codeChanged(CodeChanged changed) {
        Set<String> affected = new HashSet<>();
        if ("merged".equals(changed.change()) && changed.into() != null) {
            affected.add(changed.into());
            CodingFactRow.update("codeId = ?1 where codeId = ?2", changed.into(), changed.codeId());
        } else if ("split".equals(changed.change()) && changed.assignments() != null) {
            affected.addAll(changed.assignments().values());
            for (Map.Entry<String, String> moved : changed.assignments().entrySet()) {
                CodingFactRow.update("codeId = ?1 where codingId = ?2", moved.getValue(), moved.getKey());
            }
        } else if ("renamed".equals(changed.change()) || "moved".equals(changed.change())) {
            sql.update("update code_fact set name = ?2, parent_id = ?3 where code_id = ?1", changed.codeId(), changed.name(),
                    changed.parentId());
            // a move changes which ancestors the codings roll up to
            affected.add(changed.codeId());
            sql.rows("with recursive down(code_id) as (select ?1 union all select c.code_id from code_fact c "
                    + "join down on c.parent_id = down.code_id) select code_id from down", changed.codeId())
                    .forEach(row -> affected.add((String) row[0]));
        }
        Panache.getEntityManager().flush();
        cells.refreshCodes(affected);
    }
}
