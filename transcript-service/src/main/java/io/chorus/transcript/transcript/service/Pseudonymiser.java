package io.chorus.transcript.transcript.service;

import io.chorus.transcript.transcript.rest.TranscriptPush;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces identifying strings with placeholders before anything is stored. The identifiers
 * themselves are used here only and never stored, logged or echoed.
 */
public final class Pseudonymiser {

    private static final Pattern CAPITALISED = Pattern.compile("(?<![\\p{L}\\p{N}])\\p{Lu}[\\p{Ll}\\p{M}]+(?:-\\p{Lu}[\\p{Ll}\\p{M}]+)?");
    private static final Set<String> COMMON_CAPITALISED = Set.of("I", "I'm", "OK", "Okay", "Yes", "No", "So", "And", "But",
            "The", "We", "You", "They", "He", "She", "It", "This", "That", "There", "What", "When", "If", "In", "On", "At",
            "Mr", "Mrs", "Ms", "Dr", "God", "English", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday");

    private Pseudonymiser() {
    }

    public static String placeholder(TranscriptPush.Identifier identifier) {
        return switch (identifier.kind()) {
            case PERSON, STAFF -> "[name]";
            case PLACE -> "[place]";
            case PARTICIPANT -> identifier.participant() == null ? "[name]" : "[" + identifier.participant() + "]";
            case OTHER -> "[redacted]";
        };
    }

    public static String apply(String text, List<TranscriptPush.Identifier> identifiers) {
        return applyTracked(text, identifiers).text();
    }

    /** A replacement made in one pass: [start, end) of that pass's text became {@code length} characters. */
    public record Replacement(int start, int end, int length) {
    }

    /**
     * The pseudonymised text, and where each character index of the text before it went, so that a coded passage on
     * the text before pseudonymisation stays on the same words after it.
     */
    public record Tracked(String text, List<List<Replacement>> passes) {

        /** Where an index of the text before moved to; inside a replaced identifier, a start moves to its start and an end to its end. */
        public int map(int index, boolean end) {
            int at = index;
            for (List<Replacement> pass : passes) {
                int delta = 0;
                int mapped = -1;
                for (Replacement r : pass) {
                    if (at <= r.start()) {
                        break;
                    }
                    if (at >= r.end()) {
                        delta += r.length() - (r.end() - r.start());
                        continue;
                    }
                    mapped = r.start() + delta + (end ? r.length() : 0);
                    break;
                }
                at = mapped >= 0 ? mapped : at + delta;
            }
            return at;
        }
    }

    public static Tracked applyTracked(String text, List<TranscriptPush.Identifier> identifiers) {
        List<TranscriptPush.Identifier> longestFirst = new ArrayList<>(identifiers);
        longestFirst.sort(Comparator.comparingInt((TranscriptPush.Identifier i) -> i.value().length()).reversed());
        String result = text;
        List<List<Replacement>> passes = new ArrayList<>();
        for (TranscriptPush.Identifier identifier : longestFirst) {
            Pattern pattern = Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(identifier.value().strip()) + "(?![\\p{L}\\p{N}])",
                    Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
            String placeholder = placeholder(identifier);
            Matcher matcher = pattern.matcher(result);
            List<Replacement> pass = new ArrayList<>();
            StringBuilder replaced = new StringBuilder();
            while (matcher.find()) {
                pass.add(new Replacement(matcher.start(), matcher.end(), placeholder.length()));
                matcher.appendReplacement(replaced, Matcher.quoteReplacement(placeholder));
            }
            matcher.appendTail(replaced);
            result = replaced.toString();
            passes.add(pass);
        }
        return new Tracked(result, passes);
    }

    /** Capitalised words that are not the first word of a sentence: what a person should check before release. */
    public static List<String> nameCandidates(String text) {
        List<String> candidates = new ArrayList<>();
        Matcher matcher = CAPITALISED.matcher(text);
        while (matcher.find()) {
            String before = text.substring(0, matcher.start()).stripTrailing();
            boolean sentenceStart = before.isEmpty() || ".!?:;\"'“‘(".indexOf(before.charAt(before.length() - 1)) >= 0;
            if (!sentenceStart && !COMMON_CAPITALISED.contains(matcher.group())) {
                candidates.add(matcher.group());
            }
        }
        return candidates;
    }
}
