package io.chorus.reporting.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.chorus.common.event.EventRouter;
import io.chorus.reporting.event.consumed.ParagraphsWithdrawn;
import io.chorus.reporting.event.consumed.ParticipantRecorded;
import io.chorus.reporting.event.consumed.SessionRecorded;
import io.chorus.reporting.event.consumed.TranscriptReleased;
import io.chorus.reporting.event.consumed.TranscriptWithdrawn;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;

/** Sessions, participants, released transcripts and their paragraphs, from transcript events (already de-duplicated). */
@ApplicationScoped
@Transactional
public class TranscriptFacts {

    /** What a quote's original reads once the retention of its study ended (as transcript-service writes it). */
    static final String ORIGINAL_ERASED = "[original erased]";

    @Inject
    Sql sql;

    @Inject
    ObjectMapper json;

    @Inject
    CodeCells cells;

    @Inject
    io.chorus.common.crypto.EventKeys keys;

    /** The facts' handlers, after progress's own for the same transcript events. */
    void routes(EventRouter router) {
        router.onEvent(SessionRecorded.class, this::session)
                .onEvent(ParticipantRecorded.class, this::participant)
                .onEvent(ParticipantRecorded.WITHDRAWN, ParticipantRecorded.class, withdrawn ->
                        sql.update("delete from participant_fact where site = ?1 and participant = ?2", withdrawn.site(), withdrawn.participant()))
                .onEvent(TranscriptReleased.class, released -> released(released.opened(keys::open)))
                .onEvent(TranscriptWithdrawn.class, this::withdrawn)
                .onEvent(io.chorus.reporting.event.consumed.OriginalsErased.class, erased -> sql.update(
                        "update paragraph_fact set text = ?2 where transcript_id = ?1", erased.transcriptId(), ORIGINAL_ERASED))
                .onEvent(ParagraphsWithdrawn.class, withdrawn -> sql.update("delete from paragraph_fact where transcript_id = ?1 and n in (?2)",
                        withdrawn.transcriptId(), withdrawn.paragraphs()));
    }

    private void withdrawn(TranscriptWithdrawn withdrawn) {
        sql.update("delete from coding_fact where transcript_id = ?1", withdrawn.transcriptId());
        cells.refresh(withdrawn.transcriptId());
        sql.update("delete from transcript_fact where transcript_id = ?1", withdrawn.transcriptId());
    }

    private void session(SessionRecorded s) {
        Object version = sql.single("select version from session_fact where site = ?1 and external_id = ?2", s.site(), s.externalId());
        if (!EventRouter.isNewer((Number) version, s.version())) {
            return;
        }
        sql.update("delete from session_fact where site = ?1 and external_id = ?2", s.site(), s.externalId());
        sql.update("insert into session_fact values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)", s.site(), s.externalId(), s.study(),
                s.phase(), s.kind(), s.date(), s.durationMinutes(), s.participantGroup(),
                s.participants() == null ? "" : String.join(",", s.participants()), s.version());
        cells.refreshSession(s.site(), s.externalId());
    }

    private void participant(ParticipantRecorded p) {
        Object version = sql.single("select version from participant_fact where site = ?1 and participant = ?2", p.site(), p.participant());
        if (!EventRouter.isNewer((Number) version, p.version())) {
            return;
        }
        sql.update("delete from participant_fact where site = ?1 and participant = ?2", p.site(), p.participant());
        sql.update("insert into participant_fact values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)", p.site(), p.participant(), p.gender(),
                p.age(), p.role(), p.professionalBackground(), p.previousPeerSupportExperience(), p.version());
    }

    private void released(TranscriptReleased t) {
        Object version = sql.single("select version from transcript_fact where transcript_id = ?1", t.transcriptId());
        if (!EventRouter.isNewer((Number) version, t.version())) {
            return;
        }
        if (version == null) {
            sql.update("insert into transcript_fact (transcript_id, site, session, language, version, released_at) "
                    + "values (?1, ?2, ?3, ?4, ?5, ?6)", t.transcriptId(), t.site(), t.session(), t.language(), t.version(),
                    Timestamp.from(t.releasedAt()));
        } else {
            sql.update("update transcript_fact set session = ?2, language = ?3, version = ?4, released_at = ?5 where transcript_id = ?1",
                    t.transcriptId(), t.session(), t.language(), t.version(), Timestamp.from(t.releasedAt()));
        }
        sql.update("delete from paragraph_fact where transcript_id = ?1", t.transcriptId());
        for (TranscriptReleased.Paragraph p : t.paragraphs()) {
            sql.update("insert into paragraph_fact values (?1, ?2, ?3, ?4, ?5, ?6)", t.transcriptId(), p.n(), p.label(),
                    p.speaker(), p.text(), p.english() == null ? p.text() : p.english());
        }
        cells.refresh(t.transcriptId());
    }
}
