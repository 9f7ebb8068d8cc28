package io.chorus.coding.exchange.service;

import io.chorus.coding.codebook.service.CodebookService;
import io.chorus.coding.coding.service.CodingRules;
import io.chorus.coding.coding.service.CodingService;

import io.chorus.coding.exchange.event.ProjectImported;
import io.chorus.coding.codebook.repository.Code;
import io.chorus.coding.coding.repository.Coding;
import io.chorus.coding.coding.repository.Memo;
import io.chorus.coding.codebook.repository.PhaseCodebook;
import io.chorus.coding.exchange.repository.ProjectImport;
import io.chorus.coding.exchange.repository.ProjectImportCoding;
import io.chorus.coding.exchange.repository.ProjectImportMemo;
import io.chorus.coding.transcript.repository.ReleasedTranscript;
import io.chorus.coding.codebook.service.CodebookCommands.NewCodebook;
import io.chorus.coding.coding.service.CodingCommands.NewCoding;
import io.chorus.coding.coding.service.CodingCommands.Passage;
import io.chorus.common.problem.ProblemException;
import io.chorus.refi.QdaProject;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * The coding side of a project moved in from a desktop tool (transcript-service made its sources transcripts and sent
 * {@link ProjectImported}). Its codes go to the study phase's codebook, else to a new draft codebook named after the
 * project; a code already there is found by GUID, a missing one is added as an inductive code. Its codings and
 * transcript notes wait until their transcript is released here, then become codings of the tool's coder and
 * transcript memos, each once; a note on no transcript is a project memo kept with the site. Runs inside the consumer's transaction, so it is applied together with the event.
 */
@ApplicationScoped
public class ProjectCodings {

    @Inject
    CodebookService codebooks;

    @Inject
    ToolCodes codes;

    @Inject
    CodingRules rules;

    @Inject
    CodingService codings;

    @Inject
    io.chorus.common.security.Caller caller;

