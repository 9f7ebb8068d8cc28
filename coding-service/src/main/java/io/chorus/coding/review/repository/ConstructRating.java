package io.chorus.coding.review.repository;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/** A CFIR-style rating of one construct (code) for one site, optionally per phase. */
@Entity
@Table(name = "construct_rating")
public class ConstructRating extends PanacheEntityBase {

    @Id
    public UUID id;

    public String site;

    @Column(name = "code_id")
    public UUID codeId;

    /** Empty when the rating is not tied to a phase. */
    public String phase;

    public String rating;
    public String justification;

    @Column(name = "rated_by")
    public String ratedBy;

    @Column(name = "rated_at")
    public Instant ratedAt;

    @Version
    @Column(name = "row_version")
    public long rowVersion;
}
