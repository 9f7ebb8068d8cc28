package io.chorus.identity.event;

import io.chorus.common.event.PostgresEventRelay;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Channel;

/** Publishes the identity service's outbox (site and access-change events) to chorus.identity. */
@ApplicationScoped
public class IdentityEventRelay extends PostgresEventRelay {

    @Inject
    @Channel("identity-events")
    MutinyEmitter<String> emitter;

    @Override
    protected MutinyEmitter<String> emitter() {
        return emitter;
    }

    @Override
    protected String source() {
        return "/chorus/identity";
    }
}
