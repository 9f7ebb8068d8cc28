package io.chorus.coding.transcript.event;

import io.chorus.common.crypto.KeyTopicConsumer;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Reads the key topic from its beginning at every start (a consumer group of its own each time). */
@ApplicationScoped
public class DataKeyConsumer extends KeyTopicConsumer {

    @Incoming("data-keys")
    @Blocking(value = "data-keys", ordered = true)
    public void received(String record) {
        receive(record);
    }
}
