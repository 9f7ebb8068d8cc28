package io.chorus.coding.agreement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The one-pass binary coefficients equal DKPro Statistics' on the same present/absent tables. */
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
            compared += same(AgreementCalculator.nominal(rows, coders), binary.coefficients(), "table " + table);
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
        assertNull(mine.percentAgreement(), "one category only: undefined, as DKPro has it");
        assertEquals(dkpro.percentAgreement(), mine.percentAgreement());
        assertNull(mine.cohenKappa());
        assertEquals(dkpro.cohenKappa(), mine.cohenKappa());
        assertEquals(dkpro.krippendorffAlpha(), mine.krippendorffAlpha());
        Coefficients none = new BinaryAgreement(3).coefficients();
        assertEquals(0, none.units());
        assertNull(none.percentAgreement());
        assertNull(none.fleissKappa());
        assertNull(none.krippendorffAlpha());
    }

    private static int same(Coefficients dkpro, Coefficients mine, String where) {
        assertEquals(dkpro.units(), mine.units(), where + " units");
        close(dkpro.percentAgreement(), mine.percentAgreement(), where + " percent");
        close(dkpro.cohenKappa(), mine.cohenKappa(), where + " Cohen");
        close(dkpro.fleissKappa(), mine.fleissKappa(), where + " Fleiss");
        close(dkpro.krippendorffAlpha(), mine.krippendorffAlpha(), where + " alpha");
        return 5;
    }

    private static void close(Double expected, Double actual, String what) {
        if (expected == null || actual == null) {
            assertEquals(expected, actual, what);
        } else {
            assertEquals(expected, actual, 1e-9, what);
        }
    }
}
