package io.chorus.refi;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a transcript's numbered paragraphs sit in a source's text. Chorus writes one paragraph per line as
 * {@code [12] P3: text}, so that paragraph numbers and speakers stay readable in any tool; a text from elsewhere is read
 * as one paragraph per non-empty line, with a leading {@code Speaker:} taken as the speaker. Maps a selection (code-point
 * indexes into the LF text) to paragraphs and offsets within their text, and back.
 */
public final class ParagraphLayout {

    /** A paragraph and where its text (after the number and speaker) starts and ends in the whole text. */
    public record Placed(int number, String speaker, String text, int textStart, int textEnd) {
    }

    /** A passage as Chorus stores it: offsets are code points into the paragraph's text, the end exclusive. */
    public record Span(int firstParagraph, int startOffset, int lastParagraph, int endOffset) {
    }

    public record Paragraph(int number, String speaker, String text) {
    }

    private static final Pattern CHORUS_LINE = Pattern.compile("^\\[(\\d{1,6})\\] (?:([^:\\n]{1,100}): )?");
    private static final Pattern SPEAKER = Pattern.compile("^([^:\\s][^:\\n]{0,39}): ");

    private final String text;
    private final List<Placed> paragraphs;

    private ParagraphLayout(String text, List<Placed> paragraphs) {
        this.text = text;
        this.paragraphs = paragraphs;
    }

    /** The text Chorus writes for a transcript's paragraphs, LF between them. */
    public static ParagraphLayout render(List<Paragraph> paragraphs) {
        StringBuilder text = new StringBuilder();
        List<Placed> placed = new ArrayList<>();
        int index = 0;
        for (Paragraph p : paragraphs) {
            String prefix = "[" + p.number() + "] " + (p.speaker() == null || p.speaker().isBlank() ? "" : p.speaker() + ": ");
            String body = p.text().replace('\n', ' ').replace('\r', ' ');
            if (!placed.isEmpty()) {
                text.append('\n');
                index++;
            }
            text.append(prefix).append(body);
            int start = index + prefix.codePointCount(0, prefix.length());
            index = start + body.codePointCount(0, body.length());
            placed.add(new Placed(p.number(), p.speaker(), body, start, index));
        }
        return new ParagraphLayout(text.toString(), placed);
    }

    /** Reads the paragraphs of an LF text: Chorus's own layout when every line has it, else one paragraph per line. */
    public static ParagraphLayout parse(String lfText) {
        return parse(lfText, SPEAKER);
    }

    /**
     * The same, taking as a speaker only what {@code speaker} matches at the start of a line (its group 1, the match
     * ending after the separator): a transcript from elsewhere names speakers by codes, so a title such as
     * "Mapping Learning: An Approach" stays text.
     */
    public static ParagraphLayout parse(String lfText, Pattern speakerPattern) {
        List<Placed> placed = new ArrayList<>();
        int index = 0;
        int number = 0;
        for (String line : lfText.split("\n", -1)) {
            int length = line.codePointCount(0, line.length());
            if (!line.isBlank()) {
                Matcher chorus = CHORUS_LINE.matcher(line);
                Matcher speaker = speakerPattern.matcher(line);
                String who = null;
                int prefix = 0;
                int n = ++number;
                if (chorus.find()) {
                    n = Integer.parseInt(chorus.group(1));
                    number = n;
                    who = chorus.group(2);
                    prefix = chorus.end();
                } else if (speaker.find()) {
                    who = speaker.group(1).strip();
                    prefix = speaker.end();
                }
                int prefixPoints = line.codePointCount(0, prefix);
                placed.add(new Placed(n, who, line.substring(prefix), index + prefixPoints, index + length));
            }
            index += length + 1;
        }
        return new ParagraphLayout(lfText, placed);
    }

    public String text() {
        return text;
    }

    public List<Placed> paragraphs() {
        return paragraphs;
    }

    /**
     * The paragraphs and offsets a selection [start, end) covers; a start in a line's number or speaker moves to the
     * start of its text, an end there moves back to the end of the paragraph before. Null when the selection covers no
     * paragraph text.
     */
    public Span locate(int start, int end) {
        Placed first = null;
        Placed last = null;
        for (Placed p : paragraphs) {
            if (first == null && p.textEnd() > start) {
                first = p;
            }
            if (p.textStart() < end) {
                last = p;
            }
        }
        if (first == null || last == null || last.textStart() >= end && last == first || paragraphs.indexOf(last) < paragraphs.indexOf(first)) {
            return null;
        }
        int startOffset = Math.max(0, start - first.textStart());
        int endOffset = Math.min(last.textEnd(), end) - last.textStart();
        if (first == last && endOffset <= startOffset) {
            return null;
        }
        return new Span(first.number(), startOffset, last.number(), endOffset);
    }

    /** Where a passage lies in the text: code-point indexes [start, end). */
    public int[] place(Span span) {
        Placed first = paragraph(span.firstParagraph());
        Placed last = paragraph(span.lastParagraph());
        if (first == null || last == null) {
            throw new IllegalArgumentException("no paragraph " + (first == null ? span.firstParagraph() : span.lastParagraph()));
        }
        return new int[] {first.textStart() + span.startOffset(), last.textStart() + span.endOffset()};
    }

    public Placed paragraph(int number) {
        for (Placed p : paragraphs) {
            if (p.number() == number) {
                return p;
            }
        }
        return null;
    }
}
