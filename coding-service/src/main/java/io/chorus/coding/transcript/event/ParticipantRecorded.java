package io.chorus.coding.transcript.event;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.Set;

/**
 * What coding-service reads of io.chorus.transcript.participant-registered.v1 and participant-updated.v1: the
 * pseudonymous participant's questionnaire, the variables of their case in a REFI-QDA export.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ParticipantRecorded(String site, String participant, String gender, Integer age, String role,
        String professionalBackground, Integer yearsOfExperience, Boolean previousPeerSupportExperience, int version) {

    public static final Set<String> TYPES = Set.of("io.chorus.transcript.participant-registered.v1",
            "io.chorus.transcript.participant-updated.v1");
}
