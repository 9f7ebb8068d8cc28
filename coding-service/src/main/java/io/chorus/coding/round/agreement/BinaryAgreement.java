package io.chorus.coding.round.agreement;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The nominal coefficients of present/absent (1/0) units, counted in one pass instead of through a DKPro study per code:
 * a round of 200 codes over 500 paragraphs would otherwise build 200 studies and one of 100,000 units.
 * <ul>
 * <li>percent agreement and Fleiss' κ (three or more coders) over every unit two or more coders rated, with the chance
 * agreement from every unit one or more rated, as Gwet (2014) and irrCAC compute them ({@link GwetMultiRater});</li>
 * <li>the same two over the units every coder rated, as DKPro computes them, under {@link CompleteUnits} (percent
 * agreement there is undefined, null, when those units show one category only);</li>
 * <li>Cohen's κ (two coders) over the units both rated, expected agreement from each coder's own margins;</li>
 * <li>Krippendorff's α (nominal) over the units two or more coders rated: 1 − (n − 1) o₀₁ / (n₀ n₁), with the
 * coincidence o₀₁ = Σ_u a_u b_u / (m_u − 1) of a unit's a_u ones and b_u zeros.</li>
 * </ul>
 * Every coefficient has a standard error and 95 % interval: Gwet's linearised variance for percent agreement and the
 * kappas, the delta method for α (see {@link #alphaInterval}). BinaryAgreementTest checks the values against DKPro and
 * {@link GwetMultiRater} on random tables, and the intervals against a bootstrap of the units.
 */
final class BinaryAgreement {

    private final int coders;
    /** How many units had each kind of rating: {@code byKind[zeros][ones]}. */
    private final long[][] byKind;
    /** Two coders: how many units both rated got each pair of values, {@code pairs[first][second]}. */
    private final long[][] pairs = new long[2][2];
    private int pairable;
    private int complete;
    private double agreementSum;
    private final long[] completeOnesByCoder;

    BinaryAgreement(int coders) {
        this.coders = coders;
        this.byKind = new long[coders + 1][coders + 1];
        this.completeOnesByCoder = new long[coders];
    }

    /** One unit: a value per coder, 1 (present), 0 (absent) or −1 (the coder did not rate it). */
    void add(int[] values) {
        int raters = 0;
        int ones = 0;
        for (int value : values) {
            if (value >= 0) {
                raters++;
                ones += value;
            }
        }
        if (raters == 0) {
            return;
        }
        int zeros = raters - ones;
        byKind[zeros][ones]++;
        if (raters < 2) {
            return;
        }
        pairable++;
        if (coders == 2) {
            pairs[values[0]][values[1]]++;
        }
        if (raters == coders) {
            complete++;
            agreementSum += ((double) ones * (ones - 1) + (double) zeros * (zeros - 1)) / ((double) coders * (coders - 1));
            for (int i = 0; i < coders; i++) {
                completeOnesByCoder[i] += values[i];
            }
        }
    }

    Coefficients coefficients() {
        Map<String, VariableAgreement.Interval> intervals = new TreeMap<>();
        List<int[]> kinds = new ArrayList<>();
        List<Long> weights = new ArrayList<>();
        for (int zeros = 0; zeros <= coders; zeros++) {
            for (int ones = 0; zeros + ones <= coders; ones++) {
                if (byKind[zeros][ones] > 0) {
                    kinds.add(new int[] {zeros, ones});
                    weights.add(byKind[zeros][ones]);
                }
            }
        }
        GwetMultiRater.Estimates gwet = GwetMultiRater.fromCounts(kinds, weights.stream().mapToLong(Long::longValue).toArray(), 2);
        Double percent = null;
        Double fleiss = null;
        if (gwet != null) {
            percent = gwet.percentAgreement().value();
            put(intervals, "percentAgreement", gwet.percentAgreement());
            if (coders > 2 && gwet.fleissKappa() != null) {
                fleiss = gwet.fleissKappa().value();
                put(intervals, "fleissKappa", gwet.fleissKappa());
            }
        }
        GwetMultiRater.Estimate cohen = coders == 2 ? cohenKappa() : null;
        if (cohen != null) {
            put(intervals, "cohenKappa", cohen);
        }
        GwetMultiRater.Estimate alpha = alpha();
        if (alpha != null) {
            put(intervals, "krippendorffAlpha", alpha);
        }
        return new Coefficients(pairable, percent, cohen == null ? null : cohen.value(), fleiss,
                alpha == null ? null : alpha.value(), null, null, completeUnits(), intervals);
    }

    /** DKPro's figures over the units every coder rated. */
    private Coefficients.CompleteUnits completeUnits() {
        long completeOnes = 0;
        for (long n : completeOnesByCoder) {
            completeOnes += n;
        }
        // DKPro needs two categories among the complete units, so percent agreement is undefined without variation
        boolean varied = completeOnes > 0 && completeOnes < (long) complete * coders;
        Double percent = varied ? agreementSum / complete : null;
        Double fleiss = null;
        if (varied && coders > 2) {
            double share = (double) completeOnes / ((double) complete * coders);
            double expected = share * share + (1 - share) * (1 - share);
            fleiss = defined((percent - expected) / (1 - expected));
        }
        return new Coefficients.CompleteUnits(complete, percent, fleiss);
    }

    /**
     * Cohen's κ with Gwet's (2014) linearised variance: a unit's chance term is the mean of the other coder's share of
     * the category each coder gave it, (p₂(a_u) + p₁(b_u)) / 2.
     */
    private GwetMultiRater.Estimate cohenKappa() {
        long n = pairs[0][0] + pairs[0][1] + pairs[1][0] + pairs[1][1];
        if (n == 0) {
            return null;
        }
        double[] first = {(pairs[0][0] + pairs[0][1]) / (double) n, (pairs[1][0] + pairs[1][1]) / (double) n};
        double[] second = {(pairs[0][0] + pairs[1][0]) / (double) n, (pairs[0][1] + pairs[1][1]) / (double) n};
        if (first[0] + second[0] == 0 || first[1] + second[1] == 0) {
            return null;
        }
        double pa = (pairs[0][0] + pairs[1][1]) / (double) n;
        double pe = first[0] * second[0] + first[1] * second[1];
        List<int[]> kinds = new ArrayList<>(4);
        long[] weights = new long[4];
        double[] agreementOf = new double[4];
        double[] peOf = new double[4];
        for (int a = 0; a < 2; a++) {
            for (int b = 0; b < 2; b++) {
                int i = kinds.size();
                kinds.add(new int[] {2});
                weights[i] = pairs[a][b];
                agreementOf[i] = a == b ? 1 : 0;
                peOf[i] = (second[a] + first[b]) / 2;
            }
        }
        return GwetMultiRater.estimate(new GwetMultiRater.Units(kinds, weights, n, n), agreementOf, pe, pa, peOf);
    }

    /** Krippendorff's α over the units two or more coders rated, with {@link #alphaInterval}. */
    private GwetMultiRater.Estimate alpha() {
        double zeros = 0;
        double ones = 0;
        double coincidence = 0;
        for (int z = 0; z <= coders; z++) {
            for (int o = 0; z + o <= coders; o++) {
                if (z + o >= 2) {
                    zeros += byKind[z][o] * z;
                    ones += byKind[z][o] * o;
                    coincidence += byKind[z][o] * (double) z * o / (z + o - 1);
                }
            }
        }
        if (pairable == 0) {
            return null;
        }
        Double value = defined(1 - (zeros + ones - 1) * coincidence / (zeros * ones));
        if (value == null) {
            return null;
        }
        return pairable < 2 ? new GwetMultiRater.Estimate(value, null, null, null)
                : alphaInterval(value, zeros, ones, coincidence);
    }

    /**
     * The delta method: α = g(n₀, n₁, o₀₁) is a smooth function of three sums over the units, so its variance is that of
     * the units' linear terms L_u = ∇g · (b_u, a_u, a_u b_u / (m_u − 1)), var = U / (U − 1) Σ (L_u − L̄)² over the U
     * pairable units; the interval is on Student's t with U − 1 degrees of freedom. Like Gwet's variances it treats units
     * as the sample; a bootstrap of the units (as {@link UnitBootstrap} does for variables) gives the same to within a few
     * per cent on a few hundred units (BinaryAgreementTest), at a fraction of the cost for a round's hundreds of codes.
     */
    private GwetMultiRater.Estimate alphaInterval(double value, double zeros, double ones, double coincidence) {
        double n = zeros + ones;
        double product = zeros * ones;
        double byCoincidence = -(n - 1) / product;
        double byZeros = -coincidence / product + (n - 1) * coincidence / (zeros * product);
        double byOnes = -coincidence / product + (n - 1) * coincidence / (ones * product);
        double mean = 0;
        double meanOfSquares = 0;
        for (int z = 0; z <= coders; z++) {
            for (int o = 0; z + o <= coders; o++) {
                if (z + o >= 2 && byKind[z][o] > 0) {
                    double term = byZeros * z + byOnes * o + byCoincidence * z * o / (z + o - 1.0);
                    mean += byKind[z][o] * term / pairable;
                    meanOfSquares += byKind[z][o] * term * term / pairable;
                }
            }
        }
        double squares = Math.max(0, meanOfSquares - mean * mean) * pairable;
        return GwetMultiRater.withInterval(value, Math.sqrt(pairable / (pairable - 1.0) * squares), pairable);
    }

    private static void put(Map<String, VariableAgreement.Interval> intervals, String name, GwetMultiRater.Estimate estimate) {
        if (estimate.standardError() != null) {
            intervals.put(name, new VariableAgreement.Interval(estimate.standardError(), estimate.lower(), estimate.upper(),
                    name.equals("krippendorffAlpha") ? "delta-method" : "gwet-2014"));
        }
    }

    private static Double defined(double value) {
        return Double.isNaN(value) || Double.isInfinite(value) ? null : value;
    }
}
