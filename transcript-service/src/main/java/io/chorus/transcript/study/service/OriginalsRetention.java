package io.chorus.transcript.study.service;

import io.chorus.common.problem.ProblemException;
import io.chorus.transcript.erasure.DataKeyStore;
import io.chorus.transcript.event.TranscriptEvents;
import io.chorus.transcript.session.repository.Session;
import io.chorus.transcript.session.repository.SessionRepository;
import io.chorus.transcript.study.repository.Study;
import io.chorus.transcript.study.repository.StudyRepository;
import io.chorus.transcript.transcript.repository.Transcript;
import io.chorus.transcript.transcript.repository.TranscriptRepository;
import io.chorus.transcript.transcript.repository.TranscriptVersions;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * A study's retention end: the day after {@code originalsKeptUntil}, every non-English original of its transcripts is
 * erased the way a withdrawal erases words. Here, in each transcript and its kept versions; in the events Kafka keeps,
 * by destroying the data keys of the originals; in coding-service and reporting-service, by the
 * {@value TranscriptEvents#ORIGINALS_ERASED} event. English originals stay: they are the text analysis uses. The study
 * keeps a report of what was erased. Checked every hour and at start; an admin may run it at once.
 */
@ApplicationScoped
public class OriginalsRetention {

    private static final Logger LOG = Logger.getLogger(OriginalsRetention.class);
    public static final String ERASED_TEXT = "[original erased]";
    static final String BY = "retention";

    @Inject
    StudyRepository studies;

    @Inject
    SessionRepository sessions;

    @Inject
    TranscriptRepository transcripts;

    @Inject
    TranscriptVersions versions;

    @Inject
    TranscriptEvents events;

    @Inject
    DataKeyStore keys;

    @Inject
    io.chorus.common.http.IdempotencyStore idempotency;

    @Scheduled(every = "${chorus.transcripts.retention-check-interval}", delayed = "${chorus.transcripts.retention-first-check}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void check() {
        eraseDue(LocalDate.now(ZoneOffset.UTC));
    }

    /** @return the studies whose originals were erased now */
    public List<Study> eraseDue(LocalDate today) {
        List<Study> erased = new ArrayList<>();
        for (Study study : studies.all()) {
            if (due(study, today)) {
                erased.add(erase(study));
            }
        }
        return erased;
    }

    /** Runs a study's erasure at once: refused (409) before its end date; repeating it changes nothing new and returns the report. */
    public Study eraseNow(String code, LocalDate today) {
        Study study = studies.find(code).orElseThrow(() -> ProblemException.notFound("Study '" + code + "'"));
        if (!due(study, today)) {
            throw ProblemException.conflict(study.originalsKeptUntil() == null
                    ? "Study '" + code + "' keeps its originals: it has no originalsKeptUntil"
                    : "Study '" + code + "' keeps its originals until " + study.originalsKeptUntil());
        }
        return erase(study);
    }

    /** Past its end a study is checked again each time: a transcript pushed into it later loses its original too. */
    private static boolean due(Study study, LocalDate today) {
        return study.originalsKeptUntil() != null && study.originalsKeptUntil().isBefore(today);
    }

    private Study erase(Study study) {
        int erasedTranscripts = 0;
        int paragraphs = 0;
        int englishKept = 0;
        long keysDestroyed = 0;
        for (Session session : sessions.ofStudy(study.code())) {
            for (Transcript transcript : transcripts.ofSession(session.site(), session.externalId())) {
                if (transcript.status() == Transcript.Status.WITHDRAWN) {
                    continue;
                }
                if (transcript.isEnglishOriginal()) {
                    englishKept++;
                    continue;
                }
                int erased = eraseOriginals(transcript, study);
                versions.replaceOriginals(transcript.id(), ERASED_TEXT);
                keysDestroyed += keys.destroyOriginals(transcript.id());
                idempotency.redact(transcript.id());
                if (erased > 0) {
                    erasedTranscripts++;
                    paragraphs += erased;
                }
            }
        }
        Study current = studies.find(study.code()).orElseThrow();
        Study.OriginalsErasure before = current.originalsErased();
        if (before != null && erasedTranscripts == 0 && keysDestroyed == 0) {
            return current; // nothing new since the last erasure
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Study.OriginalsErasure report = before == null
                ? new Study.OriginalsErasure(now, erasedTranscripts, paragraphs, englishKept, keysDestroyed)
                : new Study.OriginalsErasure(now, before.transcripts() + erasedTranscripts, before.paragraphs() + paragraphs, englishKept,
                        before.keysDestroyed() + keysDestroyed);
        Study reported = current.erased(report, current.version() + 1, now);
        if (!studies.documents().update(study.code(), reported, current.version(), List.of(events.studyRecorded(reported)))) {
            throw ProblemException.conflict("Study '" + study.code() + "' was changed meanwhile; its erasure runs again at the next check");
        }
        LOG.infof("retention of study %s ended on %s: originals of %d transcripts (%d paragraphs) erased, %d English originals kept, "
                + "%d data keys destroyed", study.code(), study.originalsKeptUntil(), erasedTranscripts, paragraphs, englishKept, keysDestroyed);
        return reported;
    }

    /** @return how many paragraphs lost their original now (0 when they had none left) */
    private int eraseOriginals(Transcript current, Study study) {
        for (int attempt = 0; attempt < 5; attempt++) {
            List<Transcript.Paragraph> paragraphs = new ArrayList<>();
            int erased = 0;
            for (Transcript.Paragraph p : current.paragraphs()) {
                boolean keep = p.text() == null || ERASED_TEXT.equals(p.text());
                paragraphs.add(keep ? p : new Transcript.Paragraph(p.n(), p.speaker(), ERASED_TEXT, p.english()));
                erased += keep ? 0 : 1;
            }
            if (erased == 0) {
                return 0;
            }
            Transcript next = current.withParagraphs(paragraphs).moveTo(current.status(), BY, Instant.now().truncatedTo(ChronoUnit.MILLIS),
                    "originals erased: the retention of study " + study.code() + " ended on " + study.originalsKeptUntil());
            if (transcripts.update(next, current.version(), List.of(events.originalsErased(next, study.code(), erased)))) {
                return erased;
            }
            current = transcripts.findById(current.id()).orElseThrow();
        }
        throw ProblemException.conflict("Transcript '" + current.id() + "' keeps changing; its originals are erased at the next check");
    }
}
