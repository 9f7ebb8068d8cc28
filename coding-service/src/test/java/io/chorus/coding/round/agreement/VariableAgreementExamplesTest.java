package io.chorus.coding.round.agreement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.chorus.coding.round.agreement.VariableAgreement.Coefficients;
import io.chorus.coding.round.agreement.VariableAgreement.Level;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Agreement on a variable of k categories against the published worked examples (the same ones go through the API in VariableAgreementTest). */
public class VariableAgreementExamplesTest {

    static final List<Object> ONE_TO_THREE = List.of(1.0, 2.0, 3.0);
    static final List<Object> ONE_TO_FIVE = List.of(1.0, 2.0, 3.0, 4.0, 5.0);

    /** Cohen (1960), p. 40: 200 units, 3 categories, proportions .44 .07 .09 / .05 .20 .05 / .01 .03 .06: po .70, pc .41, kappa .492. */
    public static final int[][] COHEN_1960 = {{88, 14, 18}, {10, 40, 10}, {2, 6, 12}};

    /** Gwet (2014), Handbook of Inter-Rater Reliability, 4th ed., "cont3x3abstractors" (in his irrCAC package): 100 abstracts. */
    public static final int[][] GWET_ABSTRACTORS = {{13, 0, 0}, {0, 20, 7}, {0, 4, 56}};

    /** Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section C: 4 observers, 12 units, values 1-5, missing. */
    public static final Integer[][] KRIPPENDORFF_2011 = {
        {1, 2, 3, 3, 2, 1, 4, 1, 2, null, null, null},
        {1, 2, 3, 3, 2, 2, 4, 1, 2, 5, null, 3},
        {null, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, null},
        {1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, null},
    };

    /** Gwet (2014), "distrib.6raters" (from Fleiss 1971): 15 patients, 6 psychiatrists each, 5 diagnoses. */
    public static final int[][] GWET_SIX_RATERS = {
        {0, 0, 0, 6, 0}, {0, 3, 0, 0, 3}, {0, 1, 4, 0, 1}, {0, 0, 0, 0, 6}, {0, 3, 0, 3, 0}, {2, 0, 4, 0, 0}, {0, 0, 4, 0, 2},
        {2, 0, 3, 1, 0}, {2, 0, 0, 4, 0}, {0, 0, 0, 0, 6}, {1, 0, 0, 5, 0}, {1, 1, 0, 4, 0}, {0, 3, 3, 0, 0}, {1, 0, 0, 5, 0},
        {0, 2, 0, 3, 1},
    };

    /** Fleiss (1971) as reproduced on Wikipedia's "Fleiss' kappa": 10 subjects, 14 raters, 5 categories, kappa .210. */
    public static final int[][] FLEISS_FOURTEEN_RATERS = {
        {0, 0, 0, 0, 14}, {0, 2, 6, 4, 2}, {0, 0, 3, 5, 6}, {0, 3, 9, 2, 0}, {2, 2, 8, 1, 1},
        {7, 7, 0, 0, 0}, {3, 2, 6, 3, 0}, {2, 5, 3, 2, 2}, {6, 5, 2, 1, 0}, {0, 2, 2, 3, 7},
    };

    @Test
    void cohen1960() {
        Coefficients c = new VariableAgreement(Level.NOMINAL, ONE_TO_THREE).compute(VariableAgreement.fromTable(ONE_TO_THREE, COHEN_1960), 2)
                .coefficients();
        assertEquals(0.70, c.percentAgreement(), 1e-9);
        assertEquals(0.492, c.cohenKappa(), 0.0005);
        assertNull(c.weightedKappaLinear(), "a nominal variable has no order to weight by");
    }

    @Test
    void gwet2014AbstractorsEveryCoefficientForTwoCoders() {
        Coefficients c = new VariableAgreement(Level.ORDINAL, ONE_TO_THREE)
                .compute(VariableAgreement.fromTable(ONE_TO_THREE, GWET_ABSTRACTORS), 2).coefficients();
        assertEquals(0.89, c.percentAgreement(), 1e-9);
        assertEquals(0.7964, c.cohenKappa(), 0.00005);
        assertEquals(0.7962, c.scottPi(), 0.00005);
        assertEquals(0.8493, c.gwetAc1(), 0.00005);
        assertEquals(0.835, c.brennanPrediger(), 1e-9);
        assertEquals(0.843, c.weightedKappaLinear(), 0.0005);
        assertEquals(0.892, c.weightedKappaQuadratic(), 0.0005);
        assertEquals(0.7973, c.krippendorffAlpha().nominal(), 0.00005);
    }

