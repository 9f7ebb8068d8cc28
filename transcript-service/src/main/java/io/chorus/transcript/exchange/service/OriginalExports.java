package io.chorus.transcript.exchange.service;

import io.chorus.common.problem.ProblemException;
import io.chorus.common.security.Caller;
import io.chorus.refi.Guids;
import io.chorus.refi.ParagraphLayout;
import io.chorus.refi.QdaProject;
import io.chorus.refi.QdaProject.Case;
import io.chorus.refi.QdaProject.Source;
import io.chorus.refi.QdaProject.SourceKind;
import io.chorus.refi.QdaProject.Variable;
import io.chorus.refi.QdaProject.VariableType;
import io.chorus.refi.QdaProject.VariableValue;
import io.chorus.transcript.audit.repository.AuditLog;
import io.chorus.transcript.participant.repository.Participant;
import io.chorus.transcript.participant.repository.ParticipantRepository;
import io.chorus.transcript.session.repository.Session;
import io.chorus.transcript.session.repository.SessionRepository;
import io.chorus.transcript.transcript.repository.Transcript;
import io.chorus.transcript.transcript.repository.TranscriptRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * A site's transcripts in their original language as a REFI-QDA project, for its own members to code in a desktop
 * tool: one source per transcript, one paragraph per line as {@code [n] Speaker: text}; a case per transcript with its
 * session's attributes, and a case per participant who speaks in them, with the participant's attributes (never a
 * withdrawn one). Every transcript exported is an audited read of its original. Source GUIDs are the ones the English
 * export of coding-service uses, so both files name a transcript alike.
 */
@ApplicationScoped
public class OriginalExports {

    public static final int MAX_TRANSCRIPTS = 500;

    private static final Map<String, Function<Session, Object>> SESSION = new LinkedHashMap<>();
    private static final Map<String, Function<Participant, Object>> PARTICIPANT = new LinkedHashMap<>();

    static {
        SESSION.put("site", Session::site);
        SESSION.put("study", Session::study);
        SESSION.put("phase", Session::phase);
        SESSION.put("session", Session::externalId);
        SESSION.put("kind", Session::kind);
        SESSION.put("date", Session::date);
        SESSION.put("duration minutes", Session::durationMinutes);
        SESSION.put("session language", Session::language);
        PARTICIPANT.put("gender", Participant::gender);
        PARTICIPANT.put("age", Participant::age);
        PARTICIPANT.put("role", Participant::role);
        PARTICIPANT.put("professional background", Participant::professionalBackground);
        PARTICIPANT.put("years of experience", Participant::yearsOfExperience);
        PARTICIPANT.put("previous peer support experience", Participant::previousPeerSupportExperience);
    }

    @Inject
    TranscriptRepository transcripts;

    @Inject
    SessionRepository sessions;

    @Inject
    ParticipantRepository participants;

    @Inject
    AuditLog audit;

    @Inject
    Caller caller;

    /** The named transcripts of the site, or all of them but the withdrawn; each one read is audited. */
    public QdaProject project(String site, List<String> ids) {
        List<Transcript> chosen = choose(site, ids);
        List<Variable> variables = new ArrayList<>();
        SESSION.keySet().forEach(name -> variables.add(new Variable(guid("variable:" + name), name, VariableType.Text, null)));
        PARTICIPANT.keySet().forEach(name -> variables.add(new Variable(guid("variable:" + name), name, VariableType.Text, null)));
        List<Source> sources = new ArrayList<>();
        List<Case> cases = new ArrayList<>();
        Map<String, Set<String>> spokenIn = new LinkedHashMap<>();
        for (Transcript transcript : chosen) {
            audit.originalRead(caller.subject(), caller.username(), transcript);
            String sourceGuid = Guids.toUuid(transcript.id()).toString();
            String text = ParagraphLayout.render(transcript.paragraphs().stream()
                    .map(p -> new ParagraphLayout.Paragraph(p.n(), p.speaker(), Objects.requireNonNullElse(p.text(), ""))).toList()).text();
            sources.add(new Source(sourceGuid, transcript.externalId() + " (" + site + ", " + transcript.language() + ")", SourceKind.TEXT,
                    null, text, null, transcript.createdAt(), transcript.title(), List.of(), List.of(), List.of(), List.of()));
            Session session = transcript.session() == null ? null : sessions.find(site, transcript.session()).orElse(null);
            cases.add(new Case(guid("case:" + transcript.id()), transcript.externalId(), "Session of " + transcript.externalId(),
                    session == null ? List.of() : values(SESSION, session), List.of(sourceGuid)));
            transcript.paragraphs().forEach(p -> spokenIn.computeIfAbsent(p.speaker(), s -> new LinkedHashSet<>()).add(sourceGuid));
        }
        spokenIn.forEach((speaker, sourceGuids) -> participants.find(site, speaker)
                .filter(p -> p.consent() != Participant.Consent.WITHDRAWN)
                .ifPresent(p -> cases.add(new Case(guid("participant:" + site + ":" + p.number()), p.number(), "Participant " + p.number(),
                        values(PARTICIPANT, p), List.copyOf(sourceGuids)))));
        return new QdaProject(site + " originals", "Chorus", List.of(), List.of(), List.of(), variables, cases, sources, List.of());
    }

    private List<Transcript> choose(String site, List<String> ids) {
        if (ids != null && !ids.isEmpty()) {
            if (ids.size() > MAX_TRANSCRIPTS) {
                throw ProblemException.badParameter("transcript", "At most " + MAX_TRANSCRIPTS + " transcripts per export");
            }
            List<Transcript> found = new ArrayList<>();
            for (String id : ids.stream().distinct().toList()) {
                found.add(transcripts.findById(id).filter(t -> t.site().equals(site) && t.status() != Transcript.Status.WITHDRAWN)
                        .orElseThrow(() -> ProblemException.notFound("Transcript '" + id + "'")));
            }
            return found;
        }
        List<Transcript> all = transcripts.listBySite(site, false, null, null, 0, MAX_TRANSCRIPTS + 1).stream()
                .filter(t -> t.status() != Transcript.Status.WITHDRAWN).toList();
        if (all.size() > MAX_TRANSCRIPTS) {
            throw ProblemException.badParameter("transcript", "The site has more than " + MAX_TRANSCRIPTS + " transcripts; name the ones "
                    + "to export");
        }
        if (all.isEmpty()) {
            throw ProblemException.notFound("Transcripts of site '" + site + "'");
        }
        return all;
    }

    private static <T> List<VariableValue> values(Map<String, Function<T, Object>> attributes, T of) {
        List<VariableValue> values = new ArrayList<>();
        attributes.forEach((name, read) -> {
            Object value = read.apply(of);
            if (value != null) {
                values.add(new VariableValue(guid("variable:" + name), value.toString()));
            }
        });
        return values;
    }

    /** The same name-based GUIDs as coding-service's English export, so a variable or case is the same in both. */
    static String guid(String name) {
        return UUID.nameUUIDFromBytes(("chorus:" + name).getBytes(StandardCharsets.UTF_8)).toString();
    }
}
