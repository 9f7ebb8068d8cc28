package io.chorus.coding.exchange.event;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.chorus.refi.QdaProject;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What coding-service reads of io.chorus.transcript.project-imported.v1: a desktop tool's project became transcripts of
 * a site; its code tree, its codings placed on those transcripts' paragraphs (code-point offsets of the original text)
 * and its notes come here, to be applied as each transcript is released.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ProjectImported(UUID importId, String site, String study, String phase, String project, String origin, String importedBy,
        Instant at, List<QdaProject.Code> codes, List<Coding> codings, List<Memo> memos) {

    public static final String TYPE = "io.chorus.transcript.project-imported.v1";

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Coding(UUID id, String transcriptId, String codeGuid, String coder, int firstParagraph, int startOffset,
            int lastParagraph, int endOffset) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Memo(UUID id, String title, String text, String author, String transcriptId) {
    }

    /** The same, its notes opened: a note on a transcript travels sealed with the transcript's own key. */
    public ProjectImported opened(java.util.function.UnaryOperator<String> open) {
        return new ProjectImported(importId, site, study, phase, project, origin, importedBy, at, codes, codings, memos == null ? null
                : memos.stream().map(m -> new Memo(m.id(), open.apply(m.title()), open.apply(m.text()), m.author(), m.transcriptId())).toList());
    }
}
