package io.chorus.coding.agreement;

/**
 * The nominal coefficients of present/absent (1/0) units, counted in one pass instead of through a DKPro study per code:
 * a round of 200 codes over 500 paragraphs would otherwise build 200 studies and one of 100,000 units. The formulas are
 * DKPro's (BinaryAgreementTest checks every coefficient against {@link AgreementCalculator#nominal} on random tables):
 * <ul>
 * <li>percent agreement over the units every coder rated: the mean of Σ_c n_c(n_c − 1) / (m(m − 1)), undefined (null)
 * as in DKPro when those units show one category only;</li>
 * <li>Cohen's κ (two coders): expected agreement from each coder's own margins; Fleiss' κ: from the pooled margins;</li>
 * <li>Krippendorff's α (nominal) over the units two or more coders rated: 1 − (n − 1) o₀₁ / (n₀ n₁), with the
 * coincidence o₀₁ = Σ_u a_u b_u / (m_u − 1) of a unit's a_u ones and b_u zeros.</li>
 * </ul>
 */
final class BinaryAgreement {

    private final int coders;
    private int pairable;
    private int complete;
    private double agreementSum;
    private final long[] completeOnesByCoder;
    private double coincidence01;
    private long pairableOnes;
    private long pairableZeros;

    BinaryAgreement(int coders) {
        this.coders = coders;
        this.completeOnesByCoder = new long[coders];
    }

    /** One unit: a value per coder, 1 (present), 0 (absent) or −1 (the coder did not rate it). */
    void add(int[] values) {
        int rated = 0;
        int ones = 0;
        for (int value : values) {
            if (value >= 0) {
                rated++;
                ones += value;
            }
        }
        if (rated < 2) {
            return;
        }
        int zeros = rated - ones;
        pairable++;
        pairableOnes += ones;
        pairableZeros += zeros;
        coincidence01 += (double) ones * zeros / (rated - 1);
        if (rated == coders) {
            complete++;
            agreementSum += ((double) ones * (ones - 1) + (double) zeros * (zeros - 1)) / ((double) coders * (coders - 1));
            for (int i = 0; i < coders; i++) {
                completeOnesByCoder[i] += values[i];
            }
        }
    }

    Coefficients coefficients() {
        long completeOnes = 0;
        for (long n : completeOnesByCoder) {
            completeOnes += n;
        }
        // DKPro needs two categories among the complete units, so percent agreement is undefined without variation
        boolean varied = completeOnes > 0 && completeOnes < (long) complete * coders;
        Double percent = varied ? agreementSum / complete : null;
        Double cohen = null;
        Double fleiss = null;
        if (varied && coders == 2) {
            double one = (double) completeOnesByCoder[0] / complete;
            double two = (double) completeOnesByCoder[1] / complete;
            cohen = kappa(percent, one * two + (1 - one) * (1 - two));
        } else if (varied && coders > 2) {
            double share = (double) completeOnes / ((double) complete * coders);
            fleiss = kappa(percent, share * share + (1 - share) * (1 - share));
        }
        Double alpha = null;
        if (pairable > 0) {
            long n = pairableOnes + pairableZeros;
            alpha = defined(1 - (n - 1) * coincidence01 / ((double) pairableZeros * pairableOnes));
        }
        return new Coefficients(pairable, percent, cohen, fleiss, alpha, null, null);
    }

    private static Double kappa(double observed, double expected) {
        return defined((observed - expected) / (1 - expected));
    }

    private static Double defined(double value) {
        return Double.isNaN(value) || Double.isInfinite(value) ? null : value;
    }
}
