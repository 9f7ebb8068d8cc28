package io.chorus.common.event;

import io.smallrye.health.api.Wellness;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Set;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;

/**
 * The outbox relay in /q/health (wellness): DOWN, with how many aggregates wait, while events cannot be published.
 * Readiness stays up: the API still takes writes, and their events wait safely in the outbox.
 */
@Wellness
@ApplicationScoped
public class RelayHealth implements HealthCheck {

    @Inject
    RelayStatus status;

    @Override
    public HealthCheckResponse call() {
        Set<String> waiting = status.waiting();
        var response = HealthCheckResponse.named("outbox relay").status(waiting.isEmpty()).withData("waitingAggregates", waiting.size());
        if (!waiting.isEmpty()) {
            response.withData("first", waiting.iterator().next());
        }
        return response.build();
    }
}
