package io.chorus.coding.coding.repository;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/**
 * A code applied to a passage: paragraphs first..last of a released transcript, optionally narrowed
 * to [startOffset in the first paragraph, endOffset in the last), counted in Unicode code points of
 * the English text. Consensus codings are the agreed set of a transcript after a double-coding round.
 */
@Entity
@Table(name = "coding")
public class Coding extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "transcript_id")
    public String transcriptId;

    public String site;

    @Column(name = "code_id")
    public UUID codeId;

    public String coder;

    @Column(name = "round_id")
    public UUID roundId;

    public boolean consensus;

    @Column(name = "first_paragraph")
    public int firstParagraph;

    @Column(name = "last_paragraph")
    public int lastParagraph;

    @Column(name = "start_offset")
    public Integer startOffset;

    @Column(name = "end_offset")
    public Integer endOffset;

    public String valence;
    public Integer weight;

    /** Consensus codings: the coder codings (comma-separated ids) the decision was based on. */
    @Column(name = "based_on")
    public String basedOn;

    public String note;

    /** An assistant's coding: its similarity score and what it was nearest to. */
    public Double score;

    public String provenance;

    /** An assistant's coding: accepted or rejected by a human, or null while undecided. */
    @Column(name = "suggestion_status")
    public String suggestionStatus;

    /** A human's coding accepted from an assistant's suggestion: that suggestion's id. */
    @Column(name = "suggested_by")
    public UUID suggestedBy;

    /** The code-all-hits operation that made this coding, if one did: its query is the coding's provenance. */
    @Column(name = "bulk_operation_id")
    public UUID bulkOperationId;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Version
    @Column(name = "row_version")
    public long rowVersion;

    public boolean covers(int paragraph) {
        return firstParagraph <= paragraph && paragraph <= lastParagraph;
    }
}
