package io.chorus.reporting.repository;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One live coding: a coder's, or one of a transcript's consensus set. */
@Entity
@Table(name = "coding_fact")
public class CodingFactRow extends PanacheEntityBase {

    @Id
    @Column(name = "coding_id")
    public String codingId;

    @Column(name = "transcript_id")
    public String transcriptId;

    public String site;

    @Column(name = "code_id")
    public String codeId;

    public String coder;

    @Column(name = "round_id")
    public String roundId;

    public boolean consensus;

    @Column(name = "first_paragraph")
    public int firstParagraph;

    @Column(name = "last_paragraph")
    public int lastParagraph;

    public String valence;

    public long revision;
}
