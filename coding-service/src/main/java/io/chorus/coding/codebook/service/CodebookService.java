package io.chorus.coding.codebook.service;

import io.chorus.common.security.Caller;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.chorus.coding.event.CodingEvents;
import io.chorus.coding.codebook.repository.Code;
import io.chorus.coding.codebook.repository.CodeChange;
import io.chorus.coding.codebook.repository.Codebook;
import io.chorus.coding.codebook.repository.CodebookVersion;
import io.chorus.coding.coding.repository.Coding;
import io.chorus.coding.coding.repository.Memo;
import io.chorus.coding.codebook.repository.PhaseCodebook;
import io.chorus.coding.codebook.service.CodebookCommands.CodeUpdate;
import io.chorus.coding.codebook.service.CodebookCommands.ImportedCode;
import io.chorus.coding.codebook.service.CodebookCommands.ImportedCodebook;
import io.chorus.coding.codebook.service.CodebookCommands.Merge;
import io.chorus.coding.codebook.service.CodebookCommands.Move;
import io.chorus.coding.codebook.service.CodebookCommands.NewCode;
import io.chorus.coding.codebook.service.CodebookCommands.NewCodebook;
import io.chorus.coding.codebook.service.CodebookCommands.Split;
import io.chorus.coding.codebook.service.CodebookViews.Change;
import io.chorus.coding.codebook.service.CodebookViews.CodeView;
import io.chorus.coding.codebook.service.CodebookViews.CodebookView;
import io.chorus.coding.codebook.service.CodebookViews.PublishedVersion;
import io.chorus.common.problem.ProblemException;
import io.chorus.common.rest.Versioned;
import io.chorus.common.rest.Versions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Codebooks: drafts, publishing, and tree refactoring that keeps every coding on a live code. */
@ApplicationScoped
@Transactional
public class CodebookService {

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    @Inject
    CodingEvents events;

    @Inject
    Caller caller;

    public Codebook create(NewCodebook command) {
        return newCodebook(command.name(), command.description(), command.origin(), null);
    }

    /** Imports a codebook file; {@code groupingDepth} levels from the top are grouping-only unless a code says otherwise. */
    public Codebook importCodebook(ImportedCodebook file, int groupingDepth, boolean frameworkRefFromId) {
        Codebook codebook = newCodebook(file.name(), file.description(), file.origin(), file.source());
        String defaultOrigin = "inductive".equals(file.origin()) ? "inductive" : "deductive";
        Set<String> keys = new HashSet<>();
        addImported(codebook, null, file.codes(), 0, groupingDepth, frameworkRefFromId, defaultOrigin, keys, "/codes", null);
        return codebook;
    }

    private List<Code> addImported(Codebook codebook, UUID parent, List<ImportedCode> codes, int depth, int groupingDepth,
            boolean frameworkRefFromId, String defaultOrigin, Set<String> keys, String pointer, String parentVariable) {
        List<Code> added = new java.util.ArrayList<>();
        for (int i = 0; i < codes.size(); i++) {
            ImportedCode imported = codes.get(i);
            if (imported.value() != null && parentVariable == null) {
                throw ProblemException.invalid(pointer + "/" + i + "/value", "A value belongs to a category of a variable: declare its "
                        + "parent group a variable with \"variable\"");
            }
            if (imported.id() != null && !keys.add(imported.id())) {
                throw ProblemException.invalid(pointer + "/" + i + "/id", "Code id '" + imported.id() + "' appears twice");
            }
            Code code = newCode(codebook, parent, i);
            code.key = imported.id();
            code.name = imported.name();
            code.definition = imported.definition();
            code.inclusion = imported.inclusion();
            code.exclusion = imported.exclusion();
            code.example = imported.example();
            code.colour = imported.colour();
            code.origin = imported.origin() != null ? imported.origin() : defaultOrigin;
            code.frameworkRef = imported.frameworkRef() != null ? imported.frameworkRef()
                    : frameworkRefFromId ? imported.id() : null;
            code.codable = imported.codable() != null ? imported.codable() : depth >= groupingDepth;
            code.persist();
            added.add(code);
            List<Code> children = imported.children() == null ? List.of() : addImported(codebook, code.id, imported.children(),
                    depth + 1, groupingDepth, frameworkRefFromId, defaultOrigin, keys, pointer + "/" + i + "/children", imported.variable());
            if (imported.variable() != null) {
                importedVariable(code, imported, children, pointer + "/" + i);
            }
        }
        return added;
    }

