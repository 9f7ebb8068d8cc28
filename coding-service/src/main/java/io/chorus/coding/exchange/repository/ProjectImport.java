package io.chorus.coding.exchange.repository;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A project a site moved in from a desktop tool, as coding-service received it: the codebook its codes went to. */
@Entity
@Table(name = "project_import")
public class ProjectImport extends PanacheEntityBase {

    @Id
    public UUID id;

    public String site;
    public String study;
    public String phase;
    public String project;
    public String origin;

    @Column(name = "imported_by")
    public String importedBy;

    @Column(name = "codebook_id")
    public UUID codebookId;

    @Column(name = "codes_added")
    public int codesAdded;

    @Column(name = "received_at")
    public Instant receivedAt;
}
