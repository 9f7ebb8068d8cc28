package io.chorus.transcript.participant.repository;

import java.time.Instant;

/** A pseudonymous participant of a site: never named, known by a number such as "P9" unique within the site. */
public record Participant(String site, String number, String gender, Integer age, String role,
        String professionalBackground, Integer yearsOfExperience, Boolean previousPeerSupportExperience,
        Consent consent, Instant withdrawnAt, int version, Instant createdAt, Instant updatedAt) {

    public enum Consent {
        GIVEN, WITHDRAWN
    }

    public static String id(String site, String number) {
        return site + ":" + number;
    }

    public boolean sameData(Participant other) {
        return java.util.Objects.equals(gender, other.gender) && java.util.Objects.equals(age, other.age)
                && java.util.Objects.equals(role, other.role)
                && java.util.Objects.equals(professionalBackground, other.professionalBackground)
                && java.util.Objects.equals(yearsOfExperience, other.yearsOfExperience)
                && java.util.Objects.equals(previousPeerSupportExperience, other.previousPeerSupportExperience);
    }
}
