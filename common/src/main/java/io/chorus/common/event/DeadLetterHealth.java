package io.chorus.common.event;

import io.smallrye.health.api.Wellness;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;

/**
 * "dead letters" in /q/health (wellness): DOWN, degraded, while any wait to be replayed or dismissed. Readiness stays up:
 * the service goes on with the events behind them.
 */
@Wellness
@ApplicationScoped
public class DeadLetterHealth implements HealthCheck {

    @Inject
    DeadLetters deadLetters;

    @Override
    public HealthCheckResponse call() {
        if (!deadLetters.hasConsumers()) {
            return HealthCheckResponse.up("dead letters");
        }
        try {
            long waiting = deadLetters.waiting();
            return HealthCheckResponse.named("dead letters").status(waiting == 0).withData("waiting", waiting).build();
        } catch (RuntimeException e) {
            return HealthCheckResponse.named("dead letters").down().withData("error", String.valueOf(e.getMessage())).build();
        }
    }
}
