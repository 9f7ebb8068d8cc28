package io.chorus.coding.round.service;

import io.chorus.coding.staff.service.CoderDirectory;
import io.chorus.coding.staff.service.CodingStaff;
import io.chorus.coding.coding.service.CodingCommands;
import io.chorus.coding.coding.service.CodingRules;
import io.chorus.coding.coding.service.CodingService;

import io.chorus.common.security.Caller;
import io.chorus.coding.round.agreement.AgreementCalculator;
import io.chorus.coding.round.agreement.Document;
import io.chorus.coding.round.agreement.Span;
import io.chorus.coding.event.CodingEvents;
import io.chorus.coding.codebook.repository.Code;
import io.chorus.coding.codebook.repository.Codebook;
import io.chorus.coding.coding.repository.Coding;
import io.chorus.coding.round.repository.CodingRound;
import io.chorus.coding.transcript.repository.ReleasedTranscript;
import io.chorus.coding.round.repository.RoundAssignment;
import io.chorus.coding.coding.service.CodingCommands.ConsensusSet;
import io.chorus.coding.coding.service.CodingCommands.Decision;
import io.chorus.coding.coding.service.CodingCommands.NewRound;
import io.chorus.coding.round.service.RoundViews.AgreementReport;
import io.chorus.coding.round.service.RoundViews.AssignmentView;
import io.chorus.coding.round.service.RoundViews.CodeAgreement;
import io.chorus.coding.coding.service.CodingViews.CodingView;
import io.chorus.coding.round.service.RoundViews.ComparedPassage;
import io.chorus.coding.round.service.RoundViews.Comparison;
import io.chorus.coding.round.service.RoundViews.ComparisonItem;
import io.chorus.coding.round.service.RoundViews.ConsensusView;
import io.chorus.coding.round.service.RoundViews.MyAssignment;
import io.chorus.coding.round.service.RoundViews.PairAgreement;
import io.chorus.coding.round.service.RoundViews.RoundSummary;
import io.chorus.common.rest.Page;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Sort;
import io.chorus.coding.round.service.RoundViews.RoundView;
import io.chorus.coding.round.service.RoundViews.TranscriptAgreement;
import io.chorus.common.problem.ProblemException;
import io.chorus.common.rest.Versioned;
import io.chorus.common.rest.Versions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

/** Coding rounds: assignments, blind independent coding, comparison, agreement and consensus. */
@ApplicationScoped
@Transactional
public class RoundService {

    static final String METHOD = "Units: each paragraph coded by at least one coder (uncoded paragraphs are left out); "
            + "per code the value is whether the coder's codings of that code touch the paragraph (present/absent), and 'units' "
            + "counts the units two or more coders rated. Percent agreement and Fleiss' kappa use every unit two or more coders "
            + "rated (Gwet 2014), 'completeUnits' has them over the units every coder rated; 'intervals' gives each coefficient's "
            + "standard error and 95 % interval with its method. 'pooledPresence' pools the present/absent units of every code used into one "
            + "table: a pooled binary figure, not Cohen's kappa of one category per unit (for that, declare a variable and use "
            + "/agreement/variables/{codeId}). Unitizing alpha: code-point spans of the English text. Segments: MAXQDA's "
            + "procedure with the given overlap (shared / union of code points), Brennan-Prediger kappa with 1/codes chance.";

    @Inject
    EntityManager em;

    @Inject
    Caller caller;

    @Inject
    CodingService codings;

    @Inject
    CoderDirectory coders;

    @Inject
    CodingEvents events;

