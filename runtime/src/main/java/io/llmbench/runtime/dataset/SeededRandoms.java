package io.llmbench.runtime.dataset;

import java.util.Random;

/**
 * Independent, reproducible random streams derived from one run seed, one per concern (prompt
 * lengths, corpus positions, image sizes, ...), as AIPerf derives its generators: changing how many
 * numbers one concern draws never shifts another's.
 */
final class SeededRandoms {

    private SeededRandoms() {
    }

    /** A {@link Random} for {@code concern} under {@code seed}; {@code java.util.Random}'s algorithm is fixed by its spec. */
    static Random derive(long seed, String concern) {
        return new Random(mix(seed ^ mix(concern.hashCode())));
    }

    /**
     * A positive integer from N(mean, stddev) truncated at zero, rounded up (AIPerf's
     * {@code sample_positive_normal_integer}); {@code max(1, mean)} when {@code stddev <= 0}.
     */
    static int positiveNormalInt(Random random, double mean, double stddev) {
        if (stddev <= 0) {
            return (int) Math.max(1, Math.round(mean));
        }
        for (int i = 0; i < 10_000; i++) {
            double value = mean + stddev * random.nextGaussian();
            if (value >= 0) {
                return (int) Math.max(1, Math.ceil(value));
            }
        }
        return (int) Math.max(1, Math.round(mean));
    }

    // SplitMix64's finalizer: spreads nearby seeds and concern hashes over all 64 bits.
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
