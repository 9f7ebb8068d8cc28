package io.chorus.coding.codebook.service;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What clients send to build and refactor codebooks. */
public final class CodebookCommands {

    private CodebookCommands() {
    }

    public record NewCodebook(@NotBlank @Size(max = 200) String name, @Size(max = 4000) String description,
            @Pattern(regexp = "deductive|inductive|inductive\\+deductive") String origin) {
    }

    /** The codebook file format of the bundled templates: a tree of codes with optional attributes. */
    @JsonIgnoreProperties(ignoreUnknown = false)
    public record ImportedCodebook(@NotBlank @Size(max = 200) String name, @Size(max = 4000) String description,
            @Pattern(regexp = "deductive|inductive|inductive\\+deductive") String origin, @Size(max = 1000) String source,
            @NotEmpty @Size(max = 2000) List<@Valid @NotNull ImportedCode> codes) {
    }

    /**
     * A code of the file. A group may declare itself a variable ({@code variable}: its level); its children are then the
     * variable's categories, each with its {@code value} (required unless nominal), as {@code PUT /api/codes/{id}/variable}
     * declares them.
     */
    public record ImportedCode(@Size(max = 60) String id, @NotBlank @Size(max = 200) String name,
            @Size(max = 4000) String definition, @Size(max = 4000) String inclusion, @Size(max = 4000) String exclusion,
            @Size(max = 4000) String example, @Pattern(regexp = "#[0-9a-fA-F]{6}") String colour,
            @Pattern(regexp = "deductive|inductive") String origin, @Size(max = 60) String frameworkRef, Boolean codable,
            @Size(max = 500) List<@Valid @NotNull ImportedCode> children,
            @Schema(description = "Makes this group a variable of this level; its children are the categories")
            @Pattern(regexp = "nominal|ordinal|interval|ratio") String variable,
            @Schema(description = "This category's value in its parent variable (required unless the variable is nominal)")
            Double value) {
    }

    public record NewCode(UUID parentId, @Size(max = 60) String key, @NotBlank @Size(max = 200) String name,
            @Size(max = 4000) String definition, @Size(max = 4000) String inclusion, @Size(max = 4000) String exclusion,
            @Size(max = 4000) String example, @Pattern(regexp = "#[0-9a-fA-F]{6}") String colour,
            @Pattern(regexp = "deductive|inductive") String origin, @Size(max = 60) String frameworkRef, Boolean codable) {

        CodeUpdate attributes() {
            return new CodeUpdate(name, definition, inclusion, exclusion, example, colour, origin, frameworkRef, codable);
        }
    }

    /** Replaces a code's attributes; a different name is recorded as a rename. */
    public record CodeUpdate(@NotBlank @Size(max = 200) String name, @Size(max = 4000) String definition,
            @Size(max = 4000) String inclusion, @Size(max = 4000) String exclusion, @Size(max = 4000) String example,
            @Pattern(regexp = "#[0-9a-fA-F]{6}") String colour, @Pattern(regexp = "deductive|inductive") String origin,
            @Size(max = 60) String frameworkRef, Boolean codable) {
    }

    /** parentId null moves the code to the top level; position null appends it. */
    @Schema(name = "CodeMove")
    public record Move(UUID parentId, Integer position) {
    }

    @Schema(name = "CodeMerge")
    public record Merge(@NotNull UUID into) {
    }

    /**
     * Splits a code into parts (siblings of the original, which is retired). Every coding of the
     * original must be assigned to one part: assignments map coding id to the part's index.
     */
    @Schema(name = "CodeSplit")
    public record Split(@NotEmpty @Size(min = 2, max = 20) List<@Valid @NotNull NewCode> parts,
            @NotNull Map<UUID, Integer> assignments) {
    }

    /**
     * A code group as a variable: its level, and the value of each of its codes (required for ordinal, interval and
     * ratio; an ordinal variable orders its categories by value). A null level makes it an ordinary group again.
     */
    @Schema(name = "CodeVariable")
    public record VariableDeclaration(@Pattern(regexp = "nominal|ordinal|interval|ratio") String level,
            @Schema(description = "Each category's value, keyed by the id (a UUID) of each code under the group: "
                    + "{\"<id of 'Strong barrier'>\": -2, \"<id of 'Barrier'>\": -1, ...}. Required for every category unless the "
                    + "level is nominal; an ordinal variable orders its categories by value.")
            @Size(max = 100) Map<UUID, Double> values) {
    }

    public record PhaseAssignment(@NotNull UUID codebookId) {
    }
}
