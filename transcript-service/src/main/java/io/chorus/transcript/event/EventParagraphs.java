package io.chorus.transcript.event;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chorus.common.event.EventEnvelope;
import io.chorus.transcript.transcript.repository.Transcript;
import io.chorus.transcript.transcript.repository.TranscriptRepository;
import io.chorus.transcript.transcript.repository.TranscriptVersions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Released and revised events carry paragraphs in both languages, up to 12 MiB of text. MongoDB holds at most 16 MiB
 * in one document, so the outbox inside the transcript keeps these events without the paragraphs, and the relay
 * attaches those of the event's version when it publishes: from the transcript itself, or from the kept version once a
 * revision replaced it. A withdrawal that redacted the text since then is what gets published, never the words withdrawn.
 * The text goes out sealed with its speaker's data key ({@link EventText}), the title with the transcript's.
 */
@ApplicationScoped
public class EventParagraphs {

    /** Field of a stored revised event that lists the changed paragraphs by number, replaced by "changed" on publishing. */
    static final String CHANGED_NUMBERS = "changedParagraphs";

    @Inject
    ObjectMapper json;

    @Inject
    TranscriptRepository transcripts;

    @Inject
    TranscriptVersions versions;

    @Inject
    io.chorus.transcript.erasure.EventText text;

    /** The event as it is published: the same, or with the paragraphs it was stored without. */
    public EventEnvelope attach(EventEnvelope stored) {
        if (TranscriptEvents.PROJECT_IMPORTED.equals(stored.type())) {
            return withSealedNotes(stored);
        }
        boolean released = TranscriptEvents.RELEASED.equals(stored.type());
        if (!released && !TranscriptEvents.REVISED.equals(stored.type())) {
            return stored;
        }
        ObjectNode payload = read(stored);
        Transcript transcript = transcripts.findById(stored.aggregateId())
                .orElseThrow(() -> new IllegalStateException("transcript " + stored.aggregateId() + " of event " + stored.id() + " is gone"));
        var sealer = text.of(transcript);
        if (payload.hasNonNull("title") && !io.chorus.common.crypto.FieldCipher.isSealed(payload.get("title").asText())) {
            payload.put("title", sealer.ownText(payload.get("title").asText()));
        }
        if (released && !payload.path("paragraphs").isArray()) {
            payload.set("paragraphs", json.valueToTree(paragraphs(transcript, sealer, payload, null)));
        } else if (!released && payload.has(CHANGED_NUMBERS)) {
            Set<Integer> changed = new HashSet<>();
            payload.remove(CHANGED_NUMBERS).forEach(n -> changed.add(n.asInt()));
            payload.set("changed", json.valueToTree(paragraphs(transcript, sealer, payload, changed)));
        }
        return with(stored, payload);
    }

    /** A desktop project's notes on a transcript go sealed with the transcript's own key; notes on no transcript as they are. */
    private EventEnvelope withSealedNotes(EventEnvelope stored) {
        ObjectNode payload = read(stored);
        for (JsonNode memo : payload.path("memos")) {
            String transcriptId = memo.path("transcriptId").asText(null);
            if (transcriptId == null || io.chorus.common.crypto.FieldCipher.isSealed(memo.path("text").asText(null))) {
                continue;
            }
            var sealer = transcripts.findById(transcriptId).map(text::of).orElseThrow(() ->
                    new IllegalStateException("transcript " + transcriptId + " of event " + stored.id() + " is gone"));
            ((ObjectNode) memo).put("title", sealer.ownText(memo.path("title").asText(null)));
            ((ObjectNode) memo).put("text", sealer.ownText(memo.path("text").asText(null)));
        }
        return with(stored, payload);
    }

    private EventEnvelope with(EventEnvelope stored, ObjectNode payload) {
        try {
            return new EventEnvelope(stored.id(), stored.type(), stored.aggregateType(), stored.aggregateId(), stored.occurredAt(),
                    json.writeValueAsString(payload));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event payload not serialisable", e);
        }
    }

    private List<TranscriptEvents.ReleasedParagraph> paragraphs(Transcript transcript, io.chorus.transcript.erasure.EventText.Sealer sealer,
            JsonNode payload, Set<Integer> only) {
        int version = payload.path("version").asInt();
        List<Transcript.Paragraph> paragraphs = transcript.version() == version ? transcript.paragraphs()
                : versions.find(transcript.id(), version).map(TranscriptVersions.Version::paragraphs).orElse(transcript.paragraphs());
        return paragraphs.stream().filter(p -> only == null || only.contains(p.n()))
                .map(p -> TranscriptEvents.paragraph(transcript, p, sealer)).toList();
    }

    private ObjectNode read(EventEnvelope stored) {
        try {
            return (ObjectNode) json.readTree(stored.payloadJson());
        } catch (JsonProcessingException | ClassCastException e) {
            throw new IllegalStateException("stored event " + stored.id() + " is unreadable", e);
        }
    }
}
