package io.chorus.coding.event;

import io.chorus.common.event.PostgresEventRelay;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Channel;

/** Publishes coding-service's outbox to the chorus.coding topic. */
@ApplicationScoped
public class CodingEventRelay extends PostgresEventRelay {

    static final String SOURCE = "/chorus/coding-service";

    @Inject
    @Channel("coding-events")
    MutinyEmitter<String> emitter;

    @Override
    protected MutinyEmitter<String> emitter() {
        return emitter;
    }

    @Override
    protected String source() {
        return SOURCE;
    }
}
