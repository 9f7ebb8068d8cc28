package io.chorus.coding.exchange.repository;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/** A coding of an imported project: waiting for its transcript's release, then applied (as the coding of the same id) or skipped. */
@Entity
@Table(name = "project_import_coding")
public class ProjectImportCoding extends PanacheEntityBase {

    public static final String WAITING = "waiting";
    public static final String APPLIED = "applied";
    public static final String SKIPPED = "skipped";

    @Id
    public UUID id;

    @Column(name = "import_id")
    public UUID importId;

    @Column(name = "transcript_id")
    public String transcriptId;

    @Column(name = "code_guid")
    public String codeGuid;

    public String coder;

    @Column(name = "first_paragraph")
    public int firstParagraph;

    @Column(name = "start_offset")
    public int startOffset;

    @Column(name = "last_paragraph")
    public int lastParagraph;

    @Column(name = "end_offset")
    public int endOffset;

    public String status;
    public String reason;
}
