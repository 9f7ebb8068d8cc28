package io.chorus.coding.round.agreement;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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

    /** The t quantiles by degrees of freedom: a round's agreement asks for hundreds, and each is an iterative solve. */
    private static final Map<Long, Double> T_975 = new ConcurrentHashMap<>();

    private GwetMultiRater() {
    }

    /** @return null when no unit has two ratings */
    public static Estimates compute(List<Object[]> rows, List<Object> categories) {
        List<int[]> counts = rows.stream().map(row -> counts(row, categories)).toList();
        long[] once = new long[counts.size()];
        java.util.Arrays.fill(once, 1);
        return fromCounts(counts, once, categories.size());
    }

    /**
     * The same from kinds of unit: {@code kinds.get(i)[k]} coders gave category k to each of the {@code weights[i]} units
     * of kind i. Counting alike units once keeps a round's hundreds of codes cheap.
     *
     * @return null when no unit has two ratings
     */
    static Estimates fromCounts(List<int[]> kinds, long[] weights, int q) {
        long n = 0;
        long pairable = 0;
        for (int i = 0; i < kinds.size(); i++) {
            int raters = sum(kinds.get(i));
            n += raters > 0 ? weights[i] : 0;
            pairable += raters >= 2 ? weights[i] : 0;
        }
        if (pairable == 0 || q < 1) {
            return null;
        }
        double[] pi = new double[q];
        double[] agreementOf = new double[kinds.size()];
        double pa = 0;
        for (int i = 0; i < kinds.size(); i++) {
            int[] c = kinds.get(i);
            int raters = sum(c);
            if (raters == 0) {
                continue;
            }
            double agreeing = 0;
            for (int k = 0; k < q; k++) {
                pi[k] += weights[i] * (c[k] / (double) raters) / n;
                agreeing += c[k] * (c[k] - 1.0);
            }
            agreementOf[i] = raters >= 2 ? agreeing / (raters * (raters - 1.0)) : 0;
            pa += weights[i] * agreementOf[i] / pairable;
        }
        double fleissPe = 0;
        double gwetPe = 0;
        for (double p : pi) {
            fleissPe += p * p;
            gwetPe += p * (1 - p);
        }
        gwetPe = q >= 2 ? gwetPe / (q - 1) : 1;
        double bpPe = 1.0 / q;

        double[] fleissTerm = new double[kinds.size()];
        double[] gwetTerm = new double[kinds.size()];
        for (int i = 0; i < kinds.size(); i++) {
            int[] c = kinds.get(i);
            int raters = sum(c);
            double fleissPeI = 0;
            double gwetPeI = 0;
            for (int k = 0; k < q && raters > 0; k++) {
                fleissPeI += c[k] * pi[k] / raters;
                gwetPeI += c[k] * (1 - pi[k]) / raters;
            }
            fleissTerm[i] = fleissPeI;
            gwetTerm[i] = q >= 2 ? gwetPeI / (q - 1) : 1;
        }
        Units units = new Units(kinds, weights, n, pairable);
        return new Estimates(estimate(units, agreementOf, 0, pa, null),
                estimate(units, agreementOf, fleissPe, pa, fleissTerm),
                estimate(units, agreementOf, gwetPe, pa, gwetTerm),
                estimate(units, agreementOf, bpPe, pa, null));
    }

    /** Kinds of unit and how many of each; {@code rated} units have one rating or more, {@code pairable} two or more. */
    record Units(List<int[]> kinds, long[] weights, long rated, long pairable) {
    }

    /**
     * (pa − pe) / (1 − pe) and its variance from the units' terms: κ*_i = (n / n₂)(pa_i − pe·[r_i ≥ 2]) / (1 − pe), less
     * 2(1 − κ)(pe_i − pe) / (1 − pe) where pe depends on the data (Fleiss, AC1), var = Σ (κ*_i − κ)² / (n (n − 1)) over
     * the n units one or more coders rated.
     */
    static Estimate estimate(Units units, double[] agreementOf, double pe, double pa, double[] peOf) {
        // one category only: chance agreement is 1, short of it by rounding alone when the shares were summed unit by unit
        if (pe >= 1 - 1e-12) {
            return null;
        }
        long n = units.rated();
        double value = (pa - pe) / (1 - pe);
        if (n < 2) {
            return new Estimate(value, null, null, null);
        }
        double squares = 0;
        for (int i = 0; i < units.kinds().size(); i++) {
            int raters = sum(units.kinds().get(i));
            if (raters == 0) {
                continue;
            }
            double term = (double) n / units.pairable() * (agreementOf[i] - (raters >= 2 ? pe : 0)) / (1 - pe);
            if (peOf != null) {
                term -= 2 * (1 - value) * (peOf[i] - pe) / (1 - pe);
            }
            squares += units.weights()[i] * (term - value) * (term - value);
        }
        return withInterval(value, Math.sqrt(squares / (n * (n - 1.0))), n);
    }

    /** The value with its 95 % interval on Student's t with {@code units} − 1 degrees of freedom, the upper bound at most 1. */
    static Estimate withInterval(double value, double standardError, long units) {
        double t = T_975.computeIfAbsent(units - 1, df -> new TDistribution(df).inverseCumulativeProbability(0.975));
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

    static int sum(int[] counts) {
        int total = 0;
        for (int c : counts) {
            total += c;
        }
        return total;
    }
}
