package io.chorus.coding.coding.service;

import io.chorus.coding.staff.service.CodingStaff;

import io.chorus.common.security.Caller;
import io.chorus.coding.codebook.repository.Code;
import io.chorus.coding.coding.repository.Memo;
import io.chorus.coding.transcript.repository.ReleasedTranscript;
import io.chorus.coding.coding.service.CodingCommands.MemoUpdate;
import io.chorus.coding.coding.service.CodingCommands.NewMemo;
import io.chorus.coding.coding.service.CodingCommands.Passage;
import io.chorus.coding.coding.service.CodingViews.MemoView;
import io.chorus.common.problem.ProblemException;
import io.chorus.common.rest.Page;
import io.chorus.common.rest.Versioned;
import io.chorus.common.rest.Versions;
import io.chorus.common.security.Roles;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/** Memos on the project, a code, a transcript or a passage; transcript memos follow the transcript's site access. */
@ApplicationScoped
@Transactional
public class MemoService {

    @Inject
    Caller caller;

    @Inject
    CodingService codings;

    public Memo create(NewMemo command) {
        Memo memo = new Memo();
        memo.id = UUID.randomUUID();
        memo.target = command.target();
        switch (command.target()) {
            case "code" -> {
                if (command.codeId() == null || Code.findById(command.codeId()) == null) {
                    throw ProblemException.invalid("/codeId", "A code memo needs the id of an existing code");
                }
                memo.codeId = command.codeId();
            }
            case "transcript", "passage" -> {
                if (command.transcriptId() == null) {
                    throw ProblemException.invalid("/transcriptId", "A " + command.target() + " memo needs transcriptId");
                }
                ReleasedTranscript transcript = codings.readableTranscript(command.transcriptId());
                memo.transcriptId = transcript.id;
                memo.site = transcript.site;
                if (command.target().equals("passage")) {
                    if (command.firstParagraph() == null || command.lastParagraph() == null) {
                        throw ProblemException.invalid("/firstParagraph", "A passage memo needs firstParagraph and lastParagraph");
                    }
                    codings.checkPassage(transcript, new Passage(command.firstParagraph(), command.lastParagraph(), null, null), "");
                    memo.firstParagraph = command.firstParagraph();
                    memo.lastParagraph = command.lastParagraph();
                }
            }
            default -> {
                if (!caller.seesAllSites()) {
                    throw ProblemException.forbidden("Project memos are written by analysts");
                }
            }
        }
        memo.title = command.title();
        memo.text = command.text();
        memo.author = caller.username();
        memo.createdAt = Instant.now();
        memo.updatedAt = memo.createdAt;
        memo.persist();
        return memo;
    }

    public Versioned<MemoView> get(UUID id) {
        Memo memo = visible(id);
        return new Versioned<>(MemoView.of(memo), memo.rowVersion);
    }

    public Page<MemoView> list(String target, UUID codeId, String transcriptId, int page, int size) {
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        if (target != null) {
            where.append(" and target = :target");
            params.and("target", target);
        }
        if (codeId != null) {
            where.append(" and codeId = :codeId");
            params.and("codeId", codeId);
        }
        if (transcriptId != null) {
            where.append(" and transcriptId = :transcriptId");
            params.and("transcriptId", transcriptId);
        }
        if (!caller.seesAllSites()) {
            Set<String> sites = caller.sitesWhere(CodingStaff.AT_SITE).isEmpty() ? Set.of("-") : caller.sitesWhere(CodingStaff.AT_SITE);
            where.append(" and (site is null or site in :sites)");
            params.and("sites", sites);
        }
        PanacheQuery<Memo> query = Memo.find(where.toString(), Sort.by("createdAt").and("id"), params);
        return new Page<>(query.page(page, size).list().stream().map(MemoView::of).toList(), page, size, query.count());
    }

    public Memo update(UUID id, MemoUpdate command, String ifMatch) {
        Memo memo = own(id);
        Versions.requireMatch(ifMatch, memo.rowVersion);
        memo.title = command.title();
        memo.text = command.text();
        memo.updatedAt = Instant.now();
        Memo.getEntityManager().flush();
        return memo;
    }

    public void delete(UUID id, String ifMatch) {
        Memo memo = own(id);
        Versions.requireMatch(ifMatch, memo.rowVersion);
        memo.delete();
    }

    private Memo visible(UUID id) {
        Memo memo = Memo.findById(id);
        if (memo == null || (memo.site != null && !caller.holds(memo.site, CodingStaff.ANYWHERE))) {
            throw ProblemException.notFound("Memo '" + id + "'");
        }
        return memo;
    }

    private Memo own(UUID id) {
        Memo memo = visible(id);
        if (!memo.author.equals(caller.username()) && !caller.holdsConsortiumWide(Roles.CONSORTIUM_ADMIN)) {
            throw ProblemException.forbidden("Only the memo's author may change it");
        }
        return memo;
    }
}