    public CodingRound create(NewRound command) {
        if (Codebook.findById(command.codebookId()) == null) {
            throw ProblemException.invalid("/codebookId", "No codebook '" + command.codebookId() + "'");
        }
        CodingRound round = new CodingRound();
        round.id = UUID.randomUUID();
        round.name = command.name();
        round.codebookId = command.codebookId();
        round.independent = command.independent() == null || command.independent();
        round.status = CodingRound.OPEN;
        round.createdBy = caller.username();
        round.createdAt = Instant.now();
        round.persist();
        for (int i = 0; i < command.assignments().size(); i++) {
            CodingCommands.Assignment assignment = command.assignments().get(i);
            ReleasedTranscript transcript = ReleasedTranscript.findById(assignment.transcriptId());
            if (transcript == null || !caller.holds(transcript.site, CodingStaff.ANYWHERE)) {
                throw ProblemException.invalid("/assignments/" + i + "/transcriptId",
                        "No released transcript '" + assignment.transcriptId() + "'");
            }
            for (int j = 0; j < assignment.coders().size(); j++) {
                String coder = assignment.coders().get(j);
                if (!coders.mayCode(coder, transcript.site)) {
                    throw ProblemException.invalid("/assignments/" + i + "/coders/" + j, "'" + coder + "' may not code transcripts "
                            + "of site " + transcript.site + ": a coder is an analyst, or a site lead or researcher of that site");
                }
            }
            for (String coder : new TreeSet<>(assignment.coders())) {
                RoundAssignment row = new RoundAssignment();
                row.key = new RoundAssignment.Key(round.id, assignment.transcriptId(), coder);
                row.persist();
            }
        }
        em.flush();
        return round;
    }

    /** Analysts see every round; other coders the rounds they are assigned to. Newest first. */
    public Page<RoundSummary> list(int page, int size) {
        Map<String, Object> parameters = new HashMap<>();
        String where = "1 = 1";
        if (!caller.seesAllSites()) {
            where = "exists (from RoundAssignment a where a.key.roundId = r.id and a.key.coder = :coder)";
            parameters.put("coder", caller.username());
        }
        PanacheQuery<CodingRound> query = CodingRound.find("from CodingRound r where " + where,
                Sort.descending("r.createdAt").and("r.id"), parameters);
        return new Page<>(query.page(page, size).list().stream().map(r -> new RoundSummary(r.id, r.name, r.codebookId,
                r.independent, r.status, r.createdBy, r.createdAt, r.closedAt)).toList(), page, size, query.count());
    }

    public Versioned<RoundView> view(UUID id) {
        CodingRound round = visibleRound(id);
        Map<String, List<String>> coders = assignments(round.id);
        Map<String, List<String>> done = new TreeMap<>();
        RoundAssignment.<RoundAssignment>list("key.roundId = ?1 and doneAt is not null order by key.coder", round.id)
                .forEach(a -> done.computeIfAbsent(a.key.transcriptId(), t -> new ArrayList<>()).add(a.key.coder()));
        Map<String, String> names = new HashMap<>();
        if (!coders.isEmpty()) {
            // a transcript's name only to those who may read it: site staff in a round with another site's transcripts see its id only
            em.createQuery("select t.id, t.externalId, t.site from ReleasedTranscript t where t.id in ?1", Object[].class)
                    .setParameter(1, coders.keySet()).getResultList().stream()
                    .filter(row -> caller.holds((String) row[2], CodingStaff.ANYWHERE))
                    .forEach(row -> names.put((String) row[0], (String) row[1]));
        }
        List<AssignmentView> assignments = coders.entrySet().stream()
                .map(e -> new AssignmentView(e.getKey(), names.get(e.getKey()), e.getValue(), done.getOrDefault(e.getKey(), List.of())))
                .toList();
        return new Versioned<>(new RoundView(round.id, round.name, round.codebookId, round.independent, round.status,
                round.createdBy, round.createdAt, round.closedBy, round.closedAt, assignments), round.rowVersion);
    }

    public List<MyAssignment> mine() {
        return myAssignments("", Map.of());
    }

