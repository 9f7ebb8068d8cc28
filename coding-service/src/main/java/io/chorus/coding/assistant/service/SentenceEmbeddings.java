package io.chorus.coding.assistant.service;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The in-process sentence-embedding model: all-MiniLM-L6-v2, quantised (Apache 2.0), run by ONNX Runtime inside
 * coding-service from the Maven artifact that ships it. No text leaves the process and nothing is downloaded at run
 * time. Loaded on first use (about 2 s and 100 MB of native memory), so a coding-service that embeds nothing never loads it.
 */
@ApplicationScoped
public class SentenceEmbeddings {

    public static final String MODEL = "all-minilm-l6-v2-q";
    public static final String VERSION = "1.19.0-beta29";
    public static final int DIMENSIONS = 384;

    private volatile EmbeddingModel model;

    private EmbeddingModel model() {
        EmbeddingModel loaded = model;
        if (loaded == null) {
            synchronized (this) {
                if (model == null) {
                    model = new AllMiniLmL6V2QuantizedEmbeddingModel();
                }
                loaded = model;
            }
        }
        return loaded;
    }

    /** The unit-length embedding of a text: the dot product of two is their cosine similarity. */
    public float[] embed(String text) {
        return model().embed(text).content().vector();
    }

    /** Several texts at once: the model spreads them over the cores. */
    public java.util.List<float[]> embedAll(java.util.List<String> texts) {
        return model().embedAll(texts.stream().map(dev.langchain4j.data.segment.TextSegment::from).toList()).content().stream()
                .map(dev.langchain4j.data.embedding.Embedding::vector).toList();
    }

    public static byte[] bytes(float[] vector) {
        ByteBuffer buffer = ByteBuffer.allocate(vector.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (float value : vector) {
            buffer.putFloat(value);
        }
        return buffer.array();
    }

    public static float[] vector(byte[] bytes) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        float[] vector = new float[bytes.length / 4];
        for (int i = 0; i < vector.length; i++) {
            vector[i] = buffer.getFloat();
        }
        return vector;
    }

    public static double cosine(float[] a, float[] b) {
        double dot = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
        }
        return dot;
    }
}
