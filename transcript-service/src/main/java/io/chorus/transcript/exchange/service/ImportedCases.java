package io.chorus.transcript.exchange.service;

import io.chorus.transcript.participant.service.ParticipantService;

import io.chorus.common.problem.ProblemException;
import io.chorus.refi.QdaProject;
import io.chorus.transcript.participant.repository.Participant;
import io.chorus.transcript.participant.rest.ParticipantResource.ParticipantData;
import io.chorus.transcript.transcript.rest.TranscriptPush.Identifier;
import io.chorus.transcript.transcript.rest.TranscriptPush.Kind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;

/**
 * The cases of a tool's project that are participants: a case named by a speaker code (as Chorus's own export names
 * them) with questionnaire variables (gender, age, role, professional background, years of experience, previous peer
 * support experience, under those names in any case) becomes a participant of the site. A case named by an identifier
 * of the import takes the identifier's participant code, or is not kept, so no name is stored.
 */
@ApplicationScoped
public class ImportedCases {

    private static final String SPEAKER_CODE = "[A-Za-z][A-Za-z0-9#]{0,39}";
    private static final Set<String> QUESTIONNAIRE = Set.of("gender", "sex", "age", "role", "professional background",
            "years of experience", "previous peer support experience");

    @Inject
    ParticipantService participants;

    @Inject
    Validator validator;

    /** Registers the participant cases; how many were registered or already so. Every case not kept is reported. */
    public int register(String site, QdaProject project, List<Identifier> identifiers, BiConsumer<String, String> skip) {
        Map<String, String> variableNames = project.variables().stream()
                .collect(Collectors.toMap(QdaProject.Variable::guid, v -> v.name().strip().toLowerCase(Locale.ROOT), (a, b) -> a));
        int registered = 0;
        for (int index = 0; index < project.cases().size(); index++) {
            QdaProject.Case c = project.cases().get(index);
            Map<String, String> values = new HashMap<>();
            c.values().forEach(v -> Optional.ofNullable(variableNames.get(v.variableGuid())).filter(QUESTIONNAIRE::contains)
                    .ifPresent(name -> values.put(name.equals("sex") ? "gender" : name, v.value() == null ? null : v.value().strip())));
            if (values.isEmpty()) {
                continue;
            }
            Optional<String> number = number(c.name(), identifiers);
            String item = number.map(n -> "case '" + n + "'").orElse("case " + (index + 1) + " of the file");
            if (number.isEmpty()) {
                skip.accept(item, "its name is not a speaker code such as 'P3' (nor named by an identifier with one): a participant is "
                        + "never kept under a name");
                continue;
            }
            ParticipantData data;
            try {
                data = new ParticipantData(gender(values.get("gender")), integer(values.get("age")), values.get("role"),
                        values.get("professional background"), integer(values.get("years of experience")),
                        bool(values.get("previous peer support experience")));
            } catch (IllegalArgumentException unreadable) {
                skip.accept(item, unreadable.getMessage());
                continue;
            }
            Set<ConstraintViolation<ParticipantData>> violations = validator.validate(data);
            if (!violations.isEmpty()) {
                skip.accept(item, violations.stream().map(v -> v.getPropertyPath() + " " + v.getMessage()).sorted()
                        .collect(Collectors.joining("; ")));
                continue;
            }
            try {
                participants.upsert(new Participant(site, number.get(), data.gender(), data.age(), data.role(), data.professionalBackground(),
                        data.yearsOfExperience(), data.previousPeerSupportExperience(), null, null, 0, null, null));
                registered++;
            } catch (ProblemException refused) {
                skip.accept(item, refused.getMessage());
            }
        }
        return registered;
    }

    /** A speaker named by an identifier becomes its participant code; one without a code is not attributed. */
    public String speaker(String speaker, List<Identifier> identifiers) {
        return identifiers.stream().filter(i -> i.value().strip().equalsIgnoreCase(speaker)).findFirst()
                .map(i -> i.kind() == Kind.PARTICIPANT && i.participant() != null ? i.participant() : ImportedPlacement.UNATTRIBUTED)
                .orElse(speaker);
    }

    private static Optional<String> number(String name, List<Identifier> identifiers) {
        if (name == null) {
            return Optional.empty();
        }
        Optional<Identifier> named = identifiers.stream().filter(i -> i.value().strip().equalsIgnoreCase(name.strip())).findFirst();
        if (named.isPresent()) {
            return Optional.ofNullable(named.get().participant());
        }
        return Optional.of(name.strip()).filter(n -> n.matches(SPEAKER_CODE));
    }

    private static String gender(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "f", "female", "woman" -> "female";
            case "m", "male", "man" -> "male";
            case "d", "diverse" -> "diverse";
            case "not stated", "not-stated", "unknown" -> "not-stated";
            default -> value.toLowerCase(Locale.ROOT);
        };
    }

    private static Integer integer(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return (int) Math.round(Double.parseDouble(value));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + value + "' is not a number");
        }
    }

    private static Boolean bool(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "1" -> true;
            case "false", "no", "0" -> false;
            default -> throw new IllegalArgumentException("'" + value + "' is not yes or no");
        };
    }
}
