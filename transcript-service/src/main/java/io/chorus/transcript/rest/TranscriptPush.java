package io.chorus.transcript.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/** What a partner site pushes: the verbatim transcript of one session, one entry per speaker turn. */
public record TranscriptPush(
        @NotBlank @Size(max = 200) @Pattern(regexp = "[A-Za-z0-9._:-]+", message = "may contain only letters, digits and . _ : -")
        String externalId,
        @NotBlank @Pattern(regexp = "[a-z]{2,3}(-[A-Za-z0-9]{2,8})*", message = "must be a BCP 47 language tag such as 'de' or 'sw'")
        String language,
        @Size(max = 500) String title,
        @NotNull @NotEmpty @Valid List<ParagraphPush> paragraphs) {

    public record ParagraphPush(
            @NotBlank @Size(max = 40) String speaker,
            @NotBlank String text) {
    }
}
