package io.chorus.transcript.transcript.service;

import io.chorus.transcript.config.TranscriptConfig;
import io.chorus.transcript.participant.repository.Participant;
import io.chorus.transcript.participant.repository.ParticipantRepository;
import io.chorus.transcript.transcript.repository.Transcript;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Labels as papers print them: "BU 45", "UKE 184-188", and "[#9, Kampala, PSW]" for a participant's words. */
@ApplicationScoped
public class QuoteLabels {

    private static final Map<String, String> ROLE_ABBREVIATIONS = Map.of(
            "peer support worker", "PSW", "mental health worker", "MHW", "service user", "SU",
            "key informant", "KI", "service user representative", "SU rep");

    @Inject
    TranscriptConfig config;

    @Inject
    ParticipantRepository participants;

    public static String paragraphLabel(String site, int from, int to) {
        return from == to ? site + " " + from : site + " " + from + "-" + to;
    }

    /** Present when every paragraph of the range is the same participant's. */
    public Optional<String> participantLabel(Transcript t, List<Transcript.Paragraph> range) {
        String speaker = range.get(0).speaker();
        if (range.stream().anyMatch(p -> !p.speaker().equals(speaker)) || !speaker.matches("[A-Za-z]*\\d+")) {
            return Optional.empty();
        }
        StringBuilder label = new StringBuilder("[#").append(speaker.replaceAll("\\D", ""))
                .append(", ").append(config.siteLabels().getOrDefault(t.site(), t.site()));
        participants.find(t.site(), speaker).map(Participant::role).filter(role -> !role.isBlank())
                .ifPresent(role -> label.append(", ").append(ROLE_ABBREVIATIONS.getOrDefault(role.toLowerCase(), role)));
        return Optional.of(label.append(']').toString());
    }
}
