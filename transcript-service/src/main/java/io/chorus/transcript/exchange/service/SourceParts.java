package io.chorus.transcript.exchange.service;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A source longer than one transcript may hold becomes consecutive parts of one session: each part at most
 * {@code maxParagraphs} paragraphs and {@code maxBytes} of UTF-8 text. A part ends where no coded selection crosses, when
 * such a place exists within the part's limits, so that every coding lands whole in one part.
 */
final class SourceParts {

    /** The paragraphs {@code [from, to)} of the source, by their index among its paragraphs. */
    record Part(int from, int to) {

        int size() {
            return to - from;
        }

        boolean holds(int first, int last) {
            return first >= from && last < to;
        }
    }

    private SourceParts() {
    }

    /**
     * @param texts each paragraph's speaker and text, in order
     * @param spans each coded selection's first and last paragraph index
     */
    static List<Part> split(List<String> texts, List<int[]> spans, int maxParagraphs, long maxBytes) {
        int n = texts.size();
        // crossing[i] > 0: some selection covers both paragraph i - 1 and paragraph i, so no part should begin at i
        int[] crossing = new int[n + 1];
        for (int[] span : spans) {
            if (span[1] > span[0]) {
                crossing[span[0] + 1]++;
                crossing[span[1] + 1]--;
            }
        }
        for (int i = 1; i <= n; i++) {
            crossing[i] += crossing[i - 1];
        }
        List<Part> parts = new ArrayList<>();
        int from = 0;
        while (from < n) {
            int to = from;
            long bytes = 0;
            while (to < n && to - from < maxParagraphs) {
                long next = texts.get(to).getBytes(StandardCharsets.UTF_8).length;
                if (to > from && bytes + next > maxBytes) {
                    break;
                }
                bytes += next;
                to++;
            }
            int end = to;
            while (end < n && end > from + 1 && crossing[end] > 0) {
                end--;
            }
            parts.add(new Part(from, end < n && crossing[end] > 0 ? to : end));
            from = parts.get(parts.size() - 1).to();
        }
        return parts;
    }
}
