package io.chorus.coding.codebook.repository;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

/** A published, frozen version of a codebook: the tree as JSON, exactly as it was published. */
@Entity
@Table(name = "codebook_version")
public class CodebookVersion extends PanacheEntityBase {

    @EmbeddedId
    public Key key;

    @Column(name = "published_at")
    public Instant publishedAt;

    @Column(name = "published_by")
    public String publishedBy;

    public String snapshot;

    @Embeddable
    public record Key(@Column(name = "codebook_id") UUID codebookId, int number) implements Serializable {
    }
}
