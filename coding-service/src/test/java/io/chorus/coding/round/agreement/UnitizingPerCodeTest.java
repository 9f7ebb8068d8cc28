package io.chorus.coding.round.agreement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.dkpro.statistics.agreement.unitizing.KrippendorffAlphaUnitizingAgreement;
import org.dkpro.statistics.agreement.unitizing.UnitizingAnnotationStudy;
import org.junit.jupiter.api.Test;

/** A code's unitizing alpha from a study of its units alone equals DKPro's category agreement in the study of all codes. */
class UnitizingPerCodeTest {

    @Test
    void perCodeStudiesGiveTheCategoryAgreementOfTheWholeStudy() {
        Random random = new Random(5);
        int compared = 0;
        for (int round = 0; round < 40; round++) {
            List<String> coders = List.of("a", "b", "c").subList(0, 2 + random.nextInt(2));
            List<Span> spans = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                int rater = random.nextInt(coders.size());
                String code = "code-" + random.nextInt(4);
                long start = random.nextInt(900);
                long end = start + 1 + random.nextInt(100);
                spans.add(new Span("s" + i, "doc", coders.get(rater), code, 1, 1, start, end));
            }
            Document document = new Document("doc", List.of(new Document.Paragraph(1, 1000)), spans);
            Map<String, Double> alphas = AgreementCalculator.unitizingAlpha(List.of(document), coders);

            UnitizingAnnotationStudy whole = new UnitizingAnnotationStudy(coders.size(), 0, 1000);
            for (int rater = 0; rater < coders.size(); rater++) {
                String coder = coders.get(rater);
                for (int c = 0; c < 4; c++) {
                    String code = "code-" + c;
                    List<long[]> merged = AgreementCalculator.merged(spans.stream().filter(s -> s.coder().equals(coder) && s.code().equals(code)).toList());
                    for (long[] interval : merged) {
                        whole.addUnit(interval[0], interval[1] - interval[0], rater, code);
                    }
                }
            }
            KrippendorffAlphaUnitizingAgreement reference = new KrippendorffAlphaUnitizingAgreement(whole);
            for (String code : alphas.keySet()) {
                double expected = code == null ? reference.calculateAgreement() : reference.calculateCategoryAgreement(code);
                if (Double.isNaN(expected)) {
                    assertEquals(null, alphas.get(code), code);
                } else {
                    assertEquals(expected, alphas.get(code), 1e-9, "round " + round + ", " + code);
                }
                compared++;
            }
        }
        assertTrue(compared > 100, "alphas compared: " + compared);
    }
}
