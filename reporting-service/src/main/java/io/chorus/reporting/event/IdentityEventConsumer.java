package io.chorus.reporting.event;

import io.chorus.common.event.EventHandling;
import io.chorus.reporting.service.ReadModelRebuild;
import io.chorus.reporting.service.SiteDirectory;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

@ApplicationScoped
public class IdentityEventConsumer {

    @Inject
    SiteDirectory sites;

    @Inject
    ReadModelRebuild rebuild;

    @Incoming("identity-events")
    @Blocking
    public CompletionStage<Void> consume(Message<String> message) {
        return EventHandling.apply(message, event -> rebuild.live(() -> sites.apply(event)));
    }
}
