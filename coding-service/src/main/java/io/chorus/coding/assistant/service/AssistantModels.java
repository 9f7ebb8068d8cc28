package io.chorus.coding.assistant.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The trained models, one per codebook, in the database (every instance reads the one the trainer wrote) and in memory:
 * an instance reloads a codebook's model when its training date changes.
 */
@ApplicationScoped
public class AssistantModels {

    public record Current(UUID codebookId, Instant trainedAt, String fingerprint, long trainingMillis, CodeClassifier.Trained trained) {
    }

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    private final Map<UUID, Current> loaded = new ConcurrentHashMap<>();

    /** The codebook's model, if one was trained; call within a transaction. */
    @SuppressWarnings("unchecked")
    public Optional<Current> current(UUID codebook) {
        List<Object> trainedAt = em.createNativeQuery("select trained_at from assistant_model where codebook_id = ?1")
                .setParameter(1, codebook).getResultList();
        if (trainedAt.isEmpty()) {
            loaded.remove(codebook);
            return Optional.empty();
        }
        Instant latest = instant(trainedAt.get(0));
        Current cached = loaded.get(codebook);
        if (cached != null && cached.trainedAt().equals(latest)) {
            return Optional.of(cached);
        }
        Object[] row = (Object[]) em.createNativeQuery("select trained_at, fingerprint, training_ms, model, evaluation from assistant_model "
                + "where codebook_id = ?1").setParameter(1, codebook).getSingleResult();
        Current current = new Current(codebook, instant(row[0]), (String) row[1], ((Number) row[2]).longValue(),
                decode((byte[]) row[3], evaluation((String) row[4])));
        loaded.put(codebook, current);
        return Optional.of(current);
    }

    /** What a stored model was trained on, when, and how long that took. */
    public record Stored(String fingerprint, Instant trainedAt, long trainingMillis) {
    }

    /** Every stored model's fingerprint and training, by codebook: one query for the trainer's look. */
    @SuppressWarnings("unchecked")
    public Map<UUID, Stored> stored() {
        Map<UUID, Stored> stored = new java.util.HashMap<>();
        for (Object[] row : (List<Object[]>) em.createNativeQuery("select codebook_id, fingerprint, trained_at, training_ms from assistant_model")
                .getResultList()) {
            stored.put((UUID) row[0], new Stored((String) row[1], instant(row[2]), ((Number) row[3]).longValue()));
        }
        return stored;
    }

    /** The fingerprint of the data the stored model was trained on, or null. */
    @SuppressWarnings("unchecked")
    public String storedFingerprint(UUID codebook) {
        List<Object> stored = em.createNativeQuery("select fingerprint from assistant_model where codebook_id = ?1").setParameter(1, codebook)
                .getResultList();
        return stored.isEmpty() ? null : (String) stored.get(0);
    }