    /** Marks the caller's transcript of an open round done (or, with done false, takes that back). */
    public MyAssignment complete(UUID roundId, String transcriptId, boolean done) {
        RoundAssignment assignment = RoundAssignment.<RoundAssignment>findByIdOptional(
                new RoundAssignment.Key(roundId, transcriptId, caller.username()))
                .orElseThrow(() -> ProblemException.notFound("Your assignment of transcript '" + transcriptId + "' in round '"
                        + roundId + "'"));
        CodingRound round = round(roundId);
        if (!round.open()) {
            throw ProblemException.conflict("Round '" + round.name + "' is closed: its transcripts can no longer be marked");
        }
        assignment.doneAt = done ? Instant.now() : null;
        em.flush();
        return myAssignments(" and a.key.roundId = :round and a.key.transcriptId = :transcript",
                Map.of("round", roundId, "transcript", transcriptId)).get(0);
    }

    private List<MyAssignment> myAssignments(String narrower, Map<String, Object> parameters) {
        var query = em.createQuery("select a.key.roundId, r.name, r.status, r.independent, a.key.transcriptId, t.externalId, t.site, "
                        + "(select count(c) from Coding c where c.roundId = a.key.roundId and c.transcriptId = a.key.transcriptId "
                        + "and c.coder = a.key.coder and c.consensus = false), a.doneAt "
                        + "from RoundAssignment a join CodingRound r on r.id = a.key.roundId "
                        + "left join ReleasedTranscript t on t.id = a.key.transcriptId where a.key.coder = :coder" + narrower
                        + " order by r.createdAt, a.key.transcriptId", Object[].class)
                .setParameter("coder", caller.username());
        parameters.forEach(query::setParameter);
        return query.getResultList().stream().map(row -> new MyAssignment((UUID) row[0], (String) row[1], (String) row[2],
                (Boolean) row[3], (String) row[4], (String) row[5], (String) row[6], ((Number) row[7]).longValue(),
                (Instant) row[8])).toList();
    }

    public CodingRound close(UUID id, String ifMatch) {
        CodingRound round = round(id);
        Versions.requireMatch(ifMatch, round.rowVersion);
        if (!round.open()) {
            throw ProblemException.conflict("Round '" + round.name + "' is already closed");
        }
        round.status = CodingRound.CLOSED;
        round.closedBy = caller.username();
        round.closedAt = Instant.now();
        em.flush();
        publishAgreement(round);
        return round;
    }

    public Comparison compare(UUID roundId, String transcriptId, double overlap) {
        CodingRound round = revealed(roundId);
        Document document = document(round, transcriptId);
        List<String> coders = assignments(round.id).getOrDefault(transcriptId, List.of());
        Map<UUID, Coding> byId = coderCodings(round.id, transcriptId).stream()
                .collect(Collectors.toMap(c -> c.id, c -> c));
        Map<UUID, Code> codes = codesOf(byId.values().stream().map(c -> c.codeId).collect(Collectors.toSet()));
        List<ComparisonItem> items = new ArrayList<>();
        int agreed = 0;
        for (AgreementCalculator.Cluster cluster : AgreementCalculator.clusters(document, coders, overlap)) {
            List<ComparedPassage> passages = cluster.spans().stream().map(span -> {
                Coding c = byId.get(UUID.fromString(span.ref()));
                return new ComparedPassage(c.id, c.coder, c.firstParagraph, c.lastParagraph, c.startOffset, c.endOffset,
                        c.valence);
            }).toList();
            UUID codeId = UUID.fromString(cluster.code());
            items.add(new ComparisonItem(codeId, codes.get(codeId).name, cluster.agreed(), passages));
            agreed += cluster.agreed() ? 1 : 0;
        }
        items.sort(Comparator.comparingInt((ComparisonItem i) -> i.passages().get(0).firstParagraph())
                .thenComparing(ComparisonItem::codeName));
        return new Comparison(round.id, transcriptId, overlap, coders, agreed, items.size() - agreed, items);
    }

