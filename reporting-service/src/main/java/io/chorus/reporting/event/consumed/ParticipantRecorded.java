package io.chorus.reporting.event.consumed;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.Set;

/** What reporting reads of io.chorus.transcript.participant-registered.v1 and participant-updated.v1. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ParticipantRecorded(String site, String participant, String gender, Integer age, String role,
        String professionalBackground, Boolean previousPeerSupportExperience, int version) {

    public static final Set<String> TYPES = Set.of("io.chorus.transcript.participant-registered.v1",
            "io.chorus.transcript.participant-updated.v1");
    public static final String WITHDRAWN = "io.chorus.transcript.participant-withdrawn.v1";
}
