package io.chorus.coding.coding.service;

import io.chorus.coding.staff.service.CodingStaff;
import io.chorus.coding.http.ListingCursor;

import io.chorus.common.security.Caller;
import io.chorus.coding.event.CodingEvents;
import io.chorus.coding.codebook.repository.Code;
import io.chorus.coding.coding.repository.Coding;
import io.chorus.coding.round.repository.CodingRound;
import io.chorus.coding.coding.repository.Memo;
import io.chorus.coding.transcript.repository.ReleasedTranscript;
import io.chorus.coding.round.repository.RoundAssignment;
import io.chorus.coding.review.repository.SiteValidation;
import io.chorus.coding.coding.service.CodingCommands.CodingUpdate;
import io.chorus.coding.coding.service.CodingCommands.NewCoding;
import io.chorus.coding.coding.service.CodingCommands.Passage;
import io.chorus.coding.coding.service.CodingViews.CodingView;
import io.chorus.common.problem.ProblemException;
import io.chorus.common.rest.Page;
import io.chorus.common.rest.Versioned;
import io.chorus.common.rest.Versions;
import io.chorus.common.security.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Coding passages of released transcripts, with blind rounds respected in every read. */
@ApplicationScoped
@Transactional
public class CodingService {

    @Inject
    CodingRules rules;

    /** Filters of the coding listing; null means "any". */
    public record Filter(String transcriptId, String site, UUID codeId, String coder, UUID roundId, String valence,
            Boolean consensus) {
    }

    @Inject
    EntityManager em;

    @Inject
    Caller caller;

    @Inject
    CodingEvents events;

    public Coding create(String transcriptId, NewCoding command) {
        return create(transcriptId, command, UUID.randomUUID());
    }

    public Coding create(String transcriptId, NewCoding command, UUID id) {
        return createFor(caller.username(), writableTranscript(transcriptId), command, id);
    }

    /**
     * Codes a passage for {@code coder}, who must be entitled to the transcript already (the caller, or an importer
     * checked for it); the round, code and passage are checked here.
     */
    public Coding createFor(String coder, ReleasedTranscript transcript, NewCoding command, UUID id) {
        Code code = codableCode(command.codeId(), transcript, "/codeId");
        if (command.roundId() != null) {
            CodingRound round = CodingRound.findById(command.roundId());
            if (round == null) {
                throw ProblemException.invalid("/roundId", "No coding round '" + command.roundId() + "'");
            }
            if (!round.open()) {
                throw ProblemException.conflict("Round '" + round.name + "' is closed");
            }
            if (!RoundAssignment.exists(round.id, transcript.id, coder)) {
                throw ProblemException.forbidden(coder + " is not assigned to this transcript in round '" + round.name + "'");
            }
            if (!round.codebookId.equals(code.codebookId)) {
                throw ProblemException.invalid("/codeId", "Round '" + round.name + "' codes with another codebook");
            }
        }
        checkPassage(transcript, command.passage(), "");
        rules.checkExclusive(coder, transcript, code, command.roundId(), command.passage(), id, "/codeId");
        Coding coding = new Coding();
        coding.id = id;
        coding.transcriptId = transcript.id;
        coding.site = transcript.site;
        coding.coder = coder;
        coding.roundId = command.roundId();
        coding.codeId = code.id;
        setPassage(coding, command.passage());
        coding.valence = command.valence();
        coding.weight = command.weight();
        coding.createdAt = Instant.now();
        coding.updatedAt = coding.createdAt;
        coding.persist();
        em.flush();
        publishCoded(coding, code);
        return coding;
    }

    public Coding update(UUID id, CodingUpdate command, String ifMatch) {
        Coding coding = ownCoding(id);
        Versions.requireMatch(ifMatch, coding.rowVersion);
        ReleasedTranscript transcript = ReleasedTranscript.findById(coding.transcriptId);
        Code code = codableCode(command.codeId(), transcript, "/codeId");
        checkPassage(transcript, command.passage(), "");
        rules.checkExclusive(coding.coder, transcript, code, coding.roundId, command.passage(), coding.id, "/codeId");
        coding.codeId = code.id;
        setPassage(coding, command.passage());
        coding.valence = command.valence();
        coding.weight = command.weight();
        coding.updatedAt = Instant.now();
        em.flush();
        publishCoded(coding, code);
        return coding;
    }