    /** A group of the file that declares itself a variable, checked as {@link #declareVariable} checks a declaration. */
    private static void importedVariable(Code group, ImportedCode imported, List<Code> categories, String pointer) {
        if (categories.size() < 2) {
            throw ProblemException.invalid(pointer + "/variable", "A variable needs at least two codes under '" + group.name
                    + "' as its categories");
        }
        for (int j = 0; j < categories.size(); j++) {
            Double value = imported.children().get(j).value();
            String at = pointer + "/children/" + j + "/value";
            if (value == null && !imported.variable().equals("nominal")) {
                throw ProblemException.invalid(at, "An " + imported.variable() + " variable gives every category a value; '"
                        + categories.get(j).name + "' has none");
            }
            if (value != null && (value.isNaN() || value.isInfinite() || "ratio".equals(imported.variable()) && value < 0)) {
                throw ProblemException.invalid(at, "ratio".equals(imported.variable()) ? "A ratio variable's values are zero or more"
                        : "A category's value must be a number");
            }
            categories.get(j).categoryValue = value;
        }
        group.variableLevel = imported.variable();
    }

    public Versioned<CodebookView> view(UUID id) {
        Codebook codebook = find(id);
        List<Code> codes = Code.activeOf(id);
        List<Integer> published = em.createQuery("select v.key.number from CodebookVersion v where v.key.codebookId = ?1 "
                + "order by v.key.number", Integer.class).setParameter(1, id).getResultList();
        return new Versioned<>(new CodebookView(codebook.id, codebook.name, codebook.description, codebook.origin,
                codebook.source, codebook.currentVersion, codebook.draft ? "draft" : "published", published,
                codes.size(), CodebookViews.tree(codes)), codebook.rowVersion);
    }

    public PublishedVersion publishedVersion(UUID id, int number) {
        find(id);
        CodebookVersion version = CodebookVersion.<CodebookVersion>findByIdOptional(new CodebookVersion.Key(id, number))
                .orElseThrow(() -> ProblemException.notFound("Published version " + number + " of codebook '" + id + "'"));
        try {
            List<CodeView> codes = json.readValue(version.snapshot, new TypeReference<>() { });
            return new PublishedVersion(id, number, version.publishedAt, version.publishedBy, codes);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable snapshot of codebook " + id, e);
        }
    }

    /** Freezes the draft as a published version and announces it. */
    public Codebook publish(UUID id, String ifMatch) {
        Codebook codebook = editableDraft(id, ifMatch);
        List<Code> codes = Code.activeOf(id);
        CodebookVersion version = new CodebookVersion();
        version.key = new CodebookVersion.Key(id, codebook.currentVersion);
        version.publishedAt = Instant.now();
        version.publishedBy = caller.username();
        version.snapshot = write(CodebookViews.tree(codes));
        version.persist();
        codebook.draft = false;
        em.flush();
        List<CodingEvents.PublishedCode> flat = codes.stream().map(code -> new CodingEvents.PublishedCode(code.id, code.key,
                code.parentId, code.name, code.codable, code.origin, code.frameworkRef)).toList();
        events.publish(CodingEvents.CODEBOOK_PUBLISHED, "codebook", id, new CodingEvents.CodebookPublished(id, codebook.name,
                codebook.currentVersion, version.publishedAt, version.publishedBy, flat));
        return codebook;
    }

    /** Starts the next draft from the last published version. */
    public Codebook newDraft(UUID id, String ifMatch) {
        Codebook codebook = find(id);
        Versions.requireMatch(ifMatch, codebook.rowVersion);
        if (codebook.draft) {
            throw ProblemException.conflict("Version " + codebook.currentVersion + " is already a draft; publish it first");
        }
        codebook.currentVersion++;
        codebook.draft = true;
        em.flush();
        return codebook;
    }

    public Code addCode(UUID codebookId, NewCode command, String ifMatch) {
        Codebook codebook = editableDraft(codebookId, ifMatch);
        if (command.parentId() != null) {
            liveCodeOf(codebookId, command.parentId(), "/parentId");
        }
        Code code = newCode(codebook, command.parentId(), nextPosition(codebookId, command.parentId()));
        apply(code, command);
        code.persist();
        record(codebook, code.id, "added", Map.of("name", code.name, "parentId", String.valueOf(code.parentId)));
        em.flush();
        return code;
    }

