package io.chorus.reporting.event;

import io.chorus.common.event.EventConsumer;
import io.chorus.common.event.EventEnvelope;
import io.chorus.reporting.service.CodingReadModel;
import io.chorus.reporting.service.ReadModelRebuild;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

@ApplicationScoped
public class CodingEventConsumer extends EventConsumer {

    @Inject
    CodingReadModel target;

    @Inject
    ReadModelRebuild rebuild;

    @Incoming("coding-events")
    @Blocking
    public CompletionStage<Void> onMessage(Message<String> message) {
        return consume(message);
    }

    @Override
    public String consumer() {
        return CodingReadModel.CONSUMER;
    }

    @Override
    public void apply(EventEnvelope event) {
        rebuild.live(() -> target.apply(event));
    }
}
