package io.chorus.coding.round.agreement;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.dkpro.statistics.agreement.coding.CodingAnnotationStudy;
import org.dkpro.statistics.agreement.coding.CohenKappaAgreement;
import org.dkpro.statistics.agreement.coding.FleissKappaAgreement;
import org.dkpro.statistics.agreement.coding.KrippendorffAlphaAgreement;
import org.dkpro.statistics.agreement.coding.PercentageAgreement;
import org.dkpro.statistics.agreement.coding.RandolphKappaAgreement;
import org.dkpro.statistics.agreement.coding.ScottPiAgreement;
import org.dkpro.statistics.agreement.distance.IDistanceFunction;
import org.dkpro.statistics.agreement.distance.IntervalDistanceFunction;
import org.dkpro.statistics.agreement.distance.NominalDistanceFunction;
import org.dkpro.statistics.agreement.distance.OrdinalDistanceFunction;
import org.dkpro.statistics.agreement.distance.RatioDistanceFunction;

/**
 * Agreement on a variable: every coder gives each unit at most one of its k categories. Each unit is a row of one
 * value per coder (null where the coder gave none). Percent agreement, Fleiss' kappa, Brennan–Prediger and Gwet's AC1
 * use every unit two or more coders rated, as Gwet (2014) and irrCAC do ({@link GwetMultiRater}), with their
 * complete-unit values kept apart; Krippendorff's alpha uses every unit at least two coders rated. DKPro Statistics computes percent
 * agreement, Cohen's kappa, Scott's pi, Fleiss' kappa, the free-marginal (Brennan–Prediger, Randolph) kappa and
 * Krippendorff's alpha; weighted kappa (Cohen 1968) and Gwet's AC1 (Gwet 2008), which DKPro lacks, are their
 * textbook formulas here. See docs/research.md, "How agreement is computed".
 *
 * @param categories the variable's categories in order (by value for ordinal, interval and ratio variables); for those
 *                   levels each category is its value (a {@link Double}), else any object
 */
public record VariableAgreement(Level level, List<Object> categories) {

    public enum Level {
        NOMINAL, ORDINAL, INTERVAL, RATIO;

