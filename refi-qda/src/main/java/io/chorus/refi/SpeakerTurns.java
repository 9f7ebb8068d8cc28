package io.chorus.refi;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Which leading {@code Label: } of a desktop tool's text names a speaker. A label is a speaker only when the file says
 * so: it names a case or participant of the project (or an identifier of the import), or the source is written as turns
 * (labels begin at least a quarter of its non-blank lines and one of them recurs, or they begin half of them) and the label begins two lines or more, is numbered like
 * another label ({@code P7} beside {@code P1}) or is a short code ({@code M}, {@code I}).
 * A colon must be followed by a space and text, so {@code https://…} and {@code Polla:elfelejtettem} stay text, and a
 * lone {@code Abstract:}, {@code RQ1:} or {@code Covid:} in an article stays text as well.
 */
public final class SpeakerTurns {

    /** A speaker code as Chorus names speakers, followed by a colon, blanks and text. */
    private static final Pattern CANDIDATE = Pattern.compile("^\\s*([A-Za-z][A-Za-z0-9#]{0,39}):[ \\t]+\\S");
    private static final Pattern NEVER = Pattern.compile("^(?!)()");
    /** Lines that begin with a label, as a share of the non-blank lines, from which the source is read as turns. */
    static final double TURN_SHARE = 0.25;
    /** A code this short ({@code M}, {@code I}, {@code P1}, {@code Mod}) is a speaker in a source of turns even when it speaks once. */
    static final int SHORT_CODE = 3;

    private SpeakerTurns() {
    }

    /**
     * A pattern for {@link ParagraphLayout#parse(String, Pattern)} that takes as speakers the labels this source names
     * so (group 1 the label, the match ending after the colon and blanks).
     */
    public static Pattern in(String lfText, Collection<String> knownSpeakers) {
        Set<String> speakers = speakers(List.of(lfText.split("\n", -1)), knownSpeakers);
        if (speakers.isEmpty()) {
            return NEVER;
        }
        String alternatives = speakers.stream().sorted((a, b) -> b.length() - a.length()).map(Pattern::quote)
                .collect(Collectors.joining("|"));
        return Pattern.compile("^\\s*(" + alternatives + "):[ \\t]+(?=\\S)");
    }

    /** The labels of these lines that are speakers. */
    public static Set<String> speakers(List<String> lines, Collection<String> knownSpeakers) {
        Set<String> known = knownSpeakers.stream().map(s -> s.strip().toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        Map<String, Integer> starts = new HashMap<>();
        Map<String, Integer> shapes = new HashMap<>();
        int nonBlank = 0;
        int labelled = 0;
        for (String line : lines) {
            if (line.isBlank()) {
                continue;
            }
            nonBlank++;
            Matcher candidate = CANDIDATE.matcher(line);
            if (candidate.find()) {
                labelled++;
                starts.merge(candidate.group(1), 1, Integer::sum);
            }
        }
        starts.keySet().forEach(label -> shapes.merge(shape(label), 1, Integer::sum));
        boolean recurs = starts.values().stream().anyMatch(n -> n >= 2);
        boolean turns = nonBlank > 0 && labelled >= TURN_SHARE * nonBlank && (recurs || labelled >= 2 * TURN_SHARE * nonBlank);
        Set<String> speakers = new HashSet<>();
        for (Map.Entry<String, Integer> label : starts.entrySet()) {
            String name = label.getKey();
            boolean numberedLikeOthers = shape(name).endsWith("#") && shapes.get(shape(name)) >= 2;
            if (known.contains(name.toLowerCase(Locale.ROOT))
                    || turns && (label.getValue() >= 2 || numberedLikeOthers || name.length() <= SHORT_CODE)) {
                speakers.add(name);
            }
        }
        return speakers;
    }

    /** {@code P12} and {@code P3} share the shape {@code P#}; {@code RQ1} has the shape {@code RQ#}. */
    private static String shape(String label) {
        return label.replaceAll("[0-9]+$", "#");
    }
}
