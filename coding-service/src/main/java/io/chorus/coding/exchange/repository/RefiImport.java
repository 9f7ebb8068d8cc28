package io.chorus.coding.exchange.repository;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One REFI-QDA import job: its file's hash, who imported it into which round, and its progress. */
@Entity
@Table(name = "refi_import")
public class RefiImport extends PanacheEntityBase {

    public static final String QUEUED = "queued";
    public static final String RUNNING = "running";
    public static final String DONE = "done";
    public static final String FAILED = "failed";

    @Id
    public UUID id;

    public String sha256;

    @Column(name = "imported_by")
    public String importedBy;

    /** Whose codings the file's selections become: the importer, or the coder they named. */
    public String coder;

    @Column(name = "round_id")
    public UUID roundId;

    public String status;

    /** How the file counted its positions, as detected. */
    public String counting;

    @Column(name = "sources_total")
    public int sourcesTotal;

    @Column(name = "sources_done")
    public int sourcesDone;

    @Column(name = "codings_total")
    public int codingsTotal;

    @Column(name = "codings_done")
    public int codingsDone;

    @Column(name = "codings_added")
    public int codingsAdded;

    @Column(name = "codes_added")
    public int codesAdded;

    /** JSON array of {item, reason}: what was not imported and why. */
    public String skipped;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "finished_at")
    public Instant finishedAt;

    /** The process running the job ({@link io.chorus.common.jobs.JobRunners#id}) and its last heartbeat. */
    public String runner;

    @Column(name = "heartbeat_at")
    public Instant heartbeatAt;
}
