package io.chorus.transcript.transcript.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * What a partner site pushes: the verbatim transcript of one session, one entry per speaker turn,
 * and optionally the identifying strings to replace before anything is stored.
 */
public record TranscriptPush(
        @NotBlank @Size(max = 200) @Pattern(regexp = "[A-Za-z0-9._:-]+", message = "may contain only letters, digits and . _ : -")
        String externalId,
        @NotBlank @Pattern(regexp = "[a-z]{2,3}(-[A-Za-z0-9]{2,8})*", message = "must be a BCP 47 language tag such as 'de' or 'sw'")
        String language,
        @Size(max = 500) String title,
        @Valid List<ParagraphPush> paragraphs,
        @Size(max = 200) String session,
        @Valid Upload document,
        @Size(max = 1000) @Valid List<Identifier> identifiers) {

    public record ParagraphPush(
            @NotBlank @Size(max = 40) String speaker,
            @NotBlank String text) {
    }

    /** A transcript file sent inside the JSON push, so that identifiers can travel with it: speaker turns as text or .docx. */
    public record Upload(
            @NotNull @Pattern(regexp = "text|docx", message = "must be text or docx") String format,
            @NotBlank String content) {

        @Override
        public String toString() {
            return "Upload[format=" + format + "]";
        }
    }

    /** An identifying string (a name, a place) and what kind of placeholder replaces it. */
    public record Identifier(
            @NotBlank @Size(max = 200) String value,
            @NotNull Kind kind,
            @Size(max = 40) @Pattern(regexp = "[A-Za-z0-9#]+", message = "must be a speaker code such as 'P3'") String participant) {

        /** Never prints the identifying value. */
        @Override
        public String toString() {
            return "Identifier[kind=" + kind + ", participant=" + participant + "]";
        }
    }

    @Schema(name = "IdentifierKind")
    public enum Kind {
        @JsonProperty("person") PERSON,
        @JsonProperty("staff") STAFF,
        @JsonProperty("place") PLACE,
        @JsonProperty("participant") PARTICIPANT,
        @JsonProperty("other") OTHER
    }

    /** Never prints the transcript text or the identifiers. */
    @Override
    public String toString() {
        return "TranscriptPush[externalId=" + externalId + ", language=" + language + ", paragraphs="
                + (paragraphs == null ? 0 : paragraphs.size()) + "]";
    }

    public List<Identifier> identifiersOrEmpty() {
        return identifiers == null ? List.of() : identifiers;
    }
}
