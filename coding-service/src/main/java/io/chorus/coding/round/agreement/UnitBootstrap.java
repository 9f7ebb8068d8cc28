package io.chorus.coding.round.agreement;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * A 95 % interval for a coefficient that has no closed-form variance here (Cohen's and weighted kappa, Scott's pi,
 * Krippendorff's alpha): the units are resampled with replacement {@value #RESAMPLES} times, the coefficient computed on
 * each resample, the standard error is their standard deviation and the interval their 2.5th and 97.5th percentiles.
 * The seed is fixed, so the same data always gives the same interval (and the same ETag). This resamples units, not the
 * pairable values within them as Hayes and Krippendorff (2007) do for alpha; both estimate the coefficient's sampling
 * distribution over units.
 */
public final class UnitBootstrap {

    public static final int RESAMPLES = 1000;
    private static final long SEED = 0x6368_6f72_7573L;

    /** Standard error and the percentile bounds; null with fewer than two units or when no resample has a value. */
    public record Interval(double standardError, double lower, double upper) {
    }

    private UnitBootstrap() {
    }

    public static Interval interval(List<Object[]> units, Function<List<Object[]>, Double> coefficient) {
        if (units.size() < 2) {
            return null;
        }
        SplittableRandom random = new SplittableRandom(SEED);
        List<Double> values = new ArrayList<>(RESAMPLES);
        for (int b = 0; b < RESAMPLES; b++) {
            List<Object[]> resample = new ArrayList<>(units.size());
            for (int i = 0; i < units.size(); i++) {
                resample.add(units.get(random.nextInt(units.size())));
            }
            Double value = coefficient.apply(resample);
            if (value != null && !value.isNaN()) {
                values.add(value);
            }
        }
        if (values.size() < RESAMPLES / 2) {
            return null;
        }
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double mean = Arrays.stream(sorted).average().orElse(0);
        double variance = Arrays.stream(sorted).map(v -> (v - mean) * (v - mean)).sum() / (sorted.length - 1);
        return new Interval(Math.sqrt(variance), percentile(sorted, 0.025), percentile(sorted, 0.975));
    }

    private static double percentile(double[] sorted, double p) {
        double position = p * (sorted.length - 1);
        int below = (int) Math.floor(position);
        int above = Math.min(sorted.length - 1, below + 1);
        return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
    }
}
