package io.llmbench.runtime.load;

import io.llmbench.runtime.spec.ArrivalPattern;
import java.time.Duration;

/**
 * Arrivals at a target rate with an arrival pattern: the first request at the start, each next one a
 * drawn gap later. With a rate ramp, the rate rises linearly over the ramp from a small fraction of
 * the target (the share of one 100 ms step, so that rates below 1 req/s still start) to the target.
 */
public final class RateArrivals implements ArrivalTimes {

    /** The ramp starts at the rate of one such step out of the whole ramp. */
    private static final double RAMP_STEP_SECONDS = 0.1;

    private final double rate;
    private final ArrivalGaps gaps;
    private final double rampSeconds;
    private long offsetNs;

    /**
     * @param rate requests per second (> 0)
     * @param rateRamp how long the rate takes to reach {@code rate}, or {@code null}
     * @param seed seeds the gaps
     */
    public RateArrivals(double rate, ArrivalPattern pattern, double smoothness, Duration rateRamp, long seed) {
        if (!(rate > 0) || Double.isInfinite(rate)) {
            throw new IllegalArgumentException("rate must be a finite number > 0, was " + rate);
        }
        this.rate = rate;
        this.gaps = new ArrivalGaps(pattern, smoothness, seed);
        this.rampSeconds = rateRamp == null ? 0 : rateRamp.toNanos() / 1e9;
    }

    @Override
    public long offsetNs(int sequence) {
        if (sequence > 0) {
            // Summed in whole nanoseconds, so that constant gaps stay exact however long the run.
            offsetNs += Math.round(gaps.nextSeconds(rateAt(offsetNs / 1e9)) * 1e9);
        }
        return offsetNs;
    }

    /** The rate in force {@code seconds} after the start. */
    double rateAt(double seconds) {
        if (rampSeconds <= 0 || seconds >= rampSeconds) {
            return rate;
        }
        double floor = Math.min(1, RAMP_STEP_SECONDS / rampSeconds);
        return rate * Math.max(floor, seconds / rampSeconds);
    }
}
