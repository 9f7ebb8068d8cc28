package io.chorus.coding.staff.event;

import io.chorus.common.event.EventConsumer;
import io.chorus.common.event.EventEnvelope;
import io.chorus.coding.staff.service.CoderDirectory;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

@ApplicationScoped
public class IdentityEventConsumer extends EventConsumer {

    @Inject
    CoderDirectory target;

    @Incoming("identity-events")
    @Blocking
    public CompletionStage<Void> onMessage(Message<String> message) {
        return consume(message);
    }

    @Override
    public String consumer() {
        return CoderDirectory.CONSUMER;
    }

    @Override
    public void apply(EventEnvelope event) {
        target.apply(event);
    }
}
