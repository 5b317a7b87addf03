package io.llmbench.runtime.metrics;

/**
 * One value over repeated runs of a point (each run gives one value, e.g. its TTFT p99): the
 * statistics AIPerf's confidence aggregate reports for it, with the interval of the mean by
 * Student's t at the given level ({@code mean ± t · se}, {@code t} the two-sided critical value with
 * {@code n - 1} degrees of freedom).
 *
 * @param count the runs that gave a value
 * @param mean their mean
 * @param std their sample standard deviation ({@code ddof = 1}); 0 for one run
 * @param min the smallest
 * @param max the largest
 * @param cv {@code std / |mean|}, a ratio; infinite for a zero mean with spread, 0 for one run
 * @param se the standard error {@code std / sqrt(n)}; 0 for one run
 * @param ciLow {@code mean - t · se}; the mean for one run
 * @param ciHigh {@code mean + t · se}; the mean for one run
 * @param tCritical the critical value used; {@code NaN} for one run (there is no interval)
 */
public record RunsInterval(int count, double mean, double std, double min, double max, double cv, double se,
        double ciLow, double ciHigh, double tCritical) {

    /** The statistics of {@code values} (at least one) with an interval at {@code confidenceLevel}. */
    public static RunsInterval of(double[] values, double confidenceLevel) {
        if (values.length == 0) {
            throw new IllegalArgumentException("no values");
        }
        Statistics statistics = Statistics.of(values);
        double mean = statistics.avg();
        int n = values.length;
        if (n == 1) {
            // As AIPerf: a single observation keeps its value, with no spread and no interval.
            return new RunsInterval(1, mean, 0, mean, mean, 0, 0, mean, mean, Double.NaN);
        }
        double std = Math.sqrt(statistics.sampleVariance());
        double se = std / Math.sqrt(n);
        double t = StudentT.critical(confidenceLevel, n - 1);
        double cv = mean != 0 ? std / Math.abs(mean) : std == 0 ? 0 : Double.POSITIVE_INFINITY;
        return new RunsInterval(n, mean, std, statistics.min(), statistics.max(), cv, se, mean - t * se,
                mean + t * se, t);
    }

    /** Half the interval's width, {@code t · se}; 0 for one run. */
    public double halfWidth() {
        return (ciHigh - ciLow) / 2;
    }
}
