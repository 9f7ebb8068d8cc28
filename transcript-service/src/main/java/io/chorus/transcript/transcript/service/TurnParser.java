package io.chorus.transcript.transcript.service;

import io.chorus.common.problem.ProblemException;
import io.chorus.transcript.transcript.rest.TranscriptPush;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads speaker turns written as plain lines: {@code M: ...}, {@code P3: ...}. A line without a
 * speaker continues the turn above it; blank lines separate nothing. Each turn becomes one paragraph.
 */
public final class TurnParser {

    /** A colon must end the line or be followed by a blank: {@code https://...} or {@code Polla:elfelejtettem} stays text. */
    private static final Pattern TURN = Pattern.compile("^\\s*([A-Za-z][A-Za-z0-9#]{0,39})\\s*:(?:\\s+(.*))?$");

    private TurnParser() {
    }

    public static List<TranscriptPush.ParagraphPush> parse(List<String> lines) {
        List<String> speakers = new ArrayList<>();
        List<StringBuilder> texts = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty()) {
                continue;
            }
            Matcher turn = TURN.matcher(line);
            if (turn.matches()) {
                speakers.add(turn.group(1));
                texts.add(new StringBuilder(turn.group(2) == null ? "" : turn.group(2).strip()));
            } else if (texts.isEmpty()) {
                throw ProblemException.invalid("", "Line " + (i + 1) + " has no speaker: a transcript starts with a turn such as 'M: ...' or 'P3: ...'");
            } else {
                StringBuilder text = texts.get(texts.size() - 1);
                text.append(text.isEmpty() ? "" : "\n").append(line);
            }
        }
        if (speakers.isEmpty()) {
            throw ProblemException.invalid("", "No speaker turns found: write one turn per line as 'M: ...' or 'P3: ...'");
        }
        List<TranscriptPush.ParagraphPush> paragraphs = new ArrayList<>();
        for (int i = 0; i < speakers.size(); i++) {
            paragraphs.add(new TranscriptPush.ParagraphPush(speakers.get(i), texts.get(i).toString()));
        }
        return paragraphs;
    }
}
