package io.chorus.transcript.subjectaccess;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chorus.common.crypto.DataKey;
import io.chorus.common.crypto.FieldCipher;
import io.chorus.common.event.EventEnvelope;
import io.chorus.common.problem.ProblemException;
import io.chorus.transcript.erasure.DataKeyStore;
import io.chorus.transcript.event.TranscriptEvents;
import io.chorus.transcript.participant.repository.Participant;
import io.chorus.transcript.participant.repository.ParticipantRepository;
import io.chorus.transcript.participant.service.ParticipantService;
import io.chorus.transcript.store.VersionedDocuments;
import io.chorus.transcript.transcript.repository.Transcript;
import io.chorus.transcript.transcript.repository.TranscriptRepository;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A participant's data on request: transcript-service holds the questionnaire, the consent and every paragraph they said;
 * coding-service the codings and memos on those paragraphs, which it sends back by event. The archive joins both when it
 * is downloaded, opening the memos with the participant's live keys (a withdrawal meanwhile leaves them withdrawn).
 */
@ApplicationScoped
public class SubjectAccess {

    /** How long a request and what it gathered are kept. */
    static final Duration KEPT = Duration.ofDays(7);

    @Inject
    TranscriptRepository transcripts;

    @Inject
    ParticipantRepository participants;

    @Inject
    DataKeyStore keys;

    @Inject
    TranscriptEvents events;

    @Inject
    ObjectMapper json;

    @Inject
    io.chorus.transcript.audit.repository.AuditLog audit;

    private VersionedDocuments<DataRequest> requests;

    @PostConstruct
    void init() {
        requests = new VersionedDocuments<>(transcripts.database().getCollection("data_requests"), DataRequest.class, json);
    }

    public VersionedDocuments<DataRequest> requests() {
        return requests;
    }

    public DataRequest request(String site, String number, String by) {
        participant(site, number);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        DataRequest request = new DataRequest(UUID.randomUUID().toString(), site, number, by, now, DataRequest.GATHERING, List.of(),
                now.plus(KEPT), null, 1);
        List<TranscriptEvents.SubjectParagraph> paragraphs = new ArrayList<>();
        for (Transcript transcript : transcripts.withSpeaker(site, number)) {
            transcript.paragraphs().stream().filter(p -> p.speaker().equals(number)).forEach(p -> paragraphs.add(
                    new TranscriptEvents.SubjectParagraph(transcript.id(), p.n(), DataKeyStore.speakerKeyId(transcript.id(), number, false))));
        }
        requests.insert(request.id(), request, List.of(events.subjectAccessRequested(request, paragraphs)));
        audit.dataRequest("requested", request.id(), site, number, by);
        return request;
    }

    public DataRequest get(String site, String number, String id) {
        participant(site, number);
        return requests.find(id).filter(r -> r.site().equals(site) && r.participant().equals(number))
                .orElseThrow(() -> ProblemException.notFound("Data request '" + id + "'"));
    }

    /** coding-service's answer: kept as it came (the memos sealed); a second delivery of it changes nothing. */
    public void answered(String requestId, String answer) {
        for (int attempt = 0; attempt < 5; attempt++) {
            Optional<DataRequest> current = requests.find(requestId);
            if (current.isEmpty() || current.get().codingAnswer() != null) {
                return; // withdrawn, expired, or answered already
            }
            if (requests.update(requestId, current.get().answered(answer), current.get().version(), List.of())) {
                return;
            }
        }
        throw new IllegalStateException("data request " + requestId + " keeps changing");
    }

    /**
     * The archive's content as JSON, recorded as delivered to the caller, and each original it shows as an original read;
     * 409 while coding-service has not answered.
     */
    public ObjectNode deliver(String site, String number, String id, String by, String subject) {
        DataRequest request = get(site, number, id);
        if (!DataRequest.READY.equals(request.status())) {
            throw ProblemException.conflict("Data request '" + id + "' is still gathering what coding-service holds; ask again shortly");
        }
        ObjectNode archive = archive(request, participant(site, number));
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        if (!requests.update(id, request.delivered(by, now), request.version(), List.of())) {
            throw ProblemException.conflict("Data request '" + id + "' was delivered concurrently; download it again");
        }
        audit.dataRequest("delivered", id, site, number, by);
        transcripts.withSpeaker(site, number).forEach(transcript -> audit.originalRead(subject, by, transcript));
        return archive;
    }

