package io.chorus.reporting.repository;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Where one transcript stands: stage 0 uploaded ... 4 released (see {@link #STAGES}). */
@Entity
@Table(name = "transcript_stage")
public class TranscriptStageRow extends PanacheEntityBase {

    public static final java.util.List<String> STAGES = java.util.List.of("uploaded", "back-checked", "translated", "reviewed", "released");

    @Id
    @Column(name = "transcript_id")
    public String transcriptId;

    public String site;

    public int stage;

    public int version;

    /** The session the transcript records, which gives its study (null when it names none). */
    public String session;
}
