package io.chorus.common.event;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;

/** What the service's outbox relay left waiting in its last pass ({@link RelayHealth} shows it). */
@ApplicationScoped
public class RelayStatus {

    private volatile Set<String> waiting = Set.of();

    public void record(RelayPass pass) {
        waiting = pass.waiting();
    }

    public Set<String> waiting() {
        return waiting;
    }
}
