package io.chorus.common.testing;

import java.nio.charset.StandardCharsets;
import java.util.Random;

/** Paragraph text of an exact UTF-8 size that compresses about as little as real speech (for tests at the size limits). */
public final class SpeechLikeText {

    private SpeechLikeText() {
    }

    /** Paragraph {@code n} of exactly {@code bytes} UTF-8 bytes, with umlauts and an emoji, so that bytes and characters differ. */
    public static String paragraph(int n, int bytes) {
        StringBuilder text = new StringBuilder("Absatz ").append(n).append(" Grüße 🙂 ");
        // letters at random (seeded, so that each paragraph can be checked) compress as little as speech would
        Random letters = new Random(31L * n + bytes);
        for (int length = text.toString().getBytes(StandardCharsets.UTF_8).length; length < bytes; length++) {
            text.append(length % 7 == 0 ? ' ' : (char) ('a' + letters.nextInt(26)));
        }
        return text.toString();
    }
}
