package io.chorus.coding.codebook.service;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import io.chorus.coding.codebook.repository.Code;
import io.chorus.coding.codebook.repository.CodeChange;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** What clients read about codebooks. */
public final class CodebookViews {

    private CodebookViews() {
    }

    public record CodeView(UUID id, UUID codebookId, String key, UUID parentId, String name, String definition,
            String inclusion, String exclusion, String example, String colour, String origin, String frameworkRef,
            boolean codable, int position, int addedIn, Integer retiredIn, UUID mergedInto, String variableLevel,
            Double categoryValue, List<CodeView> children) {

        public static CodeView of(Code c, List<CodeView> children) {
            return new CodeView(c.id, c.codebookId, c.key, c.parentId, c.name, c.definition, c.inclusion, c.exclusion,
                    c.example, c.colour, c.origin, c.frameworkRef, c.codable, c.position, c.addedIn, c.retiredIn,
                    c.mergedInto, c.variableLevel, c.categoryValue, children);
        }
    }

    public record CodebookView(UUID id, String name, String description, String origin, String source, int version,
            String status, List<Integer> publishedVersions, int codeCount, List<CodeView> codes) {
    }

    public record CodebookSummary(UUID id, String name, String origin, int version, String status) {
    }

    public record PublishedVersion(UUID codebookId, int version, Instant publishedAt, String publishedBy,
            List<CodeView> codes) {
    }

    @Schema(name = "CodebookChange")
    public record Change(long id, int version, UUID codeId, String kind, String detail, String changedBy,
            Instant changedAt) {
        static Change of(CodeChange c) {
            return new Change(c.id, c.version, c.codeId, c.kind, c.detail, c.changedBy, c.changedAt);
        }
    }

    public record Template(String name, String title, String source, int codes) {
    }

    /** Nests a flat list of codes into their tree, ordered by position then name. */
    public static List<CodeView> tree(List<Code> codes) {
        Map<UUID, List<Code>> byParent = codes.stream().collect(Collectors.groupingBy(
                c -> c.parentId == null ? ROOT : c.parentId));
        return children(ROOT, byParent);
    }

    private static final UUID ROOT = new UUID(0, 0);

    private static List<CodeView> children(UUID parent, Map<UUID, List<Code>> byParent) {
        List<CodeView> views = new ArrayList<>();
        byParent.getOrDefault(parent, List.of()).stream()
                .sorted(Comparator.comparingInt((Code c) -> c.position).thenComparing(c -> c.name))
                .forEach(c -> views.add(CodeView.of(c, children(c.id, byParent))));
        return views;
    }
}