    public AgreementReport agreement(UUID roundId, String onlyTranscript, double overlap) {
        CodingRound round = revealed(roundId);
        Map<String, List<String>> assignments = assignments(round.id);
        if (onlyTranscript != null) {
            if (!assignments.containsKey(onlyTranscript)) {
                throw ProblemException.notFound("Transcript '" + onlyTranscript + "' in round '" + round.name + "'");
            }
            assignments = Map.of(onlyTranscript, assignments.get(onlyTranscript));
        }
        List<String> allCoders = assignments.values().stream().flatMap(List::stream).distinct().sorted().toList();
        Map<String, Document> documents = new LinkedHashMap<>();
        assignments.keySet().forEach(t -> documents.put(t, document(round, t)));
        AgreementCalculator.Result all = AgreementCalculator.compute(List.copyOf(documents.values()), allCoders, overlap);
        List<TranscriptAgreement> perTranscript = new ArrayList<>();
        for (Map.Entry<String, List<String>> entry : assignments.entrySet()) {
            boolean alone = assignments.size() == 1 && entry.getValue().equals(allCoders);
            perTranscript.add(new TranscriptAgreement(entry.getKey(), entry.getValue(), alone ? all.overall()
                    : AgreementCalculator.compute(List.of(documents.get(entry.getKey())), entry.getValue(), overlap).overall()));
        }
        Map<UUID, Code> codes = codesOf(all.perCode().keySet().stream().map(UUID::fromString).collect(Collectors.toSet()));
        List<CodeAgreement> perCode = all.perCode().entrySet().stream().map(e -> {
            UUID id = UUID.fromString(e.getKey());
            return new CodeAgreement(id, codes.get(id).name, e.getValue());
        }).sorted(Comparator.comparing(CodeAgreement::codeName)).toList();
        return new AgreementReport(round.id, allCoders, overlap, all.overall(), perTranscript, perCode,
                pairs(assignments, documents, allCoders, overlap), METHOD);
    }

    private static List<PairAgreement> pairs(Map<String, List<String>> assignments, Map<String, Document> documents,
            List<String> coders, double overlap) {
        List<PairAgreement> pairs = new ArrayList<>();
        for (int i = 0; i < coders.size(); i++) {
            for (int j = i + 1; j < coders.size(); j++) {
                List<String> pair = List.of(coders.get(i), coders.get(j));
                List<Document> shared = assignments.entrySet().stream().filter(e -> e.getValue().containsAll(pair))
                        .map(e -> documents.get(e.getKey())).toList();
                pairs.add(new PairAgreement(pair.get(0), pair.get(1), shared.size(), shared.isEmpty() ? null
                        : AgreementCalculator.compute(shared, pair, overlap).overall()));
            }
        }
        return pairs;
    }

    /** Each transcript's agreement as the round closes, for progress reports. */
    private void publishAgreement(CodingRound round) {
        for (Map.Entry<String, List<String>> entry : assignments(round.id).entrySet()) {
            ReleasedTranscript transcript = ReleasedTranscript.findById(entry.getKey());
            if (transcript == null || entry.getValue().size() < 2) {
                continue;
            }
            io.chorus.coding.round.agreement.Coefficients c = AgreementCalculator.compute(List.of(document(round, entry.getKey())),
                    entry.getValue(), 0.9).overall();
            events.publish(CodingEvents.AGREEMENT_MEASURED, "transcript", entry.getKey(), new CodingEvents.AgreementMeasured(round.id,
                    entry.getKey(), transcript.site, entry.getValue(), c.units(), c.percentAgreement(), c.cohenKappa(), c.fleissKappa(),
                    c.krippendorffAlpha(), round.closedAt));
        }
    }