    /** Deletes a participant's requests: their withdrawal leaves no gathered copy. */
    public void forget(String site, String number) {
        requests.collection().deleteMany(com.mongodb.client.model.Filters.and(com.mongodb.client.model.Filters.eq("site", site),
                com.mongodb.client.model.Filters.eq("participant", number)));
    }

    @Scheduled(every = "1h", delayed = "1m")
    void expire() {
        expire(Instant.now());
    }

    /** Deletes the requests past their expiry (kept as ISO-8601 text, so compared here, not in the query); @return how many. */
    public int expire(Instant now) {
        int deleted = 0;
        for (org.bson.Document d : requests.collection().find().projection(new org.bson.Document("expiresAt", 1))) {
            Object expiresAt = d.get("expiresAt");
            if (expiresAt != null && Instant.parse(expiresAt.toString()).isBefore(now)) {
                deleted += (int) requests.collection().deleteOne(com.mongodb.client.model.Filters.eq("_id", d.get("_id"))).getDeletedCount();
            }
        }
        return deleted;
    }

    private Participant participant(String site, String number) {
        return participants.find(site, number).orElseThrow(() -> ProblemException.notFound("Participant '" + number + "'"));
    }

    private ObjectNode archive(DataRequest request, Participant participant) {
        ObjectNode archive = json.createObjectNode();
        archive.put("site", request.site()).put("participant", request.participant()).put("requestedBy", request.requestedBy())
                .put("requestedAt", request.requestedAt().toString()).put("madeAt", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        ObjectNode questionnaire = archive.putObject("questionnaire");
        questionnaire.put("gender", participant.gender()).put("age", participant.age()).put("role", participant.role())
                .put("professionalBackground", participant.professionalBackground()).put("yearsOfExperience", participant.yearsOfExperience())
                .put("previousPeerSupportExperience", participant.previousPeerSupportExperience());
        ObjectNode consent = archive.putObject("consent");
        consent.put("status", participant.consent().name().toLowerCase()).put("registeredAt", participant.createdAt().toString())
                .put("lastChangedAt", participant.updatedAt().toString())
                .put("withdrawnAt", participant.withdrawnAt() == null ? null : participant.withdrawnAt().toString());
        ArrayNode paragraphs = archive.putArray("paragraphs");
        for (Transcript transcript : transcripts.withSpeaker(request.site(), request.participant())) {
            for (Transcript.Paragraph p : transcript.paragraphs()) {
                if (p.speaker().equals(request.participant())) {
                    paragraphs.addObject().put("transcriptId", transcript.id()).put("transcript", transcript.externalId())
                            .put("title", transcript.title()).put("status", transcript.status().wireName()).put("label", TranscriptEvents.label(transcript, p.n()))
                            .put("n", p.n()).put("language", transcript.language()).put("original", p.text()).put("english", p.english());
                }
            }
        }
        JsonNode answer = read(request.codingAnswer());
        archive.set("codings", answer.path("codings"));
        ArrayNode memos = archive.putArray("memos");
        for (JsonNode memo : answer.path("memos")) {
            ObjectNode opened = memo.deepCopy();
            opened.put("title", open(memo.path("title").asText(null)));
            opened.put("text", open(memo.path("text").asText(null)));
            memos.add(opened);
        }
        ArrayNode quotes = archive.putArray("quotes");
        for (JsonNode coding : answer.path("codings")) {
            for (JsonNode paragraph : paragraphs) {
                int n = paragraph.path("n").asInt();
                if (paragraph.path("transcriptId").asText().equals(coding.path("transcriptId").asText())
                        && coding.path("firstParagraph").asInt() <= n && n <= coding.path("lastParagraph").asInt()) {
                    quotes.addObject().put("label", paragraph.path("label").asText()).put("english", paragraph.path("english").asText(null))
                            .put("code", coding.path("code").asText(null)).put("valence", coding.path("valence").asText(null));
                }
            }
        }
        return archive;
    }

    private String open(String value) {
        if (!FieldCipher.isSealed(value)) {
            return value;
        }
        String keyId = FieldCipher.keyIdOf(value);
        Optional<DataKey> key = keys.existing(keyId);
        return key.map(k -> FieldCipher.open(value, k)).orElse(ParticipantService.WITHDRAWN_TEXT);
    }

    private JsonNode read(String answer) {
        try {
            return answer == null ? json.createObjectNode() : json.readTree(answer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
