package io.chorus.transcript.subjectaccess;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.chorus.common.event.CloudEventMessages;
import io.chorus.common.event.EventEnvelope;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * transcript-service's one consumer: of coding-service's events it reads only the answers to data requests, and keeps
 * each on its request (a second delivery changes nothing). An unreadable answer goes to the dead-letter topic.
 */
@ApplicationScoped
public class CodingAnswers {

    static final String ANSWERED = "io.chorus.coding.subject-access-answered.v1";

    @Inject
    SubjectAccess service;

    @Inject
    ObjectMapper json;

    @Incoming("coding-events")
    @Blocking
    public CompletionStage<Void> received(Message<String> message) {
        EventEnvelope event;
        try {
            event = CloudEventMessages.fromMessage(message);
        } catch (IllegalArgumentException notACloudEvent) {
            return message.nack(notACloudEvent);
        }
        if (!ANSWERED.equals(event.type())) {
            return message.ack();
        }
        String requestId;
        try {
            requestId = json.readTree(event.payloadJson()).path("requestId").asText("");
        } catch (IOException unreadable) {
            return message.nack(unreadable);
        }
        if (requestId.isBlank()) {
            return message.nack(new IllegalArgumentException("an answer without requestId"));
        }
        service.answered(requestId, event.payloadJson());
        return message.ack();
    }
}
