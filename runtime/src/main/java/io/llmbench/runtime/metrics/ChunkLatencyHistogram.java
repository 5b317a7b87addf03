package io.llmbench.runtime.metrics;

import org.HdrHistogram.Histogram;

/**
 * The distribution of inter-chunk latencies: one value per chunk gap, so an HdrHistogram (3
 * significant digits, nanoseconds) rather than every value. Count, mean, min, max and the
 * population standard deviation are exact; percentiles are the histogram's, within 0.1%.
 */
final class ChunkLatencyHistogram {

    private static final double NANOS_PER_MS = 1_000_000.0;

    private final Histogram histogram = new Histogram(3);
    private long count;
    private double mean;
    private double m2;
    private double min = Double.POSITIVE_INFINITY;
    private double max = Double.NEGATIVE_INFINITY;

    /** Records one gap given in ms (the display unit kept in {@link RequestValues}). */
    void recordMs(double gapMs) {
        histogram.recordValue(Math.max(0, Math.round(gapMs * NANOS_PER_MS)));
        // Welford's update keeps the variance exact enough without keeping the values.
        count++;
        double delta = gapMs - mean;
        mean += delta / count;
        m2 += delta * (gapMs - mean);
        min = Math.min(min, gapMs);
        max = Math.max(max, gapMs);
    }

    /** The statistics in ms, or {@code null} when nothing was recorded. */
    Statistics statistics() {
        if (count == 0) {
            return null;
        }
        return new Statistics(count, mean, min, max, pct(1), pct(5), pct(10), pct(25), pct(50), pct(75), pct(90),
                pct(95), pct(99), Math.sqrt(m2 / count));
    }

    private double pct(double percentile) {
        return histogram.getValueAtPercentile(percentile) / NANOS_PER_MS;
    }

    /** A copy of the histogram (nanoseconds), e.g. for interval logs. */
    Histogram copy() {
        return histogram.copy();
    }
}
