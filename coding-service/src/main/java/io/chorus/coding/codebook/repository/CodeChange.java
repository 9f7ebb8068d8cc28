package io.chorus.coding.codebook.repository;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** The history of a codebook's tree: who added, renamed, moved, merged or split which code, in which version. */
@Entity
@Table(name = "code_change")
public class CodeChange extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "codebook_id")
    public UUID codebookId;

    public int version;

    @Column(name = "code_id")
    public UUID codeId;

    public String kind;

    /** JSON with what changed (old and new name, parents, surviving code, parts). */
    public String detail;

    @Column(name = "changed_by")
    public String changedBy;

    @Column(name = "changed_at")
    public Instant changedAt;
}
