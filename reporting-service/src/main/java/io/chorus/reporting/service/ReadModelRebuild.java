package io.chorus.reporting.service;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import io.chorus.common.event.CloudEventMessages;
import io.chorus.common.event.DeadLetters;
import io.chorus.common.event.EventEnvelope;
import io.chorus.common.event.EventFailures;
import io.chorus.common.problem.ProblemException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Empties every event-derived table and replays chorus.transcripts, then chorus.coding, from the first
 * offset to the end offsets seen at the start (topics keep every event: retention.ms=-1). Live
 * consumers wait while it runs, then continue; what they deliver again is recognised by its id.
 */
@ApplicationScoped
public class ReadModelRebuild {

    private static final Logger LOG = Logger.getLogger(ReadModelRebuild.class);

    static final List<String> DERIVED_TABLES = List.of("transcript_stage", "released_transcript", "coding_fact", "session_fact",
            "participant_fact", "paragraph_fact", "transcript_fact", "code_fact", "code_in_version", "transcript_code", "code_cell",
            "transcript_pair", "pair_cell", "construct_rating_fact", "agreement_fact", "phase_codebook");

    @Schema(name = "RebuildStatus")
    public record Status(String id, String state, long replayed, Instant startedAt, Instant finishedAt, String error) {
    }

    /**
     * Advisory lock keys. A running rebuild holds {@link #RUNNING} for its whole run on a connection of its own, so that
     * one runs at a time across instances; it holds {@link #LIVE} exclusively while live consumers of every instance take
     * it shared in each event's transaction, so that none of them interleaves with it.
     */
    static final long RUNNING = 0x72656275696cL;
    static final long LIVE = 0x6c697665L;

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock(true);
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> new Thread(r, "read-model-rebuild"));

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    ProgressReadModel transcripts;

    @Inject
    CodingReadModel codings;

    @Inject
    Sql sql;

    @Inject
    DeadLetters deadLetters;

    @Inject
    javax.sql.DataSource dataSource;

    /** Live consumers apply events through here, so a rebuild on any instance never interleaves with them. */
    public void live(Runnable apply) {
        lock.readLock().lock();
        try {
            QuarkusTransaction.joiningExisting().run(() -> {
                sql.single("select 1 from pg_advisory_xact_lock_shared(?1)", LIVE);
                apply.run();
            });
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Starts a rebuild unless one runs on any instance (409); a rebuild whose instance stopped is recorded as failed. */
    public Status start() {
        Connection session = null;
        try {
            session = dataSource.getConnection();
            session.setAutoCommit(true);
            if (!advisory(session, "pg_try_advisory_lock", RUNNING)) {
                session.close();
                String running = (String) QuarkusTransaction.requiringNew().call(() -> sql.single(
                        "select id from rebuild_job where state = 'running' order by started_at desc limit 1"));
                throw ProblemException.conflict("Rebuild " + (running == null ? "" : running + " ") + "is still running");
            }
            Status started = new Status(UUID.randomUUID().toString(), "running", 0, Instant.now(), null, null);
            QuarkusTransaction.requiringNew().run(() -> {
                sql.update("update rebuild_job set state = 'failed', finished_at = now(), error = 'the instance running it stopped' "
                        + "where state = 'running'");
                sql.update("insert into rebuild_job (id, state, replayed, started_at) values (?1, 'running', 0, ?2)", started.id(),
                        Timestamp.from(started.startedAt()));
            });
            Connection held = session;
            executor.submit(() -> run(started, held));
            return started;
        } catch (SQLException e) {
            close(session);
            throw new IllegalStateException("could not start the rebuild", e);
        } catch (RuntimeException e) {
            close(session);
            throw e;
        }
    }

    public Status status(String id) {
        List<Object[]> rows = QuarkusTransaction.requiringNew().call(() -> sql.rows(
                "select id, state, replayed, started_at, finished_at, error from rebuild_job where id = ?1", id));
        if (rows.isEmpty()) {
            throw ProblemException.notFound("Rebuild '" + id + "'");
        }
        Object[] row = rows.get(0);
        return new Status((String) row[0], (String) row[1], ((Number) row[2]).longValue(), instant(row[3]), instant(row[4]), (String) row[5]);
    }

    private void run(Status started, Connection session) {
        AtomicLong replayed = new AtomicLong();
        lock.writeLock().lock();
        try {
            advisory(session, "pg_advisory_lock", LIVE);
            QuarkusTransaction.requiringNew().run(() -> {
                sql.update("truncate " + String.join(", ", DERIVED_TABLES));
                sql.update("delete from processed_event where consumer in (?1, ?2)", ProgressReadModel.CONSUMER, CodingReadModel.CONSUMER);
            });
            replay("chorus.transcripts", ProgressReadModel.CONSUMER, transcripts::apply, replayed, started.id());
            replay("chorus.coding", CodingReadModel.CONSUMER, codings::apply, replayed, started.id());
            record(started.id(), "done", replayed.get(), null);
            LOG.infof("read models rebuilt from %d events", replayed.get());
        } catch (RuntimeException | SQLException e) {
            LOG.error("rebuild failed", e);
            record(started.id(), "failed", replayed.get(), e.getMessage());
        } finally {
            close(session); // releases both advisory locks
            lock.writeLock().unlock();
        }
    }

    private void record(String id, String state, long replayed, String error) {
        QuarkusTransaction.requiringNew().run(() -> sql.update("update rebuild_job set state = ?2, replayed = ?3, error = ?4, "
                + "finished_at = case when ?2 = 'running' then null else now() end where id = ?1", id, state, replayed, error));
    }

    private static boolean advisory(Connection session, String function, long key) throws SQLException {
        try (var statement = session.prepareStatement("select " + function + "(?)::text")) {
            statement.setLong(1, key);
            try (var result = statement.executeQuery()) {
                return result.next() && !"false".equals(result.getString(1));
            }
        }
    }

    /** Gives the connection back to the pool without its session locks: the pool keeps the database session open. */
    private static void close(Connection session) {
        if (session != null) {
            try (session; var unlock = session.createStatement()) {
                unlock.execute("select pg_advisory_unlock_all()");
            } catch (SQLException e) {
                LOG.warnf("could not close the rebuild's connection: %s", e.toString());
            }
        }
    }

    private static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant();
        }
        return value instanceof java.time.OffsetDateTime offset ? offset.toInstant() : (Instant) value;
    }

    /** As the live consumers do: a record that can never be applied becomes a dead letter, any other failure fails the rebuild. */
    private void replay(String topic, String consumerName, Consumer<EventEnvelope> apply, AtomicLong replayed, String id) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(properties, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                    if (record.offset() >= end.get(partition)) {
                        continue;
                    }
                    EventEnvelope event;
                    try {
                        event = CloudEventMessages.fromRecord(record);
                    } catch (RuntimeException unreadable) {
                        deadLetters.record(consumerName, DeadLetters.unreadable(topic + "/" + record.partition() + "/" + record.offset(),
                                record.value()), "not a readable CloudEvent: " + unreadable.getMessage());
                        continue;
                    }
                    try {
                        apply.accept(event);
                    } catch (RuntimeException failure) {
                        if (!EventFailures.isDeterministic(failure)) {
                            throw failure;
                        }
                        deadLetters.record(consumerName, event, EventFailures.reason(failure));
                    }
                    if (replayed.incrementAndGet() % 1000 == 0) {
                        record(id, "running", replayed.get(), null);
                    }
                }
            }
        }
    }
}
