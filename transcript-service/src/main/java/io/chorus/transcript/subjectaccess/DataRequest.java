package io.chorus.transcript.subjectaccess;

import java.time.Instant;
import java.util.List;

/**
 * A site lead's request for everything Chorus holds on one participant of their site (GDPR Art. 15 and 20). It is
 * {@code gathering} until coding-service has answered, then {@code ready}; each download is recorded in
 * {@code deliveries}. It is deleted when the participant withdraws, and {@link #expiresAt} at the latest.
 */
public record DataRequest(String id, String site, String participant, String requestedBy, Instant requestedAt, String status,
        List<Delivery> deliveries, Instant expiresAt, String codingAnswer, int version) {

    public static final String GATHERING = "gathering";
    public static final String READY = "ready";

    public record Delivery(String by, Instant at) {
    }

    DataRequest answered(String answer) {
        return new DataRequest(id, site, participant, requestedBy, requestedAt, READY, deliveries, expiresAt, answer, version + 1);
    }

    DataRequest delivered(String by, Instant at) {
        List<Delivery> all = new java.util.ArrayList<>(deliveries);
        all.add(new Delivery(by, at));
        return new DataRequest(id, site, participant, requestedBy, requestedAt, status, List.copyOf(all), expiresAt, codingAnswer, version + 1);
    }
}
