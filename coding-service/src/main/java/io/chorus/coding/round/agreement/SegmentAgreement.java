package io.chorus.coding.round.agreement;

/**
 * MAXQDA's segment comparison: every coded segment of either coder counts as agreeing when the other
 * coder applied the same code to a segment overlapping it by at least {@code threshold} (shared code
 * points over their union), otherwise as disagreeing. Text neither coder coded is not counted (MAXQDA's
 * cell d is 0), so {@code percent} is a / (a + b + c). Kappa is Brennan and Prediger's with chance
 * agreement 1 / number of codes compared.
 */
public record SegmentAgreement(double threshold, int agreements, int disagreements, int codes, Double percent,
        Double brennanPredigerKappa) {

    static SegmentAgreement of(double threshold, int agreements, int disagreements, int codes) {
        int total = agreements + disagreements;
        Double percent = total == 0 ? null : (double) agreements / total;
        return new SegmentAgreement(threshold, agreements, disagreements, codes, percent,
                percent == null ? null : brennanPrediger(percent, codes));
    }

    /** (Po - 1/k) / (1 - 1/k); undefined with a single category. */
    public static Double brennanPrediger(double observed, int categories) {
        if (categories < 2) {
            return null;
        }
        double chance = 1.0 / categories;
        return (observed - chance) / (1 - chance);
    }
}
