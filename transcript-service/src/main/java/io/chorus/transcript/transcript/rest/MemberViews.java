package io.chorus.transcript.transcript.rest;

import io.chorus.common.http.ReadsInAnswer;
import io.chorus.common.security.Caller;
import io.chorus.transcript.audit.repository.AuditLog;
import io.chorus.transcript.transcript.repository.Transcript;
import io.chorus.transcript.transcript.repository.TranscriptRepository;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

/**
 * What a workflow step shows a member of the transcript's site: the transcript with its original (or words
 * of it), a read that is audited like a GET when the original is not English.
 */
@RequestScoped
public class MemberViews {

    @Inject
    Caller caller;

    @Inject
    AuditLog audit;

    @Inject
    ReadsInAnswer reads;

    @Inject
    TranscriptRepository transcripts;

    public TranscriptView withOriginal(Transcript transcript) {
        return TranscriptView.of(read(transcript));
    }

    /** Records that the caller is shown (some of) the transcript's original text. */
    public Transcript read(Transcript transcript) {
        audit.originalRead(caller.subject(), caller.username(), transcript);
        if (!transcript.isEnglishOriginal()) {
            reads.add(transcript.id());
        }
        return transcript;
    }

    /** An Idempotency-Key replay gives the caller the original again: audited again, as a read. */
    void replayed(@Observes ReadsInAnswer.ReplayedReads replayed) {
        replayed.references().forEach(id -> transcripts.findById(id).ifPresent(t -> audit.originalRead(caller.subject(),
                caller.username(), t)));
    }
}