    public void delete(UUID id, String ifMatch) {
        Coding coding = ownCoding(id);
        Versions.requireMatch(ifMatch, coding.rowVersion);
        coding.delete();
        publishRemoved(coding, "removed");
    }

    public Versioned<CodingView> get(UUID id) {
        Coding coding = visible(id);
        return new Versioned<>(CodingView.of(coding, SiteValidation.find("codingId", coding.id).firstResult()),
                coding.rowVersion);
    }

    public Page<CodingView> list(Filter filter, int page, int size) {
        return list(filter, page, size, null, true);
    }

    /**
     * A page in the order (createdAt, id): by page number, or after a cursor ({@link ListingCursor}), which stays cheap
     * however deep it goes. The total is counted only when asked for: over a million codings the count costs more than
     * the page.
     */
    public Page<CodingView> list(Filter filter, int page, int size, String after, boolean withTotal) {
        StringBuilder where = new StringBuilder("1 = 1");
        Map<String, Object> params = new LinkedHashMap<>();
        condition(where, params, "transcriptId", filter.transcriptId());
        caller.requireSiteFilter(filter.site(), CodingStaff.ANYWHERE);
        condition(where, params, "site", filter.site());
        condition(where, params, "codeId", filter.codeId());
        condition(where, params, "coder", filter.coder());
        condition(where, params, "roundId", filter.roundId());
        condition(where, params, "valence", filter.valence());
        condition(where, params, "consensus", filter.consensus());
        if (!caller.seesAllSites()) {
            where.append(" and c.site in :sites");
            params.put("sites", caller.sitesWhere(CodingStaff.AT_SITE).isEmpty() ? Set.of("-") : caller.sitesWhere(CodingStaff.AT_SITE));
        }
        where.append(visibleCodings("c", params));
        TypedQuery<Long> count = em.createQuery("select count(c) from Coding c where " + where, Long.class);
        params.forEach(count::setParameter);
        ListingCursor cursor = ListingCursor.parse(after);
        if (cursor != null) {
            where.append(" and (c.createdAt > :afterTime or (c.createdAt = :afterTime and c.id > :afterId))");
            params.put("afterTime", cursor.createdAt());
            params.put("afterId", cursor.id());
        }
        TypedQuery<Coding> query = em.createQuery("select c from Coding c where " + where + " order by c.createdAt, c.id", Coding.class);
        params.forEach(query::setParameter);
        List<Coding> codings = query.setFirstResult(cursor == null ? page * size : 0).setMaxResults(size + 1).getResultList();
        String next = null;
        if (codings.size() > size) {
            codings = codings.subList(0, size);
            Coding last = codings.get(size - 1);
            next = new ListingCursor(last.createdAt, last.id).toString();
        }
        Map<UUID, SiteValidation> validations = validationsOf(codings);
        return new Page<>(codings.stream().map(c -> CodingView.of(c, validations.get(c.id))).toList(), cursor == null ? page : 0, size,
                withTotal ? count.getSingleResult() : null, next);
    }

    /** A coding the caller may see: its site is readable, and it is not another coder's work in a blind round. */
    public Coding visible(UUID id) {
        Coding coding = Coding.findById(id);
        if (coding == null || !caller.holds(coding.site, CodingStaff.ANYWHERE) || hiddenByRound(coding)) {
            throw ProblemException.notFound("Coding '" + id + "'");
        }
        return coding;
    }

    public ReleasedTranscript readableTranscript(String transcriptId) {
        ReleasedTranscript transcript = ReleasedTranscript.findById(transcriptId);
        if (transcript == null || !caller.holds(transcript.site, CodingStaff.ANYWHERE)) {
            throw ProblemException.notFound("Transcript '" + transcriptId + "'");
        }
        return transcript;
    }

    /** Checks that a passage exists in the transcript; pointers are prefixed for nested decisions. */
    public void checkPassage(ReleasedTranscript transcript, Passage passage, String prefix) {
        rules.checkPassage(transcript, passage, prefix);
    }

    /** A code that may be applied to this transcript: live, codable, and from its phase's codebook if one is set. */
    public Code codableCode(UUID codeId, ReleasedTranscript transcript, String pointer) {
        return rules.codableCode(codeId, transcript, pointer);
    }

