package io.chorus.refi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Issue 27, item 4: a leading "Word:" is a speaker only when the file says so. */
class SpeakerTurnsTest {

    static List<String> speakers(String text, Set<String> known) {
        return ParagraphLayout.parse(text, SpeakerTurns.in(text, known)).paragraphs().stream()
                .map(p -> p.speaker() == null ? "-" : p.speaker()).collect(Collectors.toList());
    }

    @Test
    void anArticleKeepsItsUrlsHeadingsAndGluedColonsAsText() {
        String article = String.join("\n", "Peer support in Uganda", "Abstract: we studied peer support workers.",
                "See https://youtu.be/abc123 for the talk.", "https://youtu.be/abc123", "RQ1: what helps?",
                "Covid: the sessions moved online.", "Polla:elfelejtettem a nevét.", "The results follow.", "More text here.");
        assertEquals(List.of("-", "-", "-", "-", "-", "-", "-", "-", "-"), speakers(article, Set.of()));
        var layout = ParagraphLayout.parse(article, SpeakerTurns.in(article, Set.of()));
        assertEquals("https://youtu.be/abc123", layout.paragraphs().get(3).text(), "the URL stays whole");
    }

    @Test
    void aTranscriptOfTurnsHasItsSpeakersEvenThoseWhoSpeakOnce() {
        String transcript = String.join("\n", "M: What helped you most?", "P1: The peer worker.", "she knew.", "P2: Trust came later.",
                "M: And then?", "P12: Covid: it all moved online.", "Interviewer: thank you.", "https://example.org/notes");
        assertEquals(List.of("M", "P1", "-", "P2", "M", "P12", "-", "-"), speakers(transcript, Set.of()),
                "P12 is numbered like P1 and P2; Interviewer speaks once and is no short code, so it stays text");
        assertEquals(List.of("M", "P1", "-", "P2", "M", "P12", "Interviewer", "-"), speakers(transcript, Set.of("interviewer")),
                "a speaker the project names (a case, an identifier) is taken wherever it begins a line");
    }

    @Test
    void aKnownCaseIsASpeakerEvenInASourceWithFewTurns() {
        String text = String.join("\n", "Notes from the site visit.", "Anna: we met the team.", "Nothing else was said.", "The end.",
                "Closing remarks follow.");
        assertEquals(List.of("-", "-", "-", "-", "-"), speakers(text, Set.of()));
        assertEquals(List.of("-", "Anna", "-", "-", "-"), speakers(text, Set.of("Anna")));
    }
}