    /** Replaces the transcript's consensus set for this round and announces the whole set. */
    public Versioned<ConsensusView> decide(UUID roundId, String transcriptId, ConsensusSet set, String ifMatch) {
        CodingRound round = revealed(roundId);
        if (round.open()) {
            throw ProblemException.conflict("Close round '" + round.name + "' before deciding the consensus");
        }
        ReleasedTranscript transcript = assignedTranscript(round, transcriptId);
        List<Coding> previous = consensusOf(round.id, transcriptId);
        if (!previous.isEmpty()) {
            Versions.requireMatch(ifMatch, consensusVersion(previous));
        }
        Set<UUID> roundCodings = coderCodings(round.id, transcriptId).stream().map(c -> c.id).collect(Collectors.toSet());
        Set<UUID> assistantCodings = coderCodings(round.id, transcriptId).stream()
                .filter(c -> io.chorus.coding.assistant.service.AssistantCoder.isAssistant(c.coder)).map(c -> c.id).collect(Collectors.toSet());
        List<Coding> decided = new ArrayList<>();
        Instant now = Instant.now();
        for (int i = 0; i < set.codings().size(); i++) {
            Decision decision = set.codings().get(i);
            String pointer = "/codings/" + i;
            Code code = codings.codableCode(decision.codeId(), transcript, pointer + "/codeId");
            codings.checkPassage(transcript, decision.passage(), pointer);
            List<UUID> basedOn = decision.basedOn() == null ? List.of() : decision.basedOn();
            for (int j = 0; j < basedOn.size(); j++) {
                if (!roundCodings.contains(basedOn.get(j))) {
                    throw ProblemException.invalid(pointer + "/basedOn/" + j, "Not a coding of this transcript in this round");
                }
            }
            if (!basedOn.isEmpty() && basedOn.stream().allMatch(assistantCodings::contains)) {
                throw ProblemException.invalid(pointer + "/basedOn", "A consensus rests on a human coder's coding: the assistant's "
                        + "codings alone never make one");
            }
            Coding coding = new Coding();
            coding.id = UUID.randomUUID();
            coding.transcriptId = transcriptId;
            coding.site = transcript.site;
            coding.codeId = code.id;
            coding.coder = caller.username();
            coding.roundId = round.id;
            coding.consensus = true;
            CodingService.setPassage(coding, decision.passage());
            coding.valence = decision.valence();
            coding.weight = decision.weight();
            coding.basedOn = basedOn.stream().map(UUID::toString).collect(Collectors.joining(","));
            coding.note = decision.note();
            coding.createdAt = now;
            coding.updatedAt = now;
            decided.add(coding);
        }
        previous.forEach(Coding::delete);
        em.flush();
        decided.forEach(c -> c.persist());
        em.flush();
        ConsensusView view = consensusView(round.id, transcriptId, decided);
        events.publish(CodingEvents.CONSENSUS_REACHED, "transcript", transcriptId, new CodingEvents.ConsensusReached(transcriptId,
                transcript.site, round.id, round.codebookId, caller.username(), now, decided.stream().map(RoundService::eventCoding).toList()));
        return new Versioned<>(view, consensusVersion(decided));
    }

    public Versioned<ConsensusView> consensus(UUID roundId, String transcriptId) {
        CodingRound round = visibleRound(roundId);
        assignedTranscript(round, transcriptId);
        List<Coding> decided = consensusOf(round.id, transcriptId);
        return new Versioned<>(consensusView(round.id, transcriptId, decided), consensusVersion(decided));
    }

    private ConsensusView consensusView(UUID roundId, String transcriptId, List<Coding> decided) {
        Map<UUID, io.chorus.coding.review.repository.SiteValidation> validations = codings.validationsOf(decided);
        return new ConsensusView(roundId, transcriptId, decided.isEmpty() ? null : decided.get(0).coder,
                decided.isEmpty() ? null : decided.get(0).updatedAt,
                decided.stream().map(c -> CodingView.of(c, validations.get(c.id))).toList());
    }

    private static CodingEvents.Decided eventCoding(Coding c) {
        return new CodingEvents.Decided(c.id, c.codeId, c.firstParagraph, c.lastParagraph, c.startOffset, c.endOffset, c.valence, c.weight);
    }

    /** The ETag of a consensus set: when it was last decided (0 before any decision). */
    private static long consensusVersion(List<Coding> decided) {
        return decided.stream().mapToLong(c -> c.updatedAt.toEpochMilli()).max().orElse(0);
    }

