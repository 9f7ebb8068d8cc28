package io.chorus.reporting.event;

import io.chorus.common.event.EventHandling;
import io.chorus.reporting.service.ProgressReadModel;
import io.chorus.reporting.service.ReadModelRebuild;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

@ApplicationScoped
public class TranscriptEventConsumer {

    @Inject
    ProgressReadModel readModel;

    @Inject
    ReadModelRebuild rebuild;

    @Incoming("transcript-events")
    @Blocking
    public CompletionStage<Void> consume(Message<String> message) {
        return EventHandling.apply(message, event -> rebuild.live(() -> readModel.apply(event)));
    }
}