    /**
     * A code a desktop tool added, as an inductive code of the codebook's draft, a new draft when the last version is
     * published; {@code by} names who brought it, since an import job runs after its request.
     */
    public Code addInductive(UUID codebookId, NewCode command, String by) {
        Codebook codebook = find(codebookId);
        if (!codebook.draft) {
            codebook.currentVersion++;
            codebook.draft = true;
        }
        lockedDraft(codebook);
        Code code = newCode(codebook, command.parentId(), nextPosition(codebookId, command.parentId()));
        apply(code, command);
        code.persist();
        record(codebook, code.id, "added", Map.of("name", code.name, "parentId", String.valueOf(code.parentId)), by);
        em.flush();
        return code;
    }

    public Code updateCode(UUID codeId, CodeUpdate command, String ifMatch) {
        Code code = findCode(codeId);
        Versions.requireMatch(ifMatch, code.rowVersion);
        Codebook codebook = lockedDraft(find(code.codebookId));
        String oldName = code.name;
        apply(code, command);
        if (!oldName.equals(code.name)) {
            record(codebook, code.id, "renamed", Map.of("from", oldName, "to", code.name));
        } else {
            record(codebook, code.id, "edited", Map.of("name", code.name));
        }
        em.flush();
        return code;
    }

    /** Makes the group a variable (or an ordinary group again); every one of its live codes must have a value unless nominal. */
    public Code declareVariable(UUID codeId, CodebookCommands.VariableDeclaration command, String ifMatch) {
        Code group = findCode(codeId);
        Codebook codebook = editableDraft(group.codebookId, ifMatch);
        List<Code> categories = Code.list("parentId = ?1 and retiredIn is null order by position", group.id);
        Map<UUID, Double> values = command.values() == null ? Map.of() : command.values();
        if (command.level() != null && categories.size() < 2) {
            throw ProblemException.invalid("/level", "A variable needs at least two codes under '" + group.name + "' as its categories");
        }
        for (UUID id : values.keySet()) {
            if (categories.stream().noneMatch(c -> c.id.equals(id))) {
                throw ProblemException.invalid("/values/" + id, "Not a live code under '" + group.name + "'");
            }
            if (values.get(id) == null || values.get(id).isNaN() || values.get(id).isInfinite()) {
                throw ProblemException.invalid("/values/" + id, "A category's value must be a number");
            }
        }
        if (command.level() != null && !command.level().equals("nominal")) {
            for (Code category : categories) {
                if (!values.containsKey(category.id)) {
                    throw ProblemException.invalid("/values", "An " + command.level() + " variable gives every category a value; '"
                            + category.name + "' has none");
                }
            }
        }
        if ("ratio".equals(command.level()) && values.values().stream().anyMatch(v -> v < 0)) {
            throw ProblemException.invalid("/values", "A ratio variable's values are zero or more");
        }
        group.variableLevel = command.level();
        for (Code category : categories) {
            category.categoryValue = command.level() == null ? null : values.get(category.id);
        }
        record(codebook, group.id, "variable", Map.of("name", group.name, "level", String.valueOf(command.level())));
        em.flush();
        return group;
    }

    public Code move(UUID codeId, Move command, String ifMatch) {
        Code code = findCode(codeId);
        Codebook codebook = editableDraft(code.codebookId, ifMatch);
        if (command.parentId() != null) {
            Code parent = liveCodeOf(code.codebookId, command.parentId(), "/parentId");
            for (Code ancestor = parent; ancestor != null; ancestor = ancestor.parentId == null ? null : findCode(ancestor.parentId)) {
                if (ancestor.id.equals(code.id)) {
                    throw ProblemException.invalid("/parentId", "A code cannot move under itself or its own sub-codes");
                }
            }
        }
        UUID from = code.parentId;
        code.parentId = command.parentId();
        code.position = command.position() != null ? command.position() : nextPosition(code.codebookId, command.parentId());
        record(codebook, code.id, "moved", Map.of("from", String.valueOf(from), "to", String.valueOf(code.parentId)));
        em.flush();
        return code;
    }