    @Test
    void krippendorff2011AtEveryLevel() {
        List<Object[]> rows = new ArrayList<>();
        for (int unit = 0; unit < 12; unit++) {
            Object[] row = new Object[4];
            for (int coder = 0; coder < 4; coder++) {
                Integer value = KRIPPENDORFF_2011[coder][unit];
                row[coder] = value == null ? null : value.doubleValue();
            }
            rows.add(row);
        }
        VariableAgreement.Result result = new VariableAgreement(Level.RATIO, ONE_TO_FIVE).compute(rows, 4);
        assertEquals(0.743, result.coefficients().krippendorffAlpha().nominal(), 0.0005);
        assertEquals(0.815, result.coefficients().krippendorffAlpha().ordinal(), 0.0005);
        assertEquals(0.849, result.coefficients().krippendorffAlpha().interval(), 0.0005);
        assertEquals(0.797, result.coefficients().krippendorffAlpha().ratio(), 0.0005);
        assertEquals(new VariableAgreement.Units(12, 8, 11), result.units(), "8 units every observer rated; 11 with a pair");

        // issue 27: over every unit two or more coders rated, as Gwet (2014), irrCAC and AgreeStat give them
        Coefficients all = result.coefficients();
        assertEquals(0.818, all.percentAgreement(), 0.0005);
        assertEquals(0.761, all.fleissKappa(), 0.0005);
        assertEquals(0.775, all.gwetAc1(), 0.0005);
        assertEquals(0.773, all.brennanPrediger(), 0.0005);
        // the complete-unit figures, under their own names
        assertEquals(0.75, all.completeUnits().percentAgreement(), 0.0005);
        assertEquals(0.641, all.completeUnits().fleissKappa(), 0.0005);
        assertEquals(0.697, all.completeUnits().gwetAc1(), 0.0005);
        assertEquals(0.688, all.completeUnits().brennanPrediger(), 0.0005);
        for (String name : List.of("percentAgreement", "fleissKappa", "gwetAc1", "brennanPrediger", "krippendorffAlpha.nominal",
                "krippendorffAlpha.ordinal", "krippendorffAlpha.interval", "krippendorffAlpha.ratio")) {
            VariableAgreement.Interval interval = all.intervals().get(name);
            assertNotNull(interval, name);
            assertTrue(interval.standardError() > 0 && interval.lower() < interval.upper() && interval.upper() <= 1, name + " " + interval);
        }
    }

    /**
     * Gwet's linearised standard errors against an independent estimate of the same sampling variance: the standard
     * deviation of each coefficient over 1,000 bootstrap resamples of the units (within a third of each other).
     */
    @Test
    void gwetsStandardErrorsAgreeWithABootstrapOfTheUnits() {
        List<Object[]> rows = fromCounts(GWET_SIX_RATERS, 6);
        Coefficients six = new VariableAgreement(Level.NOMINAL, ONE_TO_FIVE).compute(rows, 6).coefficients();
        java.util.Map<String, java.util.function.Function<GwetMultiRater.Estimates, GwetMultiRater.Estimate>> which = java.util.Map.of(
                "percentAgreement", GwetMultiRater.Estimates::percentAgreement, "fleissKappa", GwetMultiRater.Estimates::fleissKappa,
                "gwetAc1", GwetMultiRater.Estimates::gwetAc1, "brennanPrediger", GwetMultiRater.Estimates::brennanPrediger);
        for (var coefficient : which.entrySet()) {
            UnitBootstrap.Interval bootstrap = UnitBootstrap.interval(rows,
                    r -> coefficient.getValue().apply(GwetMultiRater.compute(r, ONE_TO_FIVE)).value());
            double analytic = six.intervals().get(coefficient.getKey()).standardError();
            assertEquals(1.0, analytic / bootstrap.standardError(), 1.0 / 3, coefficient.getKey() + ": " + analytic + " vs " + bootstrap);
        }
    }

    @Test
    void manyCodersFleissGwetAndBrennanPrediger() {
        Coefficients six = new VariableAgreement(Level.NOMINAL, ONE_TO_FIVE).compute(fromCounts(GWET_SIX_RATERS, 6), 6).coefficients();
        assertEquals(0.4139, six.fleissKappa(), 0.00005);
        assertEquals(0.4448, six.gwetAc1(), 0.00005);
        assertEquals(0.4389, six.brennanPrediger(), 0.00005);
        assertEquals(0.5511, six.percentAgreement(), 0.00005);
        assertNull(six.cohenKappa(), "Cohen's kappa is for two coders");
        Coefficients fourteen = new VariableAgreement(Level.NOMINAL, ONE_TO_FIVE).compute(fromCounts(FLEISS_FOURTEEN_RATERS, 14), 14)
                .coefficients();
        assertEquals(0.210, fourteen.fleissKappa(), 0.0005);
    }

    /** Rows from counts of raters per category: each unit's raters in category order. */
    static List<Object[]> fromCounts(int[][] counts, int raters) {
        List<Object[]> rows = new ArrayList<>();
        for (int[] unit : counts) {
            Object[] row = new Object[raters];
            int rater = 0;
            for (int category = 0; category < unit.length; category++) {
                for (int i = 0; i < unit[category]; i++) {
                    row[rater++] = ONE_TO_FIVE.get(category);
                }
            }
            rows.add(row);
        }
        return rows;
    }
}
