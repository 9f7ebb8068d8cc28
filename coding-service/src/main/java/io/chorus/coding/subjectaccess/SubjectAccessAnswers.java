package io.chorus.coding.subjectaccess;

import io.chorus.coding.codebook.repository.Code;
import io.chorus.coding.coding.repository.Coding;
import io.chorus.coding.coding.repository.Memo;
import io.chorus.coding.event.CodingEvents;
import io.chorus.common.crypto.EventKeys;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A site lead asked transcript-service for everything Chorus holds on one participant: coding-service answers with the
 * codings and the memos on that participant's paragraphs (a quote in the reports is such a coding on such a paragraph).
 * The memos' words travel sealed with the participant's key of the transcript, so that a withdrawal erases them in the
 * answer kept on Kafka too.
 */
@ApplicationScoped
public class SubjectAccessAnswers {

    @Inject
    CodingEvents events;

    @Inject
    EventKeys keys;

    public void answer(SubjectAccessRequested request) {
        Map<String, List<SubjectAccessRequested.Paragraph>> byTranscript = request.paragraphs().stream()
                .collect(Collectors.groupingBy(SubjectAccessRequested.Paragraph::transcriptId));
        List<CodingEvents.HeldCoding> codings = new ArrayList<>();
        List<CodingEvents.HeldMemo> memos = new ArrayList<>();
        byTranscript.forEach((transcriptId, paragraphs) -> {
            for (Coding coding : Coding.<Coding>list("transcriptId = ?1 and site = ?2", transcriptId, request.site())) {
                if (paragraphs.stream().anyMatch(p -> coding.covers(p.n()))) {
                    Code code = Code.findById(coding.codeId);
                    codings.add(new CodingEvents.HeldCoding(coding.id, transcriptId, coding.firstParagraph, coding.lastParagraph, coding.codeId,
                            code == null ? null : code.name, code == null ? null : code.codebookId, coding.coder, coding.valence,
                            coding.consensus, coding.createdAt));
                }
            }
            String keyId = paragraphs.get(0).keyId();
            for (Memo memo : Memo.<Memo>list("transcriptId = ?1 and target = 'passage'", transcriptId)) {
                if (paragraphs.stream().anyMatch(p -> memo.firstParagraph <= p.n() && p.n() <= memo.lastParagraph)) {
                    memos.add(new CodingEvents.HeldMemo(memo.id, transcriptId, memo.firstParagraph, memo.lastParagraph,
                            keys.seal(keyId, memo.title), keys.seal(keyId, memo.text), memo.author, memo.createdAt));
                }
            }
        });
        events.publish(CodingEvents.SUBJECT_ACCESS_ANSWERED, "subject-access", request.requestId(), new CodingEvents.SubjectAccessAnswered(
                request.requestId(), request.site(), request.participant(), Instant.now(), codings, memos));
    }
}
