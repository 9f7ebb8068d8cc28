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

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock(true);
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> new Thread(r, "read-model-rebuild"));
    private volatile Status status;

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

    /** Live consumers apply events through here, so a rebuild never interleaves with them. */
    public void live(Runnable apply) {
        lock.readLock().lock();
        try {
            apply.run();
        } finally {
            lock.readLock().unlock();
        }
    }

    public synchronized Status start() {
        if (status != null && "running".equals(status.state())) {
            throw ProblemException.conflict("Rebuild " + status.id() + " is still running");
        }
        status = new Status(UUID.randomUUID().toString(), "running", 0, Instant.now(), null, null);
        String id = status.id();
        executor.submit(() -> run(id));
        return status;
    }

    public Status status(String id) {
        Status current = status;
        if (current == null || !current.id().equals(id)) {
            throw ProblemException.notFound("Rebuild '" + id + "'");
        }
        return current;
    }

    private void run(String id) {
        AtomicLong replayed = new AtomicLong();
        Instant started = status.startedAt();
        lock.writeLock().lock();
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                sql.update("truncate " + String.join(", ", DERIVED_TABLES));
                sql.update("delete from processed_event where consumer in (?1, ?2)", ProgressReadModel.CONSUMER, CodingReadModel.CONSUMER);
            });
            replay("chorus.transcripts", ProgressReadModel.CONSUMER, transcripts::apply, replayed, id, started);
            replay("chorus.coding", CodingReadModel.CONSUMER, codings::apply, replayed, id, started);
            status = new Status(id, "done", replayed.get(), started, Instant.now(), null);
            LOG.infof("read models rebuilt from %d events", replayed.get());
        } catch (RuntimeException e) {
            LOG.error("rebuild failed", e);
            status = new Status(id, "failed", replayed.get(), started, Instant.now(), e.getMessage());
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** As the live consumers do: a record that can never be applied becomes a dead letter, any other failure fails the rebuild. */
    private void replay(String topic, String consumerName, Consumer<EventEnvelope> apply, AtomicLong replayed, String id, Instant started) {
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
                    status = new Status(id, "running", replayed.incrementAndGet(), started, null, null);
                }
            }
        }
    }
}