        public static Level of(String name) {
            return valueOf(name.toUpperCase(java.util.Locale.ROOT));
        }
    }

    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "KrippendorffAlphas")
    public record Alphas(Double nominal, Double ordinal, Double interval, Double ratio) {
    }

    /**
     * Every coefficient; null where it is undefined for the data or for the variable's level. Percent agreement, Fleiss'
     * kappa, Brennan–Prediger and Gwet's AC1 use every unit two or more coders rated (Gwet 2014), Cohen's and the weighted
     * kappas and Scott's pi the units both coders rated, Krippendorff's alpha every unit with a pair of values.
     * {@code completeUnits} has the first four over the units every coder rated only; {@code intervals} a standard error
     * and 95 % interval for each coefficient, by its name ({@code krippendorffAlpha.nominal} for an alpha).
     */
    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "CategoricalCoefficients")
    public record Coefficients(Double percentAgreement, Double cohenKappa, Double weightedKappaLinear, Double weightedKappaQuadratic,
            Double scottPi, Double fleissKappa, Double brennanPrediger, Double gwetAc1, Alphas krippendorffAlpha,
            CompleteUnits completeUnits, Map<String, Interval> intervals) {
    }

    /** The same four coefficients computed over the units every coder rated, as DKPro Statistics computes them. */
    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "CompleteUnitCoefficients")
    public record CompleteUnits(Double percentAgreement, Double fleissKappa, Double brennanPrediger, Double gwetAc1) {
    }

    /**
     * A coefficient's standard error and 95 % confidence interval; {@code method} is {@code gwet-2014} (linearised
     * variance, Student's t with n − 1 degrees of freedom) or {@code unit-bootstrap} (1,000 resamples of the units,
     * percentile interval, fixed seed).
     */
    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "CoefficientInterval")
    public record Interval(Double standardError, Double lower, Double upper, String method) {
    }

    /** How many units there were, how many each kind of coefficient used, and why the others were left out. */
    public record Units(int total, int complete, int pairable) {
    }

    public record Result(Units units, Coefficients coefficients) {
    }

    public Result compute(List<Object[]> rows, int coders) {
        List<Object[]> pairable = rows.stream().filter(r -> present(r) >= 2).toList();
        List<Object[]> complete = pairable.stream().filter(r -> present(r) == coders).toList();
        Units units = new Units(rows.size(), complete.size(), pairable.size());
        if (coders < 2) {
            return new Result(units, new Coefficients(null, null, null, null, null, null, null, null, new Alphas(null, null, null, null),
                    new CompleteUnits(null, null, null, null), Map.of()));
        }
        CodingAnnotationStudy full = study(complete, coders);
        boolean two = coders == 2 && !complete.isEmpty();
        boolean ordered = level != Level.NOMINAL;
        Double percent = complete.isEmpty() ? null : safe(() -> new PercentageAgreement(full).calculateAgreement());
        Double cohen = two ? safe(() -> new CohenKappaAgreement(full).calculateAgreement()) : null;
        Double scott = two ? safe(() -> new ScottPiAgreement(full).calculateAgreement()) : null;
        Double fleiss = complete.isEmpty() ? null : safe(() -> new FleissKappaAgreement(full).calculateAgreement());
        Double free = complete.isEmpty() ? null : safe(() -> new RandolphKappaAgreement(full).calculateAgreement());
        Double linear = two && ordered ? weightedKappa(complete, false) : null;
        Double quadratic = two && ordered ? weightedKappa(complete, true) : null;
        Double ac1 = complete.isEmpty() ? null : gwetAc1(complete);
        Alphas alphas = pairable.isEmpty() ? new Alphas(null, null, null, null) : alphas(pairable, coders);
        Map<String, Interval> intervals = new java.util.TreeMap<>();
        GwetMultiRater.Estimates gwet = GwetMultiRater.compute(rows, categories);
        if (gwet != null) {
            put(intervals, "percentAgreement", gwet.percentAgreement());
            put(intervals, "fleissKappa", gwet.fleissKappa());
            put(intervals, "brennanPrediger", gwet.brennanPrediger());
            put(intervals, "gwetAc1", gwet.gwetAc1());
        }
        if (two) {
            put(intervals, "cohenKappa", UnitBootstrap.interval(complete, r -> safe(() -> new CohenKappaAgreement(study(r, coders))
                    .calculateAgreement())));
            put(intervals, "scottPi", UnitBootstrap.interval(complete, r -> safe(() -> new ScottPiAgreement(study(r, coders))
                    .calculateAgreement())));
            if (ordered) {
                put(intervals, "weightedKappaLinear", UnitBootstrap.interval(complete, r -> weightedKappa(r, false)));
                put(intervals, "weightedKappaQuadratic", UnitBootstrap.interval(complete, r -> weightedKappa(r, true)));
            }
        }
        if (!pairable.isEmpty()) {
            String[] names = {"nominal", "ordinal", "interval", "ratio"};
            for (int index = 0; index < names.length; index++) {
                int which = index;
                if (component(alphas, which) != null) {
                    put(intervals, "krippendorffAlpha." + names[which], UnitBootstrap.interval(pairable,
                            r -> component(alphas(r, coders), which)));
                }
            }
        }
        return new Result(units, new Coefficients(value(gwet == null ? null : gwet.percentAgreement()), cohen, linear, quadratic, scott,
                value(gwet == null ? null : gwet.fleissKappa()), value(gwet == null ? null : gwet.brennanPrediger()),
                value(gwet == null ? null : gwet.gwetAc1()), alphas, new CompleteUnits(percent, fleiss, free, ac1), intervals));
    }

    private Alphas alphas(List<Object[]> pairable, int coders) {
        boolean ordered = level != Level.NOMINAL;
        return new Alphas(alpha(pairable, coders, new NominalDistanceFunction()),
                ordered ? alpha(ranks(pairable), java.util.stream.IntStream.rangeClosed(1, categories.size()).boxed().toArray(), coders,
                        new OrdinalDistanceFunction()) : null,
                level == Level.INTERVAL || level == Level.RATIO ? alpha(pairable, coders, new IntervalDistanceFunction()) : null,
                level == Level.RATIO ? alpha(pairable, coders, new RatioDistanceFunction()) : null);
    }

    private static Double component(Alphas alphas, int which) {
        return switch (which) {
            case 0 -> alphas.nominal();
            case 1 -> alphas.ordinal();
            case 2 -> alphas.interval();
            default -> alphas.ratio();
        };
    }

    private static Double value(GwetMultiRater.Estimate estimate) {
        return estimate == null ? null : estimate.value();
    }

    private static void put(Map<String, Interval> intervals, String name, GwetMultiRater.Estimate estimate) {
        if (estimate != null && estimate.standardError() != null) {
            intervals.put(name, new Interval(estimate.standardError(), estimate.lower(), estimate.upper(), "gwet-2014"));
        }
    }

    private static void put(Map<String, Interval> intervals, String name, UnitBootstrap.Interval interval) {
        if (interval != null) {
            intervals.put(name, new Interval(interval.standardError(), interval.lower(), interval.upper(), "unit-bootstrap"));
        }
    }

    /** Cohen's (1968) weighted kappa with disagreement weights |i − j| (linear) or (i − j)² (quadratic) of the categories' ranks. */
    private Double weightedKappa(List<Object[]> complete, boolean quadratic) {
        int k = categories.size();
        double[][] observed = new double[k][k];
        double[] first = new double[k];
        double[] second = new double[k];
        for (Object[] row : complete) {
            int i = categories.indexOf(row[0]);
            int j = categories.indexOf(row[1]);
            observed[i][j]++;
            first[i]++;
            second[j]++;
        }
        double n = complete.size();
        double disagreement = 0;
        double expected = 0;
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                double weight = quadratic ? (i - j) * (i - j) : Math.abs(i - j);
                disagreement += weight * observed[i][j] / n;
                expected += weight * (first[i] / n) * (second[j] / n);
            }
        }
        return expected == 0 ? null : 1 - disagreement / expected;
    }

    /** Gwet's (2008) AC1 for any number of coders: (pa − pe) / (1 − pe), pe = Σ πk(1 − πk) / (q − 1) over the q categories. */
    private Double gwetAc1(List<Object[]> complete) {
        int q = categories.size();
        if (q < 2) {
            return null;
        }
        double pa = 0;
        Map<Object, Double> share = new HashMap<>();
        for (Object[] row : complete) {
            Map<Object, Integer> counts = new HashMap<>();
            for (Object value : row) {
                counts.merge(value, 1, Integer::sum);
            }
            int raters = row.length;
            pa += counts.values().stream().mapToDouble(c -> c * (c - 1.0)).sum() / (raters * (raters - 1.0));
            counts.forEach((category, c) -> share.merge(category, c / (double) raters, Double::sum));
        }
        pa /= complete.size();
        double pe = share.values().stream().mapToDouble(s -> s / complete.size()).map(p -> p * (1 - p)).sum() / (q - 1);
        return pe == 1 ? null : (pa - pe) / (1 - pe);
    }

    private Double alpha(List<Object[]> rows, int coders, IDistanceFunction distance) {
        return alpha(rows, categories.toArray(), coders, distance);
    }

    private static Double alpha(List<Object[]> rows, Object[] categories, int coders, IDistanceFunction distance) {
        return safe(() -> new KrippendorffAlphaAgreement(study(rows, categories, coders), distance).calculateAgreement());
    }

    /**
     * The rows with each value replaced by its category's rank (1 to k): DKPro's ordinal distance sums the marginals of
     * the ranks between two values, so it needs consecutive integers, not the categories' own values.
     */
    private List<Object[]> ranks(List<Object[]> rows) {
        return rows.stream().map(row -> java.util.Arrays.stream(row).map(v -> v == null ? null : (Object) (categories.indexOf(v) + 1))
                .toArray()).toList();
    }

    private CodingAnnotationStudy study(List<Object[]> rows, int coders) {
        return study(rows, categories.toArray(), coders);
    }

    /** A study of the rows, knowing every category of the variable, so chance-corrected measures count all k. */
    private static CodingAnnotationStudy study(List<Object[]> rows, Object[] categories, int coders) {
        CodingAnnotationStudy study = new CodingAnnotationStudy(coders);
        java.util.Arrays.stream(categories).forEach(study::addCategory);
        rows.forEach(study::addItemAsArray);
        return study;
    }

    private static int present(Object[] row) {
        return (int) java.util.Arrays.stream(row).filter(Objects::nonNull).count();
    }

    private static Double safe(Supplier<Double> coefficient) {
        try {
            double value = coefficient.get();
            return Double.isNaN(value) || Double.isInfinite(value) ? null : value;
        } catch (RuntimeException undefined) {
            return null;
        }
    }

    /** The rows of a table of counts for two coders: {@code table[i][j]} units got category i from the first, j from the second. */
    public static List<Object[]> fromTable(List<Object> categories, int[][] table) {
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < table.length; i++) {
            for (int j = 0; j < table[i].length; j++) {
                for (int c = 0; c < table[i][j]; c++) {
                    rows.add(new Object[] {categories.get(i), categories.get(j)});
                }
            }
        }
        return rows;
    }
}
