package io.chorus.common.crypto;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * What a consuming service's reader of the key topic does: its subclass names the channel ({@code @Incoming("data-keys")},
 * blocking on a worker of its own, since event consumers may wait on a key it brings) and hands each record to
 * {@link #receive}. The service does not start without a valid master key.
 */
public abstract class KeyTopicConsumer {

    @Inject
    EventKeys keys;

    void checkMasterKey(@Observes StartupEvent startup) {
        keys.checkMasterKey();
    }

    protected void receive(String record) {
        keys.received(record);
    }
}
