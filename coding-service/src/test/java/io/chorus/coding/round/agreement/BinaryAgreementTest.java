package io.chorus.coding.round.agreement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The one-pass binary coefficients equal DKPro Statistics' on the same present/absent tables (over the units every coder
 * rated) and {@link GwetMultiRater}'s (over the units two or more rated), and their intervals a bootstrap's.
 */
class BinaryAgreementTest {

    @Test
    void everyCoefficientEqualsDkproOnRandomTablesWithMissingValues() {
        Random random = new Random(20261205);
        int compared = 0;
        for (int table = 0; table < 400; table++) {
            int coders = 2 + random.nextInt(5);
            int units = 1 + random.nextInt(60);
            double missing = table % 3 == 0 ? 0 : random.nextDouble() * 0.3;
            double present = random.nextDouble();
            List<Object[]> rows = new ArrayList<>();
            BinaryAgreement binary = new BinaryAgreement(coders);
            for (int u = 0; u < units; u++) {
                Object[] row = new Object[coders];
                int[] values = new int[coders];
                for (int c = 0; c < coders; c++) {
                    values[c] = random.nextDouble() < missing ? -1 : random.nextDouble() < present ? 1 : 0;
                    row[c] = values[c] < 0 ? null : values[c];
                }
                rows.add(row);
                binary.add(values);
            }
            Coefficients mine = binary.coefficients();
            compared += same(AgreementCalculator.nominal(rows, coders), mine, "table " + table);
            compared += sameAsGwet(GwetMultiRater.compute(rows, List.of(0, 1)), mine, coders, "table " + table);
        }
        assertEquals(true, compared > 1000, "coefficients compared: " + compared);
    }

    @Test
    void undefinedCoefficientsAreNullAsDkprosAre() {
        BinaryAgreement allAbsent = new BinaryAgreement(2);
        List<Object[]> rows = new ArrayList<>();
        for (int u = 0; u < 5; u++) {
            allAbsent.add(new int[] {0, 0});
            rows.add(new Object[] {0, 0});
        }
        Coefficients mine = allAbsent.coefficients();
        Coefficients dkpro = AgreementCalculator.nominal(rows, 2);
        assertNull(mine.completeUnits().percentAgreement(), "one category only: undefined, as DKPro has it");
        assertEquals(dkpro.percentAgreement(), mine.completeUnits().percentAgreement());
        assertEquals(1.0, mine.percentAgreement(), "every pair agrees, as Gwet (2014) and irrCAC have it");
        assertNull(mine.cohenKappa());
        assertEquals(dkpro.cohenKappa(), mine.cohenKappa());
        assertEquals(dkpro.krippendorffAlpha(), mine.krippendorffAlpha());
        Coefficients none = new BinaryAgreement(3).coefficients();
        assertEquals(0, none.units());
        assertNull(none.percentAgreement());
        assertNull(none.fleissKappa());
        assertNull(none.krippendorffAlpha());
    }

    @Test
    void theIntervalsAgreeWithABootstrapOfTheUnits() {
        Random random = new Random(7);
        for (int coders : new int[] {2, 3}) {
            List<Object[]> rows = new ArrayList<>();
            BinaryAgreement binary = new BinaryAgreement(coders);
            for (int u = 0; u < 400; u++) {
                boolean present = random.nextDouble() < 0.3;
                int[] values = new int[coders];
                Object[] row = new Object[coders];
                for (int c = 0; c < coders; c++) {
                    values[c] = random.nextDouble() < 0.1 ? -1 : (random.nextDouble() < 0.85) == present ? 1 : 0;
                    row[c] = values[c] < 0 ? null : values[c];
                }
                binary.add(values);
                rows.add(row);
            }
            Coefficients mine = binary.coefficients();
            List<Object[]> pairable = rows.stream().filter(r -> java.util.Arrays.stream(r).filter(v -> v != null).count() >= 2).toList();
            VariableAgreement.Interval alpha = mine.intervals().get("krippendorffAlpha");
            UnitBootstrap.Interval alphaBoot = UnitBootstrap.interval(pairable, r -> AgreementCalculator.nominal(r, coders).krippendorffAlpha());
            assertEquals(alphaBoot.standardError(), alpha.standardError(), 0.1 * alphaBoot.standardError(), coders + " coders: alpha's SE");
            assertEquals("delta-method", alpha.method());
            assertTrue(alpha.lower() < mine.krippendorffAlpha() && mine.krippendorffAlpha() < alpha.upper());
            if (coders == 2) {
                VariableAgreement.Interval cohen = mine.intervals().get("cohenKappa");
                UnitBootstrap.Interval cohenBoot = UnitBootstrap.interval(pairable, r -> AgreementCalculator.nominal(r, 2).cohenKappa());
                assertEquals(cohenBoot.standardError(), cohen.standardError(), 0.1 * cohenBoot.standardError(), "Cohen's SE");
                assertEquals("gwet-2014", cohen.method());
            } else {
                assertNotNull(mine.intervals().get("fleissKappa"));
            }
            assertNotNull(mine.intervals().get("percentAgreement"));
        }
    }

    private static int same(Coefficients dkpro, Coefficients mine, String where) {
        assertEquals(dkpro.units(), mine.units(), where + " units");
        assertEquals(dkpro.completeUnits().units(), mine.completeUnits().units(), where + " complete units");
        close(dkpro.percentAgreement(), mine.completeUnits().percentAgreement(), where + " percent over complete units");
        close(dkpro.cohenKappa(), mine.cohenKappa(), where + " Cohen");
        close(dkpro.fleissKappa(), mine.completeUnits().fleissKappa(), where + " Fleiss over complete units");
        close(dkpro.krippendorffAlpha(), mine.krippendorffAlpha(), where + " alpha");
        return 5;
    }

    private static int sameAsGwet(GwetMultiRater.Estimates gwet, Coefficients mine, int coders, String where) {
        if (gwet == null) {
            assertNull(mine.percentAgreement(), where);
            return 0;
        }
        close(gwet.percentAgreement().value(), mine.percentAgreement(), where + " percent");
        close(coders > 2 && gwet.fleissKappa() != null ? gwet.fleissKappa().value() : null, mine.fleissKappa(), where + " Fleiss");
        if (gwet.percentAgreement().standardError() != null) {
            close(gwet.percentAgreement().standardError(), mine.intervals().get("percentAgreement").standardError(), where + " percent SE");
        }
        return 2;
    }

    private static void close(Double expected, Double actual, String what) {
        if (expected == null || actual == null) {
            assertEquals(expected, actual, what);
        } else {
            assertEquals(expected, actual, 1e-9, what);
        }
    }
}
