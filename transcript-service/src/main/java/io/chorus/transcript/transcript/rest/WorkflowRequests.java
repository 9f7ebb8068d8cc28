package io.chorus.transcript.transcript.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/** Request bodies of the workflow steps. */
public final class WorkflowRequests {

    private WorkflowRequests() {
    }

    /** The English translation, one entry per original paragraph number. */
    public record Translation(@NotNull @NotEmpty @Valid List<TranslatedParagraph> paragraphs) {
    }

    public record TranslatedParagraph(@NotNull @Min(1) Integer n, @NotBlank String english) {
    }

    public record QueryRaise(@NotNull @Min(1) Integer paragraph, @NotBlank @Size(max = 4000) String question) {
    }

    public record QueryAnswer(@NotBlank @Size(max = 4000) String answer) {
    }

    /** Changes to a released transcript: the paragraphs to replace (same numbers), and why. */
    public record Revision(@NotBlank @Size(max = 2000) String reason, @NotNull @NotEmpty @Valid List<RevisedParagraph> paragraphs) {
    }

    public record RevisedParagraph(@NotNull @Min(1) Integer n, @Size(min = 1, max = 20000) String text,
            @Size(min = 1, max = 20000) String english) {
    }
}
