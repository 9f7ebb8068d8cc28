package io.chorus.coding.subjectaccess;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import java.util.UUID;

/** What coding-service reads of io.chorus.transcript.subject-access-requested.v1 (a tolerant reader). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SubjectAccessRequested(UUID requestId, String site, String participant, List<Paragraph> paragraphs) {

    public static final String TYPE = "io.chorus.transcript.subject-access-requested.v1";

    /** One of the participant's paragraphs, and the key its English is sealed with in events. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Paragraph(String transcriptId, int n, String keyId) {
    }
}
