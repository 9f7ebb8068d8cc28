package io.chorus.coding.coding.repository;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/** An analyst's memo on the project, a code, a transcript or a passage of one. */
@Entity
@Table(name = "memo")
public class Memo extends PanacheEntityBase {

    @Id
    public UUID id;

    public String target;

    @Column(name = "code_id")
    public UUID codeId;

    @Column(name = "transcript_id")
    public String transcriptId;

    public String site;

    @Column(name = "first_paragraph")
    public Integer firstParagraph;

    @Column(name = "last_paragraph")
    public Integer lastParagraph;

    public String title;
    public String text;
    public String author;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Version
    @Column(name = "row_version")
    public long rowVersion;
}