    /** Stores a codebook's model with the transcripts it learned from. */
    public void save(UUID codebook, String fingerprint, long trainingMillis, CodeClassifier.Trained trained, java.util.Set<String> transcripts) {
        try {
            em.createNativeQuery("insert into assistant_model (codebook_id, fingerprint, trained_at, training_ms, model, evaluation) "
                            + "values (?1, ?2, ?3, ?4, ?5, ?6) on conflict (codebook_id) do update set fingerprint = excluded.fingerprint, "
                            + "trained_at = excluded.trained_at, training_ms = excluded.training_ms, model = excluded.model, "
                            + "evaluation = excluded.evaluation")
                    .setParameter(1, codebook).setParameter(2, fingerprint).setParameter(3, Instant.now()).setParameter(4, trainingMillis)
                    .setParameter(5, encode(trained)).setParameter(6, json.writeValueAsString(trained.evaluation())).executeUpdate();
            em.createNativeQuery("delete from assistant_model_transcript where codebook_id = ?1").setParameter(1, codebook).executeUpdate();
            for (String transcript : transcripts) {
                em.createNativeQuery("insert into assistant_model_transcript (codebook_id, transcript_id) values (?1, ?2)")
                        .setParameter(1, codebook).setParameter(2, transcript).executeUpdate();
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A participant withdrew: every model that learned from the transcript goes now (the trainer rebuilds it without the
     * withdrawn codings); until then suggestions for its codebook rest on similarity alone.
     */
    public int forgetTrainedOn(String transcriptId) {
        return em.createNativeQuery("delete from assistant_model where codebook_id in (select codebook_id from assistant_model_transcript "
                + "where transcript_id = ?1)").setParameter(1, transcriptId).executeUpdate();
    }

    /** Codebooks whose learnable codings are all gone keep no model learned from them. */
    public int forget(java.util.Collection<UUID> codebooks) {
        return codebooks.isEmpty() ? 0 : em.createNativeQuery("delete from assistant_model where codebook_id in (:gone)")
                .setParameter("gone", codebooks).executeUpdate();
    }

    private CodeClassifier.Evaluation evaluation(String text) {
        try {
            return json.readValue(text, CodeClassifier.Evaluation.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Instant instant(Object value) {
        return value instanceof Timestamp timestamp ? timestamp.toInstant() : value instanceof java.time.OffsetDateTime odt ? odt.toInstant()
                : (Instant) value;
    }

    /** Weights as float32: enough for a linear model, half the size. */
    static byte[] encode(CodeClassifier.Trained trained) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(trained.codes().size());
            for (UUID code : trained.codes()) {
                out.writeLong(code.getMostSignificantBits());
                out.writeLong(code.getLeastSignificantBits());
            }
            writeWeights(out, trained.weights());
            writeVector(out, trained.priors());
            writeVector(out, trained.combiner());
            writeVector(out, trained.thresholds());
            out.writeInt(trained.foldOf().size());
            for (Map.Entry<String, Integer> fold : trained.foldOf().entrySet()) {
                out.writeUTF(fold.getKey());
                out.writeInt(fold.getValue());
            }
            out.writeInt(trained.foldWeights().length);
            for (int f = 0; f < trained.foldWeights().length; f++) {
                writeWeights(out, trained.foldWeights()[f]);
                writeVector(out, trained.foldPriors()[f]);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static CodeClassifier.Trained decode(byte[] bytes, CodeClassifier.Evaluation evaluation) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            List<UUID> codes = new ArrayList<>();
            for (int i = in.readInt(); i > 0; i--) {
                codes.add(new UUID(in.readLong(), in.readLong()));
            }
            double[][] weights = readWeights(in);
            double[] priors = readVector(in);
            double[] combiner = readVector(in);
            double[] thresholds = readVector(in);
            Map<String, Integer> foldOf = new LinkedHashMap<>();
            for (int i = in.readInt(); i > 0; i--) {
                foldOf.put(in.readUTF(), in.readInt());
            }
            double[][][] foldWeights = new double[in.readInt()][][];
            double[][] foldPriors = new double[foldWeights.length][];
            for (int f = 0; f < foldWeights.length; f++) {
                foldWeights[f] = readWeights(in);
                foldPriors[f] = readVector(in);
            }
            return new CodeClassifier.Trained(codes, weights, priors, combiner, thresholds, foldOf, foldWeights, foldPriors, evaluation);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeWeights(DataOutputStream out, double[][] weights) throws IOException {
        out.writeInt(weights.length);
        for (double[] code : weights) {
            out.writeBoolean(code != null);
            if (code != null) {
                out.writeInt(code.length);
                for (double w : code) {
                    out.writeFloat((float) w);
                }
            }
        }
    }

    private static double[][] readWeights(DataInputStream in) throws IOException {
        double[][] weights = new double[in.readInt()][];
        for (int c = 0; c < weights.length; c++) {
            if (in.readBoolean()) {
                weights[c] = new double[in.readInt()];
                for (int i = 0; i < weights[c].length; i++) {
                    weights[c][i] = in.readFloat();
                }
            }
        }
        return weights;
    }

    private static void writeVector(DataOutputStream out, double[] vector) throws IOException {
        out.writeInt(vector.length);
        for (double v : vector) {
            out.writeDouble(v);
        }
    }

    private static double[] readVector(DataInputStream in) throws IOException {
        double[] vector = new double[in.readInt()];
        for (int i = 0; i < vector.length; i++) {
            vector[i] = in.readDouble();
        }
        return vector;
    }
}