    Document document(CodingRound round, String transcriptId) {
        ReleasedTranscript transcript = assignedTranscript(round, transcriptId);
        List<Document.Paragraph> paragraphs = new ArrayList<>();
        Map<Integer, Long> starts = new HashMap<>();
        Map<Integer, Integer> lengths = new HashMap<>();
        long offset = 0;
        for (ReleasedTranscript.Paragraph p : transcript.paragraphs) {
            int length = CodingRules.codePoints(p);
            paragraphs.add(new Document.Paragraph(p.n, length));
            starts.put(p.n, offset);
            lengths.put(p.n, length);
            offset += length;
        }
        List<Span> spans = new ArrayList<>();
        // only the columns a span needs, not managed entities: a round can hold tens of thousands of codings
        for (Object[] c : em.createQuery("select c.id, c.coder, c.codeId, c.firstParagraph, c.lastParagraph, c.startOffset, c.endOffset "
                        + "from Coding c where c.roundId = ?1 and c.transcriptId = ?2 and c.consensus = false", Object[].class)
                .setParameter(1, round.id).setParameter(2, transcriptId).getResultList()) {
            int first = (Integer) c[3];
            int last = (Integer) c[4];
            if (!starts.containsKey(first) || !starts.containsKey(last)) {
                continue;
            }
            long start = starts.get(first) + (c[5] == null ? 0 : (Integer) c[5]);
            long end = starts.get(last) + (c[6] == null ? lengths.get(last) : (Integer) c[6]);
            spans.add(new Span(c[0].toString(), transcriptId, (String) c[1], c[2].toString(), first, last, start, Math.max(end, start)));
        }
        return new Document(transcriptId, paragraphs, spans);
    }

    private List<Coding> coderCodings(UUID roundId, String transcriptId) {
        return Coding.list("roundId = ?1 and transcriptId = ?2 and consensus = false", roundId, transcriptId);
    }

    private List<Coding> consensusOf(UUID roundId, String transcriptId) {
        return Coding.list("roundId = ?1 and transcriptId = ?2 and consensus = true order by firstParagraph, id",
                roundId, transcriptId);
    }

    Map<String, List<String>> assignments(UUID roundId) {
        Map<String, List<String>> coders = new TreeMap<>();
        RoundAssignment.<RoundAssignment>list("key.roundId", roundId).forEach(a ->
                coders.computeIfAbsent(a.key.transcriptId(), t -> new ArrayList<>()).add(a.key.coder()));
        coders.values().forEach(list -> list.sort(null));
        return coders;
    }

    private Map<UUID, Code> codesOf(Set<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return Code.<Code>list("id in ?1", ids).stream().collect(Collectors.toMap(c -> c.id, c -> c));
    }

    private ReleasedTranscript assignedTranscript(CodingRound round, String transcriptId) {
        ReleasedTranscript transcript = codings.readableTranscript(transcriptId);
        if (RoundAssignment.count("key.roundId = ?1 and key.transcriptId = ?2", round.id, transcriptId) == 0) {
            throw ProblemException.notFound("Transcript '" + transcriptId + "' in round '" + round.name + "'");
        }
        return transcript;
    }

    private CodingRound round(UUID id) {
        return CodingRound.<CodingRound>findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Round '" + id + "'"));
    }

    /** Analysts see every round; other coders only rounds they are assigned to. */
    private CodingRound visibleRound(UUID id) {
        CodingRound round = round(id);
        if (!caller.seesAllSites() && RoundAssignment.count("key.roundId = ?1 and key.coder = ?2", id, caller.username()) == 0) {
            throw ProblemException.notFound("Round '" + id + "'");
        }
        return round;
    }

    /** Comparison and agreement reveal everyone's work, so an independent round must be closed first. */
    CodingRound revealed(UUID id) {
        CodingRound round = visibleRound(id);
        if (round.blind()) {
            throw ProblemException.conflict("Round '" + round.name + "' is independent and still open: "
                    + "coders cannot see each other's work until it is closed");
        }
        return round;
    }
}
