package io.llmbench.runtime.metrics;

import java.util.Arrays;

/**
 * The statistics of one metric over a set of values, computed the way numpy does (and so the way
 * AIPerf does), so that the same values give the same numbers to the last digit: the mean and the
 * variance sum with numpy's pairwise summation, percentiles use numpy's default {@code linear}
 * method, and {@code std} is the population standard deviation ({@code ddof = 0}).
 *
 * @param count how many values
 * @param avg the arithmetic mean
 * @param min the smallest value
 * @param max the largest value
 * @param p1 the 1st percentile
 * @param p5 the 5th percentile
 * @param p10 the 10th percentile
 * @param p25 the 25th percentile
 * @param p50 the median
 * @param p75 the 75th percentile
 * @param p90 the 90th percentile
 * @param p95 the 95th percentile
 * @param p99 the 99th percentile
 * @param std the population standard deviation
 */
public record Statistics(
        long count,
        double avg,
        double min,
        double max,
        double p1,
        double p5,
        double p10,
        double p25,
        double p50,
        double p75,
        double p90,
        double p95,
        double p99,
        double std) {

    /** numpy's block size below which pairwise summation adds eight running sums. */
    private static final int PAIRWISE_BLOCK = 128;

    /** The statistics of {@code values}; the array is not modified. */
    public static Statistics of(double[] values) {
        return of(values, values.length);
    }

    /**
     * The statistics of the first {@code length} entries of {@code values}; the array is not
     * modified.
     *
     * @throws IllegalArgumentException when {@code length} is 0
     */
    public static Statistics of(double[] values, int length) {
        if (length <= 0) {
            throw new IllegalArgumentException("statistics need at least one value");
        }
        double[] sorted = Arrays.copyOf(values, length);
        Arrays.sort(sorted);
        // Mean and variance sum in the original order: pairwise summation depends on the order.
        double mean = pairwiseSum(values, 0, length) / length;
        double[] squares = new double[length];
        for (int i = 0; i < length; i++) {
            double d = values[i] - mean;
            squares[i] = d * d;
        }
        double std = Math.sqrt(pairwiseSum(squares, 0, length) / length);
        return new Statistics(length, mean, sorted[0], sorted[length - 1],
                percentile(sorted, 1), percentile(sorted, 5), percentile(sorted, 10),
                percentile(sorted, 25), percentile(sorted, 50), percentile(sorted, 75),
                percentile(sorted, 90), percentile(sorted, 95), percentile(sorted, 99), std);
    }

    /**
     * The unbiased sample variance ({@code ddof = 1}) of the values, as for a handful of runs of one
     * point; {@code NaN} with fewer than two values.
     */
    public double sampleVariance() {
        return count < 2 ? Double.NaN : std * std * count / (count - 1);
    }

    /**
     * numpy's {@code percentile(a, p)} with the default {@code linear} method on an already sorted
     * array: the value at virtual index {@code (n - 1) * p / 100}, interpolated between its two
     * neighbours the way numpy's {@code _lerp} does (from the upper neighbour when the fraction is
     * at least one half, which is what makes the last digit agree).
     */
    public static double percentile(double[] sorted, double p) {
        int n = sorted.length;
        double virtualIndex = (n - 1) * (p / 100.0);
        if (virtualIndex >= n - 1) {
            return sorted[n - 1];
        }
        if (virtualIndex <= 0) {
            return sorted[0];
        }
        int below = (int) Math.floor(virtualIndex);
        double gamma = virtualIndex - below;
        double a = sorted[below];
        double b = sorted[below + 1];
        double diff = b - a;
        return gamma >= 0.5 ? b - diff * (1 - gamma) : a + diff * gamma;
    }

    /** numpy's pairwise summation of {@code values[from, from + n)} (its {@code pairwise_sum}). */
    static double pairwiseSum(double[] values, int from, int n) {
        if (n < 8) {
            double sum = -0.0;
            for (int i = 0; i < n; i++) {
                sum += values[from + i];
            }
            return sum;
        }
        if (n <= PAIRWISE_BLOCK) {
            double r0 = values[from];
            double r1 = values[from + 1];
            double r2 = values[from + 2];
            double r3 = values[from + 3];
            double r4 = values[from + 4];
            double r5 = values[from + 5];
            double r6 = values[from + 6];
            double r7 = values[from + 7];
            int i = 8;
            for (; i < n - (n % 8); i += 8) {
                r0 += values[from + i];
                r1 += values[from + i + 1];
                r2 += values[from + i + 2];
                r3 += values[from + i + 3];
                r4 += values[from + i + 4];
                r5 += values[from + i + 5];
                r6 += values[from + i + 6];
                r7 += values[from + i + 7];
            }
            double sum = ((r0 + r1) + (r2 + r3)) + ((r4 + r5) + (r6 + r7));
            for (; i < n; i++) {
                sum += values[from + i];
            }
            return sum;
        }
        int half = n / 2;
        half -= half % 8;
        return pairwiseSum(values, from, half) + pairwiseSum(values, from + half, n - half);
    }
}
