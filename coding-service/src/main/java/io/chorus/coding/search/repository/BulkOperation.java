package io.chorus.coding.search.repository;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** Codings made from the hits of one search: who, when, the query and filters as provenance, and whether it was undone. */
@Entity
@Table(name = "bulk_operation")
public class BulkOperation extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "created_at")
    public Instant createdAt;

    public String query;

    /** english or original */
    public String searched;

    /** The search's filters, as "[name=value]" pairs. */
    public String filters;

    @Column(name = "code_id")
    public UUID codeId;

    /** paragraph, sentence or match */
    public String unit;

    public String valence;

    public int coded;

    public int skipped;

    @Column(name = "undone_by")
    public String undoneBy;

    @Column(name = "undone_at")
    public Instant undoneAt;

    /** How many of its codings the undo removed (the others had been removed already). */
    public Integer undone;
}
