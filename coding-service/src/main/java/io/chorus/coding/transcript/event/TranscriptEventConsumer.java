package io.chorus.coding.transcript.event;

import io.chorus.common.event.EventConsumer;
import io.chorus.common.event.EventEnvelope;
import io.chorus.coding.transcript.service.TranscriptCatalog;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

@ApplicationScoped
public class TranscriptEventConsumer extends EventConsumer {

    @Inject
    TranscriptCatalog target;

    @Incoming("transcript-events")
    @Blocking
    public CompletionStage<Void> onMessage(Message<String> message) {
        return consume(message);
    }

    @Override
    public String consumer() {
        return TranscriptCatalog.CONSUMER;
    }

    @Override
    public void apply(EventEnvelope event) {
        target.apply(event);
    }
}
