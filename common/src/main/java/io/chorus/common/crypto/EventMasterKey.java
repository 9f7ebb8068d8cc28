package io.chorus.common.crypto;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The master key of configuration {@code chorus.events.master-key} (environment CHORUS_EVENTS_MASTER_KEY), read once. */
@ApplicationScoped
public class EventMasterKey {

    @ConfigProperty(name = "chorus.events.master-key")
    Optional<String> configured;

    private volatile MasterKey key;

    public MasterKey get() {
        if (key == null) {
            key = MasterKey.parse(configured.orElse(null));
        }
        return key;
    }
}
