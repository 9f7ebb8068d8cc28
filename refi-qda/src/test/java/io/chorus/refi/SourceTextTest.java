package io.chorus.refi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class SourceTextTest {

    /** "Olá 😀" CRLF "tudo\rbem" CRLF: an emoji (two UTF-16 units), two CRLFs and a lone CR. */
    private static final String WRITTEN = "Ol\u00e1 \uD83D\uDE00\r\ntudo\rbem\r\n";

    @Test
    void everyCountingMapsEachCharacterToWhereTheToolCountedIt() {
        SourceText text = new SourceText(WRITTEN);
        assertEquals("Ol\u00e1 \uD83D\uDE00\ntudo\nbem\n", text.normalized());
        assertEquals(15, text.length());
        // index 5 is the first line end, 6 is 't', 15 the end of the text
        assertEquals(5, text.position(5, PositionCounting.STANDARD));
        assertEquals(6, text.position(5, PositionCounting.NVIVO), "the emoji counts two before it");
        assertEquals(7, text.position(6, PositionCounting.STANDARD), "the CRLF counts two");
        assertEquals(6, text.position(6, new PositionCounting(false, false)), "ATLAS.ti counts the CRLF as one");
        assertEquals(8, text.position(6, PositionCounting.NVIVO));
        assertEquals(17, text.length(PositionCounting.STANDARD));
        assertEquals(18, text.length(PositionCounting.NVIVO));
        assertEquals(15, text.length(new PositionCounting(false, false)));
    }

    @Test
    void aPositionInsideAnEmojiOrACrlfIsNoCharacterAndEachOtherMapsBack() {
        SourceText text = new SourceText(WRITTEN);
        assertEquals(-1, text.index(5, PositionCounting.NVIVO), "between the emoji's two code units");
        assertEquals(-1, text.index(6, PositionCounting.STANDARD), "between the CR and the LF");
        assertEquals(-1, text.index(99, PositionCounting.STANDARD));
        for (PositionCounting counting : PositionCounting.ALL) {
            for (int index = 0; index <= text.length(); index++) {
                assertEquals(index, text.index(text.position(index, counting), counting), counting + " at " + index);
            }
        }
        assertThrows(IndexOutOfBoundsException.class, () -> text.position(16, PositionCounting.STANDARD));
    }

    @Test
    void textBetweenIndexesAndCharactersAreTakenFromTheLfText() {
        SourceText text = new SourceText(WRITTEN);
        assertEquals("\uD83D\uDE00\ntudo", text.between(4, 10));
        assertEquals(0x1F600, text.codePointAt(4));
        assertEquals('t', text.codePointAt(6));
    }
}
