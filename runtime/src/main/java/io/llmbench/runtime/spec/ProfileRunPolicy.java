package io.llmbench.runtime.spec;

import java.time.Duration;

/**
 * How the repeated runs of one point ({@code --num-profile-runs} above 1) differ from each other and
 * how they are summed up, as AIPerf's multi-run options say.
 *
 * @param cooldown pause between one run's end and the next one's start, none after the last
 *     ({@code --profile-run-cooldown-seconds})
 * @param confidenceLevel level of the confidence interval over the runs, in (0, 1) ({@code --confidence-level})
 * @param disableWarmupAfterFirst warmup before the first run only; otherwise before every run
 *     ({@code --profile-run-disable-warmup-after-first})
 * @param consistentSeed every run with the same seed, hence the same workload ({@code --set-consistent-seed})
 * @param seedGiven whether the seed was set explicitly (command line or annotation); an explicit seed
 *     is used by every run whatever {@code consistentSeed} says, as AIPerf does
 */
public record ProfileRunPolicy(Duration cooldown, double confidenceLevel, boolean disableWarmupAfterFirst,
        boolean consistentSeed, boolean seedGiven) {

    /** AIPerf's default confidence level. */
    public static final double DEFAULT_CONFIDENCE_LEVEL = 0.95;

    public ProfileRunPolicy {
        if (cooldown == null || cooldown.isNegative()) {
            throw new IllegalArgumentException("cooldown must be ≥ 0: " + cooldown);
        }
        if (!(confidenceLevel > 0 && confidenceLevel < 1)) {
            throw new IllegalArgumentException("confidence level must be in (0, 1): " + confidenceLevel);
        }
    }

    /** AIPerf's defaults: no cooldown, 95%, warmup before the first run only, one seed for all runs. */
    public static ProfileRunPolicy defaults() {
        return new ProfileRunPolicy(Duration.ZERO, DEFAULT_CONFIDENCE_LEVEL, true, true, false);
    }

    /** Whether each run takes a seed of its own (no explicit seed, and the consistent seed turned off). */
    public boolean seedPerRun() {
        return !consistentSeed && !seedGiven;
    }

    /**
     * The seed of run {@code run} (from 1) given the resolved seed: the same for all runs, or with
     * {@link #seedPerRun()} that seed plus the run's index from 0 (so that run 1 keeps the resolved
     * seed and the runs stay reproducible as a whole).
     */
    public long seedOfRun(long seed, int run) {
        return seedPerRun() ? seed + run - 1 : seed;
    }
}