    /** Codings of an imported project: waiting for their transcript's release, applied, or skipped with the reason. */
    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "ImportCounts")
    public record Counts(long waiting, long applied, long skipped) {
    }

    public record SkippedCoding(java.util.UUID id, String transcriptId, String codeGuid, String reason) {
    }

    public record ProjectCodingsView(java.util.UUID id, String site, String study, String phase, String project, String origin,
            String importedBy, java.util.UUID codebookId, int codesAdded, Counts codings, Counts memos, List<SkippedCoding> skipped,
            Instant receivedAt) {
    }

    /** Site staff and partner systems of the import's site, analysts and consortium admins; anyone else gets a 404. */
    @jakarta.transaction.Transactional
    public ProjectCodingsView view(java.util.UUID id) {
        ProjectImport project = ProjectImport.findById(id);
        if (project == null || !caller.holds(project.site, io.chorus.common.security.Roles.ANALYST,
                io.chorus.common.security.Roles.CONSORTIUM_ADMIN, io.chorus.common.security.Roles.SITE_LEAD,
                io.chorus.common.security.Roles.SITE_RESEARCHER, io.chorus.common.security.Roles.PARTNER_SYSTEM)) {
            throw ProblemException.notFound("Project import '" + id + "' (coding-service has it once transcript-service's job is done)");
        }
        List<SkippedCoding> skipped = ProjectImportCoding.<ProjectImportCoding>list("importId = ?1 and status = ?2 order by id", id,
                ProjectImportCoding.SKIPPED).stream().map(c -> new SkippedCoding(c.id, c.transcriptId, c.codeGuid, c.reason)).toList();
        return new ProjectCodingsView(project.id, project.site, project.study, project.phase, project.project, project.origin,
                project.importedBy, project.codebookId, project.codesAdded, new Counts(count(ProjectImportCoding.class, id,
                ProjectImportCoding.WAITING), count(ProjectImportCoding.class, id, ProjectImportCoding.APPLIED), count(
                ProjectImportCoding.class, id, ProjectImportCoding.SKIPPED)), new Counts(count(ProjectImportMemo.class, id,
                ProjectImportCoding.WAITING), count(ProjectImportMemo.class, id, ProjectImportCoding.APPLIED), 0), skipped,
                project.receivedAt);
    }

    private static long count(Class<?> type, java.util.UUID id, String status) {
        return ProjectImport.getEntityManager().createQuery("select count(x) from " + type.getSimpleName()
                + " x where x.importId = ?1 and x.status = ?2", Long.class).setParameter(1, id).setParameter(2, status).getSingleResult();
    }

    public void received(ProjectImported event) {
        ProjectImport project = ProjectImport.findById(event.importId());
        if (project == null) {
            project = new ProjectImport();
            project.id = event.importId();
            project.site = event.site();
            project.study = event.study();
            project.phase = event.phase();
            project.project = cut(event.project(), 500);
            project.origin = cut(event.origin(), 500);
            project.importedBy = event.importedBy();
            project.receivedAt = Instant.now();
            project.persist();
        }
        if (project.codebookId == null && !event.codes().isEmpty()) {
            PhaseCodebook phase = PhaseCodebook.findById(new PhaseCodebook.Key(event.study(), event.phase()));
            project.codebookId = phase != null ? phase.codebookId : codebooks.createAs(new NewCodebook(cut(name(event), 200),
                    "Codes of the project moved in from " + (event.origin() == null ? "a REFI-QDA tool" : event.origin()) + " at "
                            + event.site(), "inductive"), event.importedBy()).id;
        }
        if (project.codebookId != null) {
            project.codesAdded += codes.addMissing(new QdaProject(event.project(), event.origin(), List.of(), event.codes(), List.of(),
                    List.of(), List.of(), List.of(), List.of()), project.codebookId, event.importedBy());
        }
        for (ProjectImported.Coding coding : event.codings()) {
            if (ProjectImportCoding.findById(coding.id()) == null) {
                ProjectImportCoding waiting = new ProjectImportCoding();
                waiting.id = coding.id();
                waiting.importId = project.id;
                waiting.transcriptId = coding.transcriptId();
                waiting.codeGuid = coding.codeGuid();
                waiting.coder = cut(coding.coder(), 100);
                waiting.firstParagraph = coding.firstParagraph();
                waiting.startOffset = coding.startOffset();
                waiting.lastParagraph = coding.lastParagraph();
                waiting.endOffset = coding.endOffset();
                waiting.status = ProjectImportCoding.WAITING;
                waiting.persist();
            }
        }
        for (ProjectImported.Memo note : event.memos()) {
            received(project, note);
        }
        event.codings().stream().map(ProjectImported.Coding::transcriptId).distinct().map(id -> ReleasedTranscript.<ReleasedTranscript>findById(id))
                .filter(java.util.Objects::nonNull).forEach(this::released);
    }

    /** A transcript was released (or released again): what of an imported project waits for it is applied now. */
    public void released(ReleasedTranscript transcript) {
        for (ProjectImportCoding waiting : ProjectImportCoding.<ProjectImportCoding>list("transcriptId = ?1 and status = ?2", transcript.id,
                ProjectImportCoding.WAITING)) {
            ProjectImport project = ProjectImport.findById(waiting.importId);
            apply(project, waiting, transcript);
        }
        for (ProjectImportMemo waiting : ProjectImportMemo.<ProjectImportMemo>list("transcriptId = ?1 and status = ?2", transcript.id,
                ProjectImportCoding.WAITING)) {
            memo(waiting, transcript.id, transcript.site);
            waiting.status = ProjectImportCoding.APPLIED;
        }
    }

    private void apply(ProjectImport project, ProjectImportCoding waiting, ReleasedTranscript transcript) {
        if (Coding.findById(waiting.id) != null) {
            waiting.status = ProjectImportCoding.APPLIED;
            return;
        }
        Code code = codes.find(waiting.codeGuid, project.codebookId);
        if (code == null) {
            skip(waiting, "code " + waiting.codeGuid + " is not in the project's codebook");
            return;
        }
        // offsets count the original's code points: on an English original they hold; a translation is aligned by paragraph only
        boolean english = transcript.language != null && transcript.language.toLowerCase(Locale.ROOT).matches("en(-.*)?");
        NewCoding coding = new NewCoding(code.id, waiting.firstParagraph, waiting.lastParagraph, english ? waiting.startOffset : null,
                english ? waiting.endOffset : null, null, null, null);
        try {
            rules.codableCode(code.id, transcript, "/codeGuid");
            Passage passage = new Passage(coding.firstParagraph(), coding.lastParagraph(), coding.startOffset(), coding.endOffset());
            rules.checkPassage(transcript, passage, "");
            rules.checkExclusive(waiting.coder, transcript, code, null, passage, waiting.id, "/codeGuid");
        } catch (ProblemException refused) {
            skip(waiting, refused.getMessage());
            return;
        }
        codings.createFor(waiting.coder, transcript, coding, waiting.id);
        waiting.status = ProjectImportCoding.APPLIED;
    }

    /** Every note is kept as the import's; one on no transcript is a project memo of the site at once, the others wait. */
    private void received(ProjectImport project, ProjectImported.Memo note) {
        if (ProjectImportMemo.findById(note.id()) != null) {
            return;
        }
        ProjectImportMemo kept = new ProjectImportMemo();
        kept.id = note.id();
        kept.importId = project.id;
        kept.transcriptId = note.transcriptId();
        kept.title = cut(note.title(), 200);
        kept.text = note.text();
        kept.author = cut(note.author(), 100);
        kept.status = ProjectImportCoding.WAITING;
        if (note.transcriptId() == null) {
            memo(kept.id, "project", null, project.site, kept.title, kept.text, kept.author);
            kept.status = ProjectImportCoding.APPLIED;
        }
        kept.persist();
    }

    private static void memo(ProjectImportMemo waiting, String transcriptId, String site) {
        if (Memo.findById(waiting.id) == null) {
            memo(waiting.id, "transcript", transcriptId, site, waiting.title, waiting.text, waiting.author);
        }
    }

    private static void memo(java.util.UUID id, String target, String transcriptId, String site, String title, String text, String author) {
        Memo memo = new Memo();
        memo.id = id;
        memo.target = target;
        memo.transcriptId = transcriptId;
        memo.site = site;
        memo.title = cut(title, 200);
        memo.text = text;
        memo.author = cut(author, 100);
        memo.createdAt = Instant.now();
        memo.updatedAt = memo.createdAt;
        memo.persist();
    }

    private static void skip(ProjectImportCoding waiting, String reason) {
        waiting.status = ProjectImportCoding.SKIPPED;
        waiting.reason = cut(reason, 1000);
    }

    private static String name(ProjectImported event) {
        String project = event.project() == null || event.project().isBlank() ? "Imported project" : event.project().strip();
        return project + " (" + event.site() + ")";
    }

    private static String cut(String text, int length) {
        return text == null || text.length() <= length ? text : text.substring(0, length);
    }
}
