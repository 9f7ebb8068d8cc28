package io.chorus.reporting.event;

import io.chorus.common.event.EventConsumer;
import io.chorus.common.event.EventEnvelope;
import io.chorus.reporting.service.SiteDirectory;
import io.chorus.reporting.service.ReadModelRebuild;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

@ApplicationScoped
public class IdentityEventConsumer extends EventConsumer {

    @Inject
    SiteDirectory target;

    @Inject
    ReadModelRebuild rebuild;

    @Incoming("identity-events")
    @Blocking
    public CompletionStage<Void> onMessage(Message<String> message) {
        return consume(message);
    }

    @Override
    public String consumer() {
        return SiteDirectory.CONSUMER;
    }

    @Override
    public void apply(EventEnvelope event) {
        rebuild.live(() -> target.apply(event));
    }
}