    /** Merges a code into another: its codings, memos and sub-codes follow the surviving code. */
    public Code merge(UUID codeId, Merge command, String ifMatch) {
        Code code = findCode(codeId);
        Codebook codebook = editableDraft(code.codebookId, ifMatch);
        if (command.into().equals(codeId)) {
            throw ProblemException.invalid("/into", "A code cannot be merged into itself");
        }
        Code survivor = liveCodeOf(code.codebookId, command.into(), "/into");
        if (!survivor.codable) {
            throw ProblemException.invalid("/into", "'" + survivor.name + "' is grouping-only; merge into a codable code");
        }
        Instant now = Instant.now();
        int moved = em.createQuery("update Coding set codeId = ?1, updatedAt = ?2, rowVersion = rowVersion + 1 where codeId = ?3")
                .setParameter(1, survivor.id).setParameter(2, now).setParameter(3, code.id).executeUpdate();
        Memo.update("codeId = ?1 where codeId = ?2", survivor.id, code.id);
        Code.update("parentId = ?1 where parentId = ?2 and retiredIn is null", survivor.id, code.id);
        code.retiredIn = codebook.currentVersion;
        code.mergedInto = survivor.id;
        record(codebook, code.id, "merged", Map.of("into", survivor.id.toString(), "codings", moved));
        em.flush();
        events.publish(CodingEvents.CODE_CHANGED, "codebook", codebook.id, changeEvent(codebook, code, "merged", survivor.id, moved,
                null, null));
        return survivor;
    }

    /** Splits a code into new sibling codes; each coding of the original moves to the part it is assigned to. */
    public List<Code> split(UUID codeId, Split command, String ifMatch) {
        Code code = findCode(codeId);
        Codebook codebook = editableDraft(code.codebookId, ifMatch);
        List<UUID> codings = em.createQuery("select c.id from Coding c where c.codeId = ?1", UUID.class)
                .setParameter(1, code.id).getResultList();
        for (UUID coding : codings) {
            Integer part = command.assignments().get(coding);
            if (part == null) {
                throw ProblemException.invalid("/assignments/" + coding, "Coding " + coding + " of '" + code.name
                        + "' must be assigned to one of the parts, or it would be lost");
            }
        }
        for (Map.Entry<UUID, Integer> assignment : command.assignments().entrySet()) {
            if (!codings.contains(assignment.getKey())) {
                throw ProblemException.invalid("/assignments/" + assignment.getKey(), "Not a coding of '" + code.name + "'");
            }
            if (assignment.getValue() == null || assignment.getValue() < 0 || assignment.getValue() >= command.parts().size()) {
                throw ProblemException.invalid("/assignments/" + assignment.getKey(), "Part index must be 0.."
                        + (command.parts().size() - 1));
            }
        }
        List<Code> parts = new ArrayList<>();
        int position = code.position;
        for (NewCode partCommand : command.parts()) {
            Code part = newCode(codebook, code.parentId, position++);
            apply(part, partCommand);
            part.persist();
            parts.add(part);
        }
        em.flush();
        Instant now = Instant.now();
        Map<String, UUID> moved = new LinkedHashMap<>();
        for (Map.Entry<UUID, Integer> assignment : command.assignments().entrySet()) {
            UUID target = parts.get(assignment.getValue()).id;
            em.createQuery("update Coding set codeId = ?1, updatedAt = ?2, rowVersion = rowVersion + 1 where id = ?3")
                    .setParameter(1, target).setParameter(2, now).setParameter(3, assignment.getKey()).executeUpdate();
            moved.put(assignment.getKey().toString(), target);
        }
        Code.update("parentId = ?1 where parentId = ?2 and retiredIn is null", parts.get(0).id, code.id);
        code.retiredIn = codebook.currentVersion;
        record(codebook, code.id, "split", Map.of("parts", parts.stream().map(p -> p.id.toString()).toList(),
                "codings", moved.size()));
        em.flush();
        events.publish(CodingEvents.CODE_CHANGED, "codebook", codebook.id, changeEvent(codebook, code, "split", null, null,
                parts.stream().map(p -> new CodingEvents.Part(p.id, p.name)).toList(), moved));
        return parts;
    }

    public List<Change> history(UUID codebookId) {
        find(codebookId);
        return CodeChange.<CodeChange>list("codebookId = ?1 order by id", codebookId).stream().map(Change::of).toList();
    }

    public void assignToPhase(String study, String phase, UUID codebookId) {
        find(codebookId);
        PhaseCodebook assignment = PhaseCodebook.findById(new PhaseCodebook.Key(study, phase));
        if (assignment == null) {
            assignment = new PhaseCodebook();
            assignment.key = new PhaseCodebook.Key(study, phase);
        }
        assignment.codebookId = codebookId;
        assignment.persist();
        events.publish(CodingEvents.PHASE_CODEBOOK_ASSIGNED, "study-phase", study + "/" + phase,
                new CodingEvents.PhaseCodebookAssigned(study, phase, codebookId, caller.username(), Instant.now()));
    }

    public Codebook find(UUID id) {
        return Codebook.<Codebook>findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Codebook '" + id + "'"));
    }

    public Code findCode(UUID id) {
        return Code.<Code>findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Code '" + id + "'"));
    }

