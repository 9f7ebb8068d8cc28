package io.chorus.common.crypto;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Wraps data keys for the key topic (CHORUS_EVENTS_MASTER_KEY: 32 bytes in base64). Rotation: set the new key first and the
 * old ones after it, comma-separated; new keys are wrapped with the first, and a wrapped key opens with whichever of them
 * wrapped it, until every key record has been written again with the new one and the old is dropped.
 */
public final class MasterKey {

    private final List<byte[]> keys;

    private MasterKey(List<byte[]> keys) {
        this.keys = keys;
    }

    /** From configuration: one or more base64 keys of 32 bytes, the current one first; a clear error otherwise. */
    public static MasterKey parse(String configured) {
        if (configured == null || configured.isBlank()) {
            throw new IllegalArgumentException("CHORUS_EVENTS_MASTER_KEY is not set: give 32 random bytes in base64 "
                    + "(openssl rand -base64 32)");
        }
        List<byte[]> keys = new ArrayList<>();
        for (String part : configured.split(",")) {
            byte[] key;
            try {
                key = Base64.getDecoder().decode(part.trim());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("CHORUS_EVENTS_MASTER_KEY: key " + (keys.size() + 1) + " is not base64", e);
            }
            if (key.length != DataKey.BYTES) {
                throw new IllegalArgumentException("CHORUS_EVENTS_MASTER_KEY: key " + (keys.size() + 1) + " has " + key.length
                        + " bytes, not " + DataKey.BYTES);
            }
            keys.add(key);
        }
        return new MasterKey(List.copyOf(keys));
    }

    /** The data key's material sealed with the current master key, bound to the data key's id. */
    public String wrap(DataKey key) {
        return Base64.getEncoder().encodeToString(Gcm.seal(keys.get(0), key.material(), "key:" + key.id()));
    }

    /** Whether the current (first) master key wrapped it; one wrapped by an earlier key is wrapped again in a rotation. */
    public boolean wrappedWithCurrent(String id, String wrapped) {
        try {
            Gcm.open(keys.get(0), Base64.getDecoder().decode(wrapped), "key:" + id);
            return true;
        } catch (IllegalArgumentException earlier) {
            return false;
        }
    }

    public DataKey unwrap(String id, String wrapped) {
        byte[] sealed = Base64.getDecoder().decode(wrapped);
        for (byte[] master : keys) {
            try {
                return new DataKey(id, Gcm.open(master, sealed, "key:" + id));
            } catch (IllegalArgumentException notThisOne) {
                // an older master key may have wrapped it
            }
        }
        throw new IllegalArgumentException("data key " + id + " was wrapped with none of the configured master keys");
    }
}
