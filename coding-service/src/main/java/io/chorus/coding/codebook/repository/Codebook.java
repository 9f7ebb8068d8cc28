package io.chorus.coding.codebook.repository;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "codebook")
public class Codebook extends PanacheEntityBase {

    @Id
    public UUID id;

    public String name;
    public String description;
    public String origin;
    public String source;

    /** The version being edited (draft) or the last one published. */
    @Column(name = "current_version")
    public int currentVersion;

    public boolean draft;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "created_at")
    public Instant createdAt;

    @Version
    @Column(name = "row_version")
    public long rowVersion;
}
