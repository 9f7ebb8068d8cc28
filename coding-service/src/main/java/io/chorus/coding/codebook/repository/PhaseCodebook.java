package io.chorus.coding.codebook.repository;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.UUID;

/** The codebook a study uses in one of its phases (pre- and post-intervention may differ). */
@Entity
@Table(name = "phase_codebook")
public class PhaseCodebook extends PanacheEntityBase {

    @EmbeddedId
    public Key key;

    @Column(name = "codebook_id")
    public UUID codebookId;

    @Embeddable
    public record Key(String study, String phase) implements Serializable {
    }
}
