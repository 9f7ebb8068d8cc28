package io.chorus.reporting.repository;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

@Entity
@Table(name = "released_transcript")
public class ReleasedTranscriptRow extends PanacheEntityBase {

    @Id
    @Column(name = "transcript_id")
    public String transcriptId;

    public String site;

    public int version;

    @Column(name = "released_at")
    public Instant releasedAt;
}
