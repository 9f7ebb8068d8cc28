package io.chorus.coding.agreement;

import java.util.List;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * Percent agreement, Fleiss' kappa, Gwet's AC1 and Brennan–Prediger's coefficient for any number of coders on data
 * with missing ratings, as Gwet (2014, Handbook of Inter-Rater Reliability, 4th ed., ch. 2 and 5) computes them and
 * irrCAC and AgreeStat report them: the observed agreement over every unit that two or more coders rated, the chance
 * agreement from every unit that at least one coder rated, and for each its standard error from Gwet's linearised
 * variance with the 95 % confidence interval on Student's t with n − 1 degrees of freedom (the upper bound at most 1).
 * No finite-population correction: the units are taken as a sample of an infinite population.
 */
public final class GwetMultiRater {

    /** A coefficient and its 95 % interval; the standard error and bounds are null where fewer than two units were rated. */
    public record Estimate(double value, Double standardError, Double lower, Double upper) {
    }

    public record Estimates(Estimate percentAgreement, Estimate fleissKappa, Estimate gwetAc1, Estimate brennanPrediger) {
    }

    private GwetMultiRater() {
    }

    /** @return null when no unit has two ratings */
    public static Estimates compute(List<Object[]> rows, List<Object> categories) {
        int q = categories.size();
        List<int[]> counts = rows.stream().map(row -> counts(row, categories)).filter(c -> sum(c) > 0).toList();
        int n = counts.size();
        int pairable = (int) counts.stream().filter(c -> sum(c) >= 2).count();
        if (pairable == 0 || q < 1) {
            return null;
        }
        double[] pi = new double[q];
        double[] agreementOf = new double[n];
        double pa = 0;
        for (int i = 0; i < n; i++) {
            int[] c = counts.get(i);
            int raters = sum(c);
            double agreeing = 0;
            for (int k = 0; k < q; k++) {
                pi[k] += c[k] / (double) raters / n;
                agreeing += c[k] * (c[k] - 1.0);
            }
            agreementOf[i] = raters >= 2 ? agreeing / (raters * (raters - 1.0)) : 0;
            pa += agreementOf[i] / pairable;
        }
        double fleissPe = 0;
        double gwetPe = 0;
        for (double p : pi) {
            fleissPe += p * p;
            gwetPe += p * (1 - p);
        }
        gwetPe = q >= 2 ? gwetPe / (q - 1) : 1;
        double bpPe = 1.0 / q;

        double[] fleissTerm = new double[n];
        double[] gwetTerm = new double[n];
        for (int i = 0; i < n; i++) {
            int[] c = counts.get(i);
            int raters = sum(c);
            double fleissPeI = 0;
            double gwetPeI = 0;
            for (int k = 0; k < q; k++) {
                fleissPeI += c[k] * pi[k] / raters;
                gwetPeI += c[k] * (1 - pi[k]) / raters;
            }
            fleissTerm[i] = fleissPeI;
            gwetTerm[i] = q >= 2 ? gwetPeI / (q - 1) : 1;
        }
        return new Estimates(estimate(counts, agreementOf, pairable, 0, pa, null),
                estimate(counts, agreementOf, pairable, fleissPe, pa, fleissTerm),
                estimate(counts, agreementOf, pairable, gwetPe, pa, gwetTerm),
                estimate(counts, agreementOf, pairable, bpPe, pa, null));
    }

    /**
     * (pa − pe) / (1 − pe) and its variance from the units' terms: κ*_i = (n / n₂)(pa_i − pe·[r_i ≥ 2]) / (1 − pe), less
     * 2(1 − κ)(pe_i − pe) / (1 − pe) where pe depends on the data (Fleiss, AC1), var = Σ (κ*_i − κ)² / (n (n − 1)).
     */
    private static Estimate estimate(List<int[]> counts, double[] agreementOf, int pairable, double pe, double pa, double[] peOf) {
        if (pe >= 1) {
            return null;
        }
        int n = counts.size();
        double value = (pa - pe) / (1 - pe);
        if (n < 2) {
            return new Estimate(value, null, null, null);
        }
        double squares = 0;
        for (int i = 0; i < n; i++) {
            boolean paired = sum(counts.get(i)) >= 2;
            double term = (double) n / pairable * (agreementOf[i] - (paired ? pe : 0)) / (1 - pe);
            if (peOf != null) {
                term -= 2 * (1 - value) * (peOf[i] - pe) / (1 - pe);
            }
            squares += (term - value) * (term - value);
        }
        double standardError = Math.sqrt(squares / (n * (n - 1.0)));
        double t = new TDistribution(n - 1).inverseCumulativeProbability(0.975);
        return new Estimate(value, standardError, value - t * standardError, Math.min(1, value + t * standardError));
    }

    private static int[] counts(Object[] row, List<Object> categories) {
        int[] counts = new int[categories.size()];
        for (Object value : row) {
            if (value != null) {
                int k = categories.indexOf(value);
                if (k >= 0) {
                    counts[k]++;
                }
            }
        }
        return counts;
    }

    private static int sum(int[] counts) {
        int total = 0;
        for (int c : counts) {
            total += c;
        }
        return total;
    }
}
