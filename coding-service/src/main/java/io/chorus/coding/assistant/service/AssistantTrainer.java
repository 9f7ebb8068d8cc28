package io.chorus.coding.assistant.service;

import io.chorus.common.jobs.JobRunners;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Retrains a codebook's model in the background when what it learns from changed, never on a request's thread. Changes
 * are debounced: a codebook is retrained once its data has been still for {@code debounce}, or at the latest
 * {@code max-delay} after the first change, so a coder at work does not start a training per coding. The trainer also
 * keeps to a share of the machine: a codebook is not retrained sooner after its last training than {@link #PAUSE_FACTOR}
 * times that training's duration (a 30 s training at most every 5 minutes), unless someone asks. Instances share the
 * work: a training holds a PostgreSQL advisory lock on its codebook, and one that finds the lock taken or the stored
 * model already current skips it.
 */
@ApplicationScoped
public class AssistantTrainer {

    private static final Logger LOG = Logger.getLogger(AssistantTrainer.class);
    static final int PAUSE_FACTOR = 10;

    @ConfigMapping(prefix = "chorus.assistant.training")
    public interface Config {
        @WithDefault("true")
        boolean enabled();

        /** How often the trainer looks for changed codings. */
        @WithDefault("5s")
        Duration interval();

        @WithDefault("10s")
        Duration debounce();

        /** During a long coding session: retrain at least this often. */
        @WithDefault("120s")
        Duration maxDelay();

        /** Folds of the cross-validation, split by transcript (fewer when fewer transcripts are coded). */
        @WithDefault("10")
        int folds();

        /** The latest coded paragraphs a model learns from, at most: training holds about 11 KB of features per paragraph. */
        @WithDefault("10000")
        int maxParagraphs();
    }

    /** The fingerprint a codebook had when first seen changed, and when; and the one seen last. */
    private record Pending(long since, String fingerprint, long stillSince) {
    }

    @Inject
    Config config;

    @Inject
    TrainingData data;

    @Inject
    AssistantModels models;

    @Inject
    EntityManager em;

    private final Map<UUID, Pending> pending = new ConcurrentHashMap<>();
    private final Set<UUID> requested = ConcurrentHashMap.newKeySet();
    private ScheduledExecutorService executor;

    void start(@Observes StartupEvent startup) {
        if (config.enabled()) {
            executor = JobRunners.every("assistant-trainer", EmbeddingIndex.FIRST_PASS_AFTER, config.interval(), this::trainDue);
        }
    }

    void stop(@Observes ShutdownEvent shutdown) {
        if (executor != null) {
            executor.shutdownNow();
        }
    }

    /** Retrain a codebook at the trainer's next look, without waiting for its data to be still. */
    public void request(UUID codebook) {
        requested.add(codebook);
        if (executor != null) {
            executor.schedule(this::trainDue, 0, TimeUnit.SECONDS);
        }
    }

    /** Whether a codebook's stored model is older than its data (or its data is gone). */
    public boolean stale(UUID codebook) {
        String current = data.fingerprints().get(codebook);
        String stored = models.storedFingerprint(codebook);
        return current == null ? stored != null : !current.equals(stored);
    }

    /** One look: trains every codebook whose data changed and has been still long enough; returns those trained. */
    public synchronized List<UUID> trainDue() {
        long now = System.currentTimeMillis();
        Map<UUID, String> fingerprints = QuarkusTransaction.requiringNew().call(data::fingerprints);
        Map<UUID, AssistantModels.Stored> stored = QuarkusTransaction.requiringNew().call(models::stored);
        List<UUID> gone = stored.keySet().stream().filter(codebook -> !fingerprints.containsKey(codebook)).toList();
        if (!gone.isEmpty()) {
            QuarkusTransaction.requiringNew().run(() -> models.forget(gone));
        }
        List<UUID> trained = new ArrayList<>();
        for (Map.Entry<UUID, String> entry : fingerprints.entrySet()) {
            UUID codebook = entry.getKey();
            String fingerprint = entry.getValue();
            AssistantModels.Stored model = stored.get(codebook);
            if (model != null && fingerprint.equals(model.fingerprint())) {
                pending.remove(codebook);
                requested.remove(codebook);
                continue;
            }
            Pending seen = pending.get(codebook);
            Pending state = seen == null ? new Pending(now, fingerprint, now)
                    : fingerprint.equals(seen.fingerprint()) ? seen : new Pending(seen.since(), fingerprint, now);
            pending.put(codebook, state);
            boolean still = now - state.stillSince() >= config.debounce().toMillis();
            boolean overdue = now - state.since() >= config.maxDelay().toMillis();
            boolean rested = model == null || now - model.trainedAt().toEpochMilli() >= PAUSE_FACTOR * model.trainingMillis();
            if (requested.contains(codebook) || ((still || overdue) && rested)) {
                if (train(codebook)) {
                    trained.add(codebook);
                }
                pending.remove(codebook);
                requested.remove(codebook);
            }
        }
        return trained;
    }

    /** Trains one codebook now, unless another instance is at it or its model is current; true if this call trained it. */
    public boolean train(UUID codebook) {
        return QuarkusTransaction.requiringNew().timeout(900).call(() -> {
            boolean mine = (Boolean) em.createNativeQuery("select pg_try_advisory_xact_lock(hashtext('assistant-model'), hashtext(?1))")
                    .setParameter(1, codebook.toString()).getSingleResult();
            String fingerprint = data.fingerprints().get(codebook);
            if (!mine || fingerprint == null || fingerprint.equals(models.storedFingerprint(codebook))) {
                return false;
            }
            long start = System.nanoTime();
            TrainingData.Loaded loaded = data.load(codebook, config.maxParagraphs());
            CodeClassifier.Settings defaults = CodeClassifier.Settings.DEFAULT;
            CodeClassifier.Settings settings = new CodeClassifier.Settings(config.folds(), Math.min(config.folds(), defaults.largeFolds()),
                    defaults.minPositives(), defaults.nearest(), defaults.c());
            CodeClassifier.Trained trained = CodeClassifier.train(loaded.codes(), loaded.examples(), settings);
            long millis = (System.nanoTime() - start) / 1_000_000;
            models.save(codebook, fingerprint, millis, trained, loaded.examples().stream().map(CodeClassifier.Example::transcriptId)
                    .collect(java.util.stream.Collectors.toSet()));
            LOG.infof("assistant model of codebook %s trained on %d paragraphs in %d ms: %s", codebook, loaded.examples().size(), millis,
                    trained.evaluation().learned());
            return true;
        });
    }
}