    /** A participant withdrew: codings and passage memos touching their paragraphs go, and consumers hear of it. */
    public void purgeParagraphs(String transcriptId, List<Integer> paragraphs) {
        List<Coding> touched = Coding.<Coding>list("transcriptId", transcriptId).stream()
                .filter(c -> paragraphs.stream().anyMatch(c::covers)).toList();
        for (Coding coding : touched) {
            coding.delete();
            publishRemoved(coding, "consent-withdrawn");
        }
        Memo.<Memo>list("transcriptId = ?1 and target = 'passage'", transcriptId).stream()
                .filter(m -> paragraphs.stream().anyMatch(n -> m.firstParagraph <= n && n <= m.lastParagraph))
                .forEach(Memo::delete);
    }

    public void purgeTranscript(String transcriptId) {
        for (Coding coding : Coding.<Coding>list("transcriptId", transcriptId)) {
            publishRemoved(coding, "transcript-withdrawn");
        }
    }

    public void publishRemoved(Coding coding, String reason) {
        events.publish(CodingEvents.CODING_REMOVED, "coding", coding.id, new CodingEvents.CodingRemoved(coding.id,
                coding.transcriptId, coding.site, coding.codeId, reason, coding.consensus, Instant.now()));
    }

    public Map<UUID, SiteValidation> validationsOf(List<Coding> codings) {
        if (codings.isEmpty()) {
            return Map.of();
        }
        return SiteValidation.<SiteValidation>list("codingId in ?1", codings.stream().map(c -> c.id).toList()).stream()
                .collect(Collectors.toMap(v -> v.codingId, Function.identity()));
    }

    public static void setPassage(Coding coding, Passage passage) {
        coding.firstParagraph = passage.firstParagraph();
        coding.lastParagraph = passage.lastParagraph();
        coding.startOffset = passage.startOffset();
        coding.endOffset = passage.endOffset();
    }

    private void publishCoded(Coding coding, Code code) {
        events.publish(CodingEvents.PASSAGE_CODED, "coding", coding.id, new CodingEvents.PassageCoded(coding.id, coding.transcriptId,
                coding.site, coding.codeId, code.codebookId, coding.coder, coding.roundId, coding.firstParagraph, coding.lastParagraph,
                coding.startOffset, coding.endOffset, coding.valence, coding.weight, coding.rowVersion, coding.updatedAt));
    }

    private ReleasedTranscript writableTranscript(String transcriptId) {
        ReleasedTranscript transcript = readableTranscript(transcriptId);
        if (!caller.seesAllSites()) {
            caller.requireAt(transcript.site, CodingStaff.AT_SITE);
        }
        return transcript;
    }

    private Coding ownCoding(UUID id) {
        Coding coding = visible(id);
        if (coding.consensus) {
            throw ProblemException.conflict("Consensus codings change only through the round's consensus decision");
        }
        if (!coding.coder.equals(caller.username()) && !caller.holdsConsortiumWide(Roles.CONSORTIUM_ADMIN)) {
            throw ProblemException.forbidden("Only the coder who made this coding may change it");
        }
        return coding;
    }

    private boolean hiddenByRound(Coding coding) {
        if (coding.roundId == null || coding.consensus || coding.coder.equals(caller.username())) {
            return false;
        }
        CodingRound round = CodingRound.findById(coding.roundId);
        return round != null && round.blind();
    }

    /**
     * The condition that keeps, of the codings aliased {@code alias}, those the caller may see: while an independent round
     * is open its codings are hidden from everyone but their coder (consensus codings excepted).
     */
    public String visibleCodings(String alias, Map<String, Object> params) {
        List<UUID> blind = blindRounds();
        if (blind.isEmpty()) {
            return "";
        }
        params.put("me", caller.username());
        params.put("blind", blind);
        return " and (%1$s.roundId is null or %1$s.consensus = true or %1$s.coder = :me or %1$s.roundId not in :blind)".formatted(alias);
    }

    public List<UUID> blindRounds() {
        return em.createQuery("select r.id from CodingRound r where r.independent = true and r.status = 'open'", UUID.class)
                .getResultList();
    }

    private static void condition(StringBuilder where, Map<String, Object> params, String field, Object value) {
        if (value != null) {
            where.append(" and c.").append(field).append(" = :").append(field);
            params.put(field, value);
        }
    }
}
