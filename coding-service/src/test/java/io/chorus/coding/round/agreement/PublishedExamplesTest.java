package io.chorus.coding.round.agreement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each coefficient against the worked example of the paper that defined or popularised it. */
class PublishedExamplesTest {

    /** Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section C: 4 observers, 12 units, missing values. */
    @Test
    void krippendorffsNominalAlphaWithMissingValues() {
        Integer[][] observers = {
            {1, 2, 3, 3, 2, 1, 4, 1, 2, null, null, null},
            {1, 2, 3, 3, 2, 2, 4, 1, 2, 5, null, 3},
            {null, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, null},
            {1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, null},
        };
        List<Object[]> units = new ArrayList<>();
        for (int unit = 0; unit < 12; unit++) {
            units.add(new Object[] {observers[0][unit], observers[1][unit], observers[2][unit], observers[3][unit]});
        }
        Coefficients result = AgreementCalculator.nominal(units, 4);
        assertEquals(0.743, result.krippendorffAlpha(), 0.0005);
        assertEquals(11, result.units(), "unit 12 has a single value and cannot be paired");
    }

    /** Brennan and Prediger (1981), p. 689, example 1 (proportions x 100): Po .60, Cohen's kappa .27, their kappa .40. */
    @Test
    void cohensKappaAndBrennanPredigersKappa() {
        List<Object[]> units = new ArrayList<>();
        add(units, 50, 1, 1);
        add(units, 10, 2, 1);
        add(units, 10, 2, 2);
        add(units, 10, 2, 3);
        add(units, 20, 3, 1);
        Coefficients result = AgreementCalculator.nominal(units, 2);
        assertEquals(0.60, result.percentAgreement(), 1e-9);
        assertEquals(0.27, result.cohenKappa(), 0.005);
        assertNull(result.fleissKappa(), "Fleiss' kappa is for more than two coders");
        assertEquals(0.40, SegmentAgreement.brennanPrediger(0.60, 3), 1e-9);
    }

    /** Fleiss (1971) as reproduced on Wikipedia's "Fleiss' kappa": 10 subjects, 14 raters, 5 categories, kappa 0.210. */
    @Test
    void fleissKappaForManyRaters() {
        int[][] counts = {
            {0, 0, 0, 0, 14}, {0, 2, 6, 4, 2}, {0, 0, 3, 5, 6}, {0, 3, 9, 2, 0}, {2, 2, 8, 1, 1},
            {7, 7, 0, 0, 0}, {3, 2, 6, 3, 0}, {2, 5, 3, 2, 2}, {6, 5, 2, 1, 0}, {0, 2, 2, 3, 7},
        };
        List<Object[]> units = new ArrayList<>();
        for (int[] subject : counts) {
            Object[] ratings = new Object[14];
            int rater = 0;
            for (int category = 0; category < 5; category++) {
                for (int i = 0; i < subject[category]; i++) {
                    ratings[rater++] = category + 1;
                }
            }
            units.add(ratings);
        }
        Coefficients result = AgreementCalculator.nominal(units, 14);
        assertEquals(0.210, result.fleissKappa(), 0.0005);
        assertNull(result.cohenKappa(), "Cohen's kappa is for exactly two coders");
    }

    /**
     * Krippendorff (1995), "On the reliability of unitizing contiguous data", p. 57: two coders, four
     * categories on a continuum of 24 (scaled so the expected disagreement converges, as in his table).
     */
    @Test
    void krippendorffsUnitizingAlpha() {
        long s = 50_000;
        List<Span> spans = new ArrayList<>();
        spans.add(span("A", "A", 2, 8, s));
        spans.add(span("A", "A", 14, 6, s));
        spans.add(span("B", "A", 4, 4, s));
        spans.add(span("B", "A", 15, 2, s));
        spans.add(span("A", "B", 0, 18, s));
        for (int[] unit : new int[][] {{0, 2}, {2, 1}, {3, 1}, {4, 1}, {5, 1}, {6, 3}, {9, 1}}) {
            spans.add(span("B", "B", unit[0], unit[1], s));
        }
        for (int[] unit : new int[][] {{2, 6}, {10, 2}, {14, 4}, {20, 2}}) {
            spans.add(span("A", "C", unit[0], unit[1], s));
        }
        for (int[] unit : new int[][] {{0, 2}, {4, 4}, {10, 4}, {16, 2}, {20, 2}}) {
            spans.add(span("B", "C", unit[0], unit[1], s));
        }
        for (int[] unit : new int[][] {{0, 2}, {2, 8}, {10, 4}, {14, 6}, {20, 4}}) {
            spans.add(span("A", "D", unit[0], unit[1], s));
        }
        for (int[] unit : new int[][] {{0, 4}, {4, 4}, {8, 7}, {15, 2}, {17, 7}}) {
            spans.add(span("B", "D", unit[0], unit[1], s));
        }
        Document continuum = new Document("doc", List.of(new Document.Paragraph(1, (int) (24 * s))), spans);
        Map<String, Double> alpha = AgreementCalculator.unitizingAlpha(List.of(continuum), List.of("A", "B"));
        assertEquals(0.553, alpha.get("A"), 0.02);
        assertEquals(-0.926, alpha.get("B"), 0.02);
        assertEquals(0.679, alpha.get("C"), 0.02);
        assertEquals(0.066, alpha.get("D"), 0.02);
    }

    private static Span span(String coder, String code, long begin, long length, long stretch) {
        return new Span(coder + code + begin, "doc", coder, code, 1, 1, begin * stretch, (begin + length) * stretch);
    }

    private static void add(List<Object[]> units, int times, Object first, Object second) {
        for (int i = 0; i < times; i++) {
            units.add(new Object[] {first, second});
        }
    }
}
