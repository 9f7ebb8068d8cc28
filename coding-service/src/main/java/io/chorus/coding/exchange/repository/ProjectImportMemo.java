package io.chorus.coding.exchange.repository;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/** A note of an imported project on one of its transcripts: waiting for the transcript's release, then a transcript memo. */
@Entity
@Table(name = "project_import_memo")
public class ProjectImportMemo extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "import_id")
    public UUID importId;

    @Column(name = "transcript_id")
    public String transcriptId;

    public String title;
    public String text;
    public String author;
    public String status;
}
