package io.chorus.coding.transcript.event;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** io.chorus.transcript.participant-withdrawn.v1: the participant's questionnaire goes too. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ParticipantWithdrawn(String site, String participant) {

    public static final String TYPE = "io.chorus.transcript.participant-withdrawn.v1";
}
