package io.chorus.coding.round.repository;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/** A round of coding with one codebook; an independent round hides each coder's work until it is closed. */
@Entity
@Table(name = "coding_round")
public class CodingRound extends PanacheEntityBase {

    public static final String OPEN = "open";
    public static final String CLOSED = "closed";

    @Id
    public UUID id;

    public String name;

    @Column(name = "codebook_id")
    public UUID codebookId;

    public boolean independent;
    public String status;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "closed_by")
    public String closedBy;

    @Column(name = "closed_at")
    public Instant closedAt;

    @Version
    @Column(name = "row_version")
    public long rowVersion;

    public boolean open() {
        return OPEN.equals(status);
    }

    /** While an independent round is open, only a coder's own work in it is visible. */
    public boolean blind() {
        return independent && open();
    }
}
