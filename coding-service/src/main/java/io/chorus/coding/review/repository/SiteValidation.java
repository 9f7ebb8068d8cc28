package io.chorus.coding.review.repository;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/** A site lead confirming or contesting a coding, or a code's use at their site (member checking). */
@Entity
@Table(name = "site_validation")
public class SiteValidation extends PanacheEntityBase {

    @Id
    public UUID id;

    public String site;

    @Column(name = "coding_id")
    public UUID codingId;

    @Column(name = "code_id")
    public UUID codeId;

    public String status;
    public String comment;

    @Column(name = "validated_by")
    public String validatedBy;

    @Column(name = "validated_at")
    public Instant validatedAt;

    @Version
    @Column(name = "row_version")
    public long rowVersion;
}
