package io.chorus.coding.exchange.service;

import io.chorus.coding.codebook.service.CodebookViews;
import io.chorus.coding.staff.service.CodingStaff;

import io.chorus.coding.codebook.repository.Code;
import io.chorus.coding.coding.repository.Coding;
import io.chorus.coding.transcript.repository.CodingParticipant;
import io.chorus.coding.transcript.repository.CodingSession;
import io.chorus.coding.coding.repository.Memo;
import io.chorus.coding.codebook.repository.PhaseCodebook;
import io.chorus.coding.transcript.repository.ReleasedTranscript;
import io.chorus.coding.codebook.service.CodebookViews.CodeView;
import io.chorus.common.problem.ProblemException;
import io.chorus.common.security.Caller;
import io.chorus.refi.Guids;
import io.chorus.refi.ParagraphLayout.Paragraph;
import io.chorus.refi.ParagraphLayout.Span;
import io.chorus.refi.ParagraphLayout;
import io.chorus.refi.QdaProject.Case;
import io.chorus.refi.QdaProject.Note;
import io.chorus.refi.QdaProject.Selection;
import io.chorus.refi.QdaProject.Source;
import io.chorus.refi.QdaProject.SourceKind;
import io.chorus.refi.QdaProject.User;
import io.chorus.refi.QdaProject.Variable;
import io.chorus.refi.QdaProject.VariableType;
import io.chorus.refi.QdaProject.VariableValue;
import io.chorus.refi.QdaProject;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A study, or a selection of it, as a REFI-QDA project for coding in MAXQDA, NVivo or ATLAS.ti: the released
 * transcripts in English, one paragraph per line as {@code [n] Speaker: text}; the codebook; the codings as coded
 * selections of their coders; memos as notes; each transcript's site, study, phase, session, kind, date and language
 * as variables of its case; and a case for each participant who speaks, with their questionnaire. GUIDs are Chorus ids (a code's imported GUID where it has one), so an import finds them again.
 */
@ApplicationScoped
@Transactional
public class QdpxExports {

    public static final int MAX_TRANSCRIPTS = 500;
    static final int NAME_LENGTH = 60;
    static final List<String> VARIABLES = List.of("site", "study", "phase", "session", "kind", "date", "language");
    /** A participant's questionnaire, named as transcript-service's export of the originals names it. */
    static final List<String> PARTICIPANT_VARIABLES = List.of("gender", "age", "role", "professional background", "years of experience",
            "previous peer support experience");

    /** What to export: transcripts by id, or all released ones of a site, study and phase; the codebook, else the phase's. */
    public record Request(String site, String study, String phase, List<String> transcripts, UUID codebook) {
    }

    @Inject
    Caller caller;

    public QdaProject project(Request request) {
        List<ReleasedTranscript> transcripts = transcripts(request);
        Map<String, CodingSession> sessions = new LinkedHashMap<>();
        for (ReleasedTranscript t : transcripts) {
            if (t.session != null) {
                CodingSession.<CodingSession>findByIdOptional(new CodingSession.Key(t.site, t.session)).ifPresent(s -> sessions.put(t.id, s));
            }
        }
        UUID codebookId = codebook(request, sessions.values());
        List<CodeView> tree = CodebookViews.tree(Code.activeOf(codebookId));
        Map<UUID, String> codeGuids = new LinkedHashMap<>();
        walk(tree, code -> codeGuids.put(code.id(), QdcCodebooks.guid(code)));

        List<String> ids = transcripts.stream().map(t -> t.id).toList();
        List<Coding> codings = Coding.<Coding>list("transcriptId in ?1 and roundId is null order by firstParagraph, id", ids).stream()
                .filter(c -> codeGuids.containsKey(c.codeId)).toList();
        Set<String> memoSites = caller.seesAllSites() ? null : caller.sitesWhere(CodingStaff.AT_SITE);
        List<Memo> memos = Memo.<Memo>list("transcriptId in ?1 or codeId in ?2 order by createdAt, id", ids,
                codeGuids.isEmpty() ? Set.of(new UUID(0, 0)) : codeGuids.keySet()).stream()
                .filter(m -> m.site == null || memoSites == null || memoSites.contains(m.site)).toList();
        Map<String, User> users = new LinkedHashMap<>();
        codings.forEach(c -> users.computeIfAbsent(c.coder, QdpxExports::user));
        memos.forEach(m -> users.computeIfAbsent(m.author, QdpxExports::user));

        List<Variable> variables = Stream.concat(VARIABLES.stream(), PARTICIPANT_VARIABLES.stream())
                .map(name -> new Variable(guid("variable:" + name), name, VariableType.Text, null)).toList();
        Map<String, Set<String>> spokenIn = new LinkedHashMap<>();
        Map<String, List<Coding>> codingsByTranscript = codings.stream().collect(Collectors.groupingBy(c -> c.transcriptId));
        List<Source> sources = new ArrayList<>();
        List<Case> cases = new ArrayList<>();
        for (ReleasedTranscript t : transcripts) {
            ParagraphLayout layout = ParagraphLayout.render(t.paragraphs.stream()
                    .map(p -> new Paragraph(p.n, p.speaker != null ? p.speaker : p.label, Objects.requireNonNullElse(p.english, ""))).toList());
            int[] text = layout.text().codePoints().toArray();
            List<Selection> selections = codingsByTranscript.getOrDefault(t.id, List.of()).stream()
                    .map(c -> selection(c, layout, text, codeGuids.get(c.codeId), users.get(c.coder).guid())).toList();
            List<String> notes = memos.stream().filter(m -> t.id.equals(m.transcriptId)).map(m -> m.id.toString()).toList();
            sources.add(new Source(sourceGuid(t.id), t.title != null && !t.title.isBlank() ? t.title : t.externalId + " (" + t.site + ")", SourceKind.TEXT, null, layout.text(), null, t.releasedAt,
                    null, selections, List.of(), List.of(), notes));
            CodingSession session = sessions.get(t.id);
            List<Object> values = Arrays.asList(t.site, session == null ? null : session.study, session == null ? null : session.phase,
                    t.session, session == null ? null : session.kind, session == null ? null : session.date, t.language);
            cases.add(new Case(guid("case:" + t.id), t.externalId, null, values(VARIABLES, values), List.of(sourceGuid(t.id))));
            t.paragraphs.forEach(p -> spokenIn.computeIfAbsent(t.site + ":" + p.speaker, k -> new LinkedHashSet<>())
                    .add(sourceGuid(t.id)));
        }
        spokenIn.forEach((speaker, sourceGuids) -> {
            String[] siteAndNumber = speaker.split(":", 2);
            CodingParticipant.<CodingParticipant>findByIdOptional(new CodingParticipant.Key(siteAndNumber[0], siteAndNumber[1]))
                    .ifPresent(p -> cases.add(new Case(guid("participant:" + speaker), p.key.number(), "Participant " + p.key.number(),
                            values(PARTICIPANT_VARIABLES, Arrays.asList(p.gender, p.age, p.role, p.professionalBackground,
                                    p.yearsOfExperience, p.previousPeerSupportExperience)), List.copyOf(sourceGuids))));
        });
        List<Note> notes = memos.stream().map(m -> new Note(m.id.toString(), m.title, m.text, null, users.get(m.author).guid(), m.createdAt))
                .toList();
        String name = request.study() != null ? request.study() + (request.phase() != null ? " " + request.phase() : "") : "Chorus transcripts";
        return new QdaProject(name, "Chorus", List.copyOf(users.values()), tree.stream().map(QdcCodebooks::code).toList(), List.of(),
                variables, cases, sources, notes);
    }

    private List<ReleasedTranscript> transcripts(Request request) {
        Set<String> sites = caller.seesAllSites() ? null : caller.sitesWhere(CodingStaff.AT_SITE);
        caller.requireSiteFilter(request.site(), CodingStaff.ANYWHERE);
        List<ReleasedTranscript> found;
        if (request.transcripts() != null && !request.transcripts().isEmpty()) {
            if (request.transcripts().size() > MAX_TRANSCRIPTS) {
                throw ProblemException.badParameter("transcript", "At most " + MAX_TRANSCRIPTS + " transcripts per export");
            }
            Map<String, ReleasedTranscript> byId = ReleasedTranscript.<ReleasedTranscript>list("id in ?1", request.transcripts()).stream()
                    .filter(t -> sites == null || sites.contains(t.site)).collect(Collectors.toMap(t -> t.id, Function.identity()));
            for (String id : request.transcripts()) {
                if (!byId.containsKey(id)) {
                    throw ProblemException.notFound("Transcript '" + id + "'");
                }
            }
            found = request.transcripts().stream().distinct().map(byId::get).toList();
        } else {
            if (request.site() == null && request.study() == null) {
                throw ProblemException.badParameter("study", "Name a study (and phase), a site, or transcripts to export");
            }
            StringBuilder query = new StringBuilder("select t from ReleasedTranscript t where 1 = 1");
            Map<String, Object> parameters = new LinkedHashMap<>();
            if (request.site() != null) {
                query.append(" and t.site = :site");
                parameters.put("site", request.site());
            } else if (sites != null) {
                query.append(" and t.site in :sites");
                parameters.put("sites", sites);
            }
            if (request.study() != null) {
                query.append(" and exists (select 1 from CodingSession s where s.key.site = t.site and s.key.externalId = t.session "
                        + "and s.study = :study" + (request.phase() != null ? " and s.phase = :phase" : "") + ")");
                parameters.put("study", request.study());
                if (request.phase() != null) {
                    parameters.put("phase", request.phase());
                }
            }
            query.append(" order by t.site, t.externalId, t.id");
            found = ReleasedTranscript.find(query.toString(), parameters).page(0, MAX_TRANSCRIPTS + 1).list();
            if (found.size() > MAX_TRANSCRIPTS) {
                throw ProblemException.badParameter("study", "More than " + MAX_TRANSCRIPTS + " transcripts match; export one site or phase "
                        + "at a time");
            }
        }
        if (found.isEmpty()) {
            throw ProblemException.notFound("Released transcripts you may see for this selection");
        }
        return found;
    }

    private static UUID codebook(Request request, java.util.Collection<CodingSession> sessions) {
        if (request.codebook() != null) {
            if (io.chorus.coding.codebook.repository.Codebook.findById(request.codebook()) == null) {
                throw ProblemException.invalid("/codebook", "No codebook '" + request.codebook() + "'");
            }
            return request.codebook();
        }
        Set<UUID> phaseCodebooks = new TreeSet<>();
        for (CodingSession s : sessions) {
            PhaseCodebook.<PhaseCodebook>findByIdOptional(new PhaseCodebook.Key(s.study, s.phase)).ifPresent(p -> phaseCodebooks.add(p.codebookId));
        }
        if (phaseCodebooks.isEmpty()) {
            // no codebook assigned to the phase: the codebook a project import of the same site, study and phase brought in
            for (CodingSession s : sessions) {
                io.chorus.coding.exchange.repository.ProjectImport.<io.chorus.coding.exchange.repository.ProjectImport>list(
                        "site = ?1 and study = ?2 and phase = ?3", s.key.site(), s.study, s.phase).forEach(i -> phaseCodebooks.add(i.codebookId));
            }
        }
        if (phaseCodebooks.size() != 1) {
            throw ProblemException.badParameter("codebook", phaseCodebooks.isEmpty()
                    ? "The transcripts' phase has no codebook, and no project import brought one: name one"
                    : "The transcripts' phases use different codebooks (" + phaseCodebooks.stream().map(UUID::toString)
                            .collect(Collectors.joining(", ")) + "): name the one to export");
        }
        return phaseCodebooks.iterator().next();
    }

    private static List<VariableValue> values(List<String> names, List<Object> values) {
        List<VariableValue> set = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            if (values.get(i) != null && !values.get(i).toString().isEmpty()) {
                set.add(new VariableValue(guid("variable:" + names.get(i)), values.get(i).toString()));
            }
        }
        return set;
    }

    /** A coding as a coded selection, named by the start of its text as ATLAS.ti and MAXQDA name theirs. */
    private static Selection selection(Coding coding, ParagraphLayout layout, int[] text, String codeGuid, String coderGuid) {
        ParagraphLayout.Placed last = layout.paragraph(coding.lastParagraph);
        int end = coding.endOffset != null ? coding.endOffset : last.text().codePointCount(0, last.text().length());
        int[] placed = layout.place(new Span(coding.firstParagraph, coding.startOffset != null ? coding.startOffset : 0, coding.lastParagraph, end));
        int length = placed[1] - placed[0];
        String name = new String(text, placed[0], Math.min(length, NAME_LENGTH)) + (length > NAME_LENGTH ? "…" : "");
        return new Selection(coding.id.toString(), name, placed[0], placed[1], coderGuid,
                coding.createdAt, null, List.of(new QdaProject.Coding(guid("coding:" + coding.id), codeGuid, coderGuid, coding.createdAt)),
                List.of());
    }

    /** A transcript's source GUID: its id when that is a UUID, else a UUID derived from it. */
    public static String sourceGuid(String transcriptId) {
        return Guids.toUuid(transcriptId).toString();
    }

    static User user(String username) {
        return new User(guid("user:" + username), username, username);
    }

    static String guid(String name) {
        return UUID.nameUUIDFromBytes(("chorus:" + name).getBytes(StandardCharsets.UTF_8)).toString();
    }

    private static void walk(List<CodeView> codes, java.util.function.Consumer<CodeView> visitor) {
        for (CodeView code : codes) {
            visitor.accept(code);
            walk(code.children(), visitor);
        }
    }
}
