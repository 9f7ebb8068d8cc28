package io.chorus.common.crypto;

import java.security.SecureRandom;
import java.util.Arrays;

/**
 * The key that one subject's text in events is encrypted with (a participant's turns, or the rest of a transcript).
 * Destroying it, everywhere, is what erases that text from an append-only log.
 *
 * @param id        names the key in every value sealed with it and on the key topic
 * @param material  256 bits for AES-GCM
 */
public record DataKey(String id, byte[] material) {

    private static final SecureRandom RANDOM = new SecureRandom();
    static final int BYTES = 32;

    public DataKey {
        if (id == null || id.isBlank() || id.contains(":")) {
            throw new IllegalArgumentException("a data key's id is a non-blank name without ':'");
        }
        if (material == null || material.length != BYTES) {
            throw new IllegalArgumentException("a data key has " + BYTES + " bytes");
        }
        material = material.clone();
    }

    public static DataKey generate(String id) {
        byte[] material = new byte[BYTES];
        RANDOM.nextBytes(material);
        return new DataKey(id, material);
    }

    @Override
    public byte[] material() {
        return material.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof DataKey key && key.id.equals(id) && Arrays.equals(key.material, material);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return "DataKey[" + id + "]";
    }
}
