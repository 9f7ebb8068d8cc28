package io.chorus.common.crypto;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A record of the key topic ({@value #TOPIC}, compacted, Kafka key = {@link #keyId}): a data key wrapped with the master
 * key, or the mark that it was destroyed, which carries no material and stays as the key's last record so that a replay
 * knows the key is gone for good. A record without a key id only pushes the topic's active segment to roll (see
 * {@link #roll}), so that the cleaner can compact the records before it; consumers skip it.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record KeyRecord(String keyId, String wrapped, Boolean destroyed, String roll) {

    public static final String TOPIC = "chorus.keys";
    /** Kafka key of the records that roll the active segment; compaction keeps only the newest of them. */
    public static final String ROLL_KEY = "segment-roll";

    public static KeyRecord of(String keyId, String wrapped) {
        return new KeyRecord(keyId, wrapped, null, null);
    }

    public static KeyRecord destroyedKey(String keyId) {
        return new KeyRecord(keyId, null, true, null);
    }

    public static KeyRecord roll(java.time.Instant at) {
        return new KeyRecord(null, null, null, at.toString());
    }

    public boolean marksDestruction() {
        return Boolean.TRUE.equals(destroyed);
    }

    public String kafkaKey() {
        return keyId == null ? ROLL_KEY : keyId;
    }
}
