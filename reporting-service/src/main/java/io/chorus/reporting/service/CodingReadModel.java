package io.chorus.reporting.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.chorus.common.event.EventEnvelope;
import io.chorus.common.event.EventPayloads;
import io.chorus.common.event.ProcessedEvents;
import io.chorus.reporting.event.CodeChanged;
import io.chorus.reporting.event.CodingRemoved;
import io.chorus.reporting.event.ConsensusReached;
import io.chorus.reporting.event.PassageCoded;
import io.chorus.reporting.repository.CodingFactRow;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Map;

/** The live codings, kept from coding events; a redelivered event is applied once, an older revision never. */
@ApplicationScoped
@Transactional
public class CodingReadModel {

    static final String CONSUMER = "reporting-service/coding-events";

    @Inject
    ObjectMapper json;

    public void apply(EventEnvelope event) {
        if (!ProcessedEvents.markFirstDelivery(Panache.getEntityManager(), CONSUMER, event.id())) {
            return;
        }
        switch (event.type()) {
            case PassageCoded.TYPE -> coded(EventPayloads.read(json, event, PassageCoded.class));
            case CodingRemoved.TYPE -> CodingFactRow.deleteById(EventPayloads.read(json, event, CodingRemoved.class).codingId());
            case ConsensusReached.TYPE -> consensus(EventPayloads.read(json, event, ConsensusReached.class));
            case CodeChanged.TYPE -> codeChanged(EventPayloads.read(json, event, CodeChanged.class));
            default -> {
                // codebook-published and construct-rated are not part of these reports yet
            }
        }
    }

    private void coded(PassageCoded coded) {
        CodingFactRow row = CodingFactRow.findById(coded.codingId());
        if (row == null) {
            row = new CodingFactRow();
            row.codingId = coded.codingId();
        } else if (row.revision > coded.revision()) {
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
    }

    private void codeChanged(CodeChanged changed) {
        if ("merged".equals(changed.change()) && changed.into() != null) {
            CodingFactRow.update("codeId = ?1 where codeId = ?2", changed.into(), changed.codeId());
        } else if ("split".equals(changed.change()) && changed.assignments() != null) {
            for (Map.Entry<String, String> moved : changed.assignments().entrySet()) {
                CodingFactRow.update("codeId = ?1 where codingId = ?2", moved.getValue(), moved.getKey());
            }
        }
    }
}
