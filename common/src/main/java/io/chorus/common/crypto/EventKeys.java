package io.chorus.common.crypto;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/**
 * A consuming service's data keys, read from the key topic from its beginning at every start: each service's
 * {@code @Incoming("data-keys")} hands every record to {@link #received}, and event handlers open sealed text with
 * {@link #open}. A destroyed key's material is dropped here at once and never comes back.
 */
@ApplicationScoped
public class EventKeys {

    private static final Logger LOG = Logger.getLogger(EventKeys.class);

    @Inject
    EventMasterKey master;

    @Inject
    ObjectMapper json;

    private final KeyRing ring = new KeyRing();

    /** Fails the start of a service whose master key is missing or malformed, with the sentence that says how to set it. */
    public void checkMasterKey() {
        master.get();
    }

    public void received(String record) {
        KeyRecord key;
        try {
            key = json.readValue(record, KeyRecord.class);
        } catch (JsonProcessingException e) {
            LOG.warnf("a record of %s is not a key record and is skipped: %s", KeyRecord.TOPIC, e.getOriginalMessage());
            return;
        }
        if (key.keyId() == null) {
            return;
        }
        if (key.marksDestruction()) {
            ring.destroy(key.keyId());
        } else if (key.wrapped() != null) {
            ring.put(master.get().unwrap(key.keyId(), key.wrapped()));
        }
    }

    /** See {@link KeyRing#seal}. */
    public String seal(String keyId, String text) {
        return ring.seal(keyId, text);
    }

    /** See {@link KeyRing#open}: plain text as it is, sealed text opened, a destroyed key's text {@link KeyRing#WITHDRAWN}. */
    public String open(String value) {
        return ring.open(value);
    }
}
