package io.chorus.common.crypto;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A consumer's copy of the data keys it has read from the key topic. A destroyed key is remembered by its id only, so that
 * a value sealed with it reads as withdrawn text instead of waiting for a key that will never come.
 */
public final class KeyRing {

    /** What a field sealed with a destroyed key reads as. */
    public static final String WITHDRAWN = "[withdrawn]";

    private final Map<String, Optional<DataKey>> keys = new ConcurrentHashMap<>();

    public void put(DataKey key) {
        keys.compute(key.id(), (id, known) -> known != null && known.isEmpty() ? known : Optional.of(key));
    }

    /** The key's material is dropped here for good: a later record with the key does not bring it back. */
    public void destroy(String id) {
        keys.put(id, Optional.empty());
    }

    public boolean knows(String id) {
        return keys.containsKey(id);
    }

    /**
     * A field as its consumer stores it: plain text as it came, a sealed value opened, or {@link #WITHDRAWN} when its key
     * was destroyed. A key not read yet is {@link KeyNotYetKnown}, a transient failure the event is retried for.
     */
    public String open(String value) {
        if (!FieldCipher.isSealed(value)) {
            return value;
        }
        String id = FieldCipher.keyIdOf(value);
        Optional<DataKey> key = keys.get(id);
        if (key == null) {
            throw new KeyNotYetKnown(id);
        }
        return key.map(k -> FieldCipher.open(value, k)).orElse(WITHDRAWN);
    }

    /**
     * Text sealed with a key of this ring, for an event this consumer writes about a subject (an answer to a request for a
     * participant's data): {@link #WITHDRAWN} when the key was destroyed; {@link KeyNotYetKnown} before it arrived.
     */
    public String seal(String id, String text) {
        if (text == null) {
            return null;
        }
        Optional<DataKey> key = keys.get(id);
        if (key == null) {
            throw new KeyNotYetKnown(id);
        }
        return key.map(k -> FieldCipher.seal(text, k)).orElse(WITHDRAWN);
    }

    /** The key a value needs has not arrived from the key topic yet. */
    public static final class KeyNotYetKnown extends IllegalStateException {
        public KeyNotYetKnown(String id) {
            super("data key " + id + " has not arrived from the key topic yet");
        }
    }
}