    private Code liveCodeOf(UUID codebookId, UUID codeId, String pointer) {
        Code code = Code.findById(codeId);
        if (code == null || !code.codebookId.equals(codebookId) || !code.active()) {
            throw ProblemException.invalid(pointer, "No live code '" + codeId + "' in this codebook");
        }
        return code;
    }

    /** Structural edits need the codebook's current ETag and a draft; each one bumps the ETag. */
    private Codebook editableDraft(UUID id, String ifMatch) {
        Codebook codebook = find(id);
        Versions.requireMatch(ifMatch, codebook.rowVersion);
        return lockedDraft(codebook);
    }

    private Codebook lockedDraft(Codebook codebook) {
        if (!codebook.draft) {
            throw ProblemException.conflict("Version " + codebook.currentVersion + " of '" + codebook.name
                    + "' is published and frozen; start a new draft (POST .../drafts) to change it");
        }
        em.lock(codebook, LockModeType.PESSIMISTIC_FORCE_INCREMENT);
        return codebook;
    }

    private Codebook newCodebook(String name, String description, String origin, String source) {
        return newCodebook(name, description, origin, source, caller.username());
    }

    /** An empty draft codebook made on someone's behalf, outside a request (an imported project's codes). */
    public Codebook createAs(NewCodebook command, String by) {
        return newCodebook(command.name(), command.description(), command.origin(), null, by);
    }

    private Codebook newCodebook(String name, String description, String origin, String source, String by) {
        Codebook codebook = new Codebook();
        codebook.id = UUID.randomUUID();
        codebook.name = name;
        codebook.description = description;
        codebook.origin = origin;
        codebook.source = source;
        codebook.currentVersion = 1;
        codebook.draft = true;
        codebook.createdBy = by;
        codebook.createdAt = Instant.now();
        codebook.persist();
        return codebook;
    }

    private Code newCode(Codebook codebook, UUID parent, int position) {
        Code code = new Code();
        code.id = UUID.randomUUID();
        code.codebookId = codebook.id;
        code.parentId = parent;
        code.position = position;
        code.addedIn = codebook.currentVersion;
        code.origin = "inductive";
        code.codable = true;
        return code;
    }

    private static void apply(Code code, NewCode command) {
        code.key = command.key();
        apply(code, command.attributes());
    }

    private static void apply(Code code, CodeUpdate command) {
        code.name = command.name();
        code.definition = command.definition();
        code.inclusion = command.inclusion();
        code.exclusion = command.exclusion();
        code.example = command.example();
        code.colour = command.colour();
        if (command.origin() != null) {
            code.origin = command.origin();
        }
        code.frameworkRef = command.frameworkRef();
        if (command.codable() != null) {
            code.codable = command.codable();
        }
    }

    private int nextPosition(UUID codebookId, UUID parent) {
        Integer max = parent == null
                ? em.createQuery("select max(c.position) from Code c where c.codebookId = ?1 and c.parentId is null", Integer.class)
                        .setParameter(1, codebookId).getSingleResult()
                : em.createQuery("select max(c.position) from Code c where c.codebookId = ?1 and c.parentId = ?2", Integer.class)
                        .setParameter(1, codebookId).setParameter(2, parent).getSingleResult();
        return max == null ? 0 : max + 1;
    }

    private void record(Codebook codebook, UUID codeId, String kind, Map<String, ?> detail) {
        record(codebook, codeId, kind, detail, caller.username());
    }

    private void record(Codebook codebook, UUID codeId, String kind, Map<String, ?> detail, String by) {
        CodeChange change = new CodeChange();
        change.codebookId = codebook.id;
        change.version = codebook.currentVersion;
        change.codeId = codeId;
        change.kind = kind;
        change.detail = write(detail);
        change.changedBy = by;
        change.changedAt = Instant.now();
        change.persist();
        if (kind.equals("renamed") || kind.equals("moved")) {
            Code code = Code.findById(codeId);
            events.publish(CodingEvents.CODE_CHANGED, "codebook", codebook.id, changeEvent(codebook, code, kind, null, null, null, null));
        }
    }

    private CodingEvents.CodeChanged changeEvent(Codebook codebook, Code code, String change, UUID into, Integer codingsMoved,
            List<CodingEvents.Part> parts, Map<String, UUID> assignments) {
        return new CodingEvents.CodeChanged(codebook.id, codebook.currentVersion, code.id, change, code.name, code.parentId,
                caller.username(), Instant.now(), into, codingsMoved, parts, assignments);
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
