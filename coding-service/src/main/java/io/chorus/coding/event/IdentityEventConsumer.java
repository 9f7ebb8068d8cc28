package io.chorus.coding.event;

import io.chorus.coding.service.CoderDirectory;
import io.chorus.common.event.EventHandling;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

@ApplicationScoped
public class IdentityEventConsumer {

    @Inject
    CoderDirectory coders;

    @Incoming("identity-events")
    @Blocking
    public CompletionStage<Void> consume(Message<String> message) {
        return EventHandling.apply(message, coders::apply);
    }
}
