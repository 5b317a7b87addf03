package io.llmbench.runtime.load;

import io.llmbench.runtime.spec.ArrivalPattern;
import java.util.SplittableRandom;

/**
 * Draws the gaps between open-loop arrivals for a pattern: constant ({@code 1 / rate}), exponential
 * (Poisson process) or gamma with shape {@code smoothness} and mean {@code 1 / rate} (shape 1 is
 * exponential, less is burstier, more is smoother: the same parameter as vLLM's burstiness). Seeded:
 * the same seed gives the same gaps. Not thread-safe (one pacer thread draws).
 */
public final class ArrivalGaps {

    private final ArrivalPattern pattern;
    private final double shape;
    private final SplittableRandom random;

    public ArrivalGaps(ArrivalPattern pattern, double smoothness, long seed) {
        if (pattern == ArrivalPattern.GAMMA && !(smoothness > 0)) {
            throw new IllegalArgumentException("gamma smoothness must be > 0, was " + smoothness);
        }
        this.pattern = pattern;
        this.shape = pattern == ArrivalPattern.GAMMA ? smoothness : 1;
        this.random = new SplittableRandom(seed);
    }

    /** The next gap in seconds at {@code rate} requests per second. */
    public double nextSeconds(double rate) {
        return switch (pattern) {
            case CONSTANT -> 1 / rate;
            case POISSON -> exponential() / rate;
            case GAMMA -> gamma(shape) / (shape * rate);
            case CONCURRENCY_BURST -> 0;
        };
    }

    private double exponential() {
        // 1 - u lies in (0, 1]: the logarithm is finite.
        return -Math.log(1 - random.nextDouble());
    }

    /** A gamma variate of scale 1 (Marsaglia and Tsang; shapes below 1 by the u^(1/k) boost). */
    private double gamma(double k) {
        if (k < 1) {
            double u = 1 - random.nextDouble();
            return gamma(k + 1) * Math.pow(u, 1 / k);
        }
        double d = k - 1.0 / 3;
        double c = 1 / Math.sqrt(9 * d);
        while (true) {
            double x = random.nextGaussian();
            double v = 1 + c * x;
            if (v <= 0) {
                continue;
            }
            v = v * v * v;
            double u = 1 - random.nextDouble();
            if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) {
                return d * v;
            }
        }
    }
}
