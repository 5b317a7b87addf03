package io.llmbench.runtime.spec;

import java.time.Duration;

/**
 * How much load, for how long.
 *
 * @param concurrency requests in flight at once (closed loop; a cap in open loop, or
 *     {@link PhaseLoad#UNLIMITED})
 * @param requestCount requests of the profiling phase ({@link PhaseLoad#UNLIMITED} when a duration stops it)
 * @param warmupRequestCount requests sent before profiling, excluded from the metrics
 * @param profiling how the profiling phase sends its requests
 * @param warmup how the warmup phase sends its requests (empty when there is no warmup)
 * @param cancellationRate the percentage (0 to 100) of requests cancelled on purpose
 * @param cancellationDelay how long after it is sent a request chosen for cancellation is cancelled
 * @param numProfileRuns how many times the profiling phase is run (mean and confidence interval over runs)
 * @param fixedSchedule replay of dataset timestamps
 * @param scheduleSeed seeds the arrival gaps and cancellation draws (the same seed, the same schedule)
 * @param sessions session counts and user-centric pacing of multi-turn datasets
 * @param profileRuns cooldown, confidence level, warmup and seed of repeated runs ({@code numProfileRuns > 1})
 */
public record LoadSpec(
        int concurrency,
        int requestCount,
        int warmupRequestCount,
        PhaseLoad profiling,
        PhaseLoad warmup,
        double cancellationRate,
        Duration cancellationDelay,
        int numProfileRuns,
        FixedSchedule fixedSchedule,
        long scheduleSeed,
        SessionLoad sessions,
        ProfileRunPolicy profileRuns) {

    public LoadSpec {
        if (profileRuns == null) {
            profileRuns = ProfileRunPolicy.defaults();
        }
    }

    /** As the canonical constructor, with the default policy of repeated runs. */
    public LoadSpec(int concurrency, int requestCount, int warmupRequestCount, PhaseLoad profiling, PhaseLoad warmup,
            double cancellationRate, Duration cancellationDelay, int numProfileRuns, FixedSchedule fixedSchedule,
            long scheduleSeed, SessionLoad sessions) {
        this(concurrency, requestCount, warmupRequestCount, profiling, warmup, cancellationRate, cancellationDelay,
                numProfileRuns, fixedSchedule, scheduleSeed, sessions, ProfileRunPolicy.defaults());
    }

    /** This load with {@code policy} for its repeated runs. */
    public LoadSpec withProfileRuns(ProfileRunPolicy policy) {
        return new LoadSpec(concurrency, requestCount, warmupRequestCount, profiling, warmup, cancellationRate,
                cancellationDelay, numProfileRuns, fixedSchedule, scheduleSeed, sessions, policy);
    }

    /** This load with another warmup phase ({@code warmupRequestCount} its count) and schedule seed. */
    public LoadSpec withWarmupAndSeed(PhaseLoad warmup, int warmupRequestCount, long scheduleSeed) {
        return new LoadSpec(concurrency, requestCount, warmupRequestCount, profiling, warmup, cancellationRate,
                cancellationDelay, numProfileRuns, fixedSchedule, scheduleSeed, sessions, profileRuns);
    }

    /** As the canonical constructor, without session settings. */
    public LoadSpec(int concurrency, int requestCount, int warmupRequestCount, PhaseLoad profiling, PhaseLoad warmup,
            double cancellationRate, Duration cancellationDelay, int numProfileRuns, FixedSchedule fixedSchedule,
            long scheduleSeed) {
        this(concurrency, requestCount, warmupRequestCount, profiling, warmup, cancellationRate, cancellationDelay,
                numProfileRuns, fixedSchedule, scheduleSeed, SessionLoad.none());
    }

    /** Closed loop at {@code concurrency}: the foundation's load, nothing else set. */
    public LoadSpec(int concurrency, int requestCount, int warmupRequestCount) {
        this(concurrency, requestCount, warmupRequestCount, PhaseLoad.closedLoop(concurrency, requestCount),
                PhaseLoad.closedLoop(concurrency, warmupRequestCount), 0, Duration.ZERO, 1, FixedSchedule.off(), 0,
                SessionLoad.none(), ProfileRunPolicy.defaults());
    }

    /**
     * The most requests that can be in flight at once, for sizing the client's connection pool:
     * the concurrency, or for uncapped open loop, what the rate can have outstanding (bounded).
     */
    public int maxInFlight() {
        int most = 1;
        for (PhaseLoad phase : new PhaseLoad[] {profiling, warmup}) {
            if (phase.isEmpty()) {
                continue;
            }
            int phaseMost = phase.concurrency() != PhaseLoad.UNLIMITED ? phase.concurrency()
                    : (int) Math.min(Math.min(phase.requestCount(), UNCAPPED_POOL), Integer.MAX_VALUE);
            most = Math.max(most, phaseMost);
        }
        return most;
    }

    /**
     * The most requests the settings promise to have in flight at once (the largest concurrency of a
     * phase that has one), or 0 when every phase is uncapped open loop (whose need depends on the
     * server's latency and cannot be known in advance).
     */
    public int promisedConcurrency() {
        int most = 0;
        for (PhaseLoad phase : new PhaseLoad[] {profiling, warmup}) {
            if (!phase.isEmpty() && phase.concurrency() != PhaseLoad.UNLIMITED) {
                most = Math.max(most, Math.min(phase.concurrency(), phase.requestCount()));
            }
        }
        return most;
    }

    /** Connections allowed when an open-loop phase has no concurrency cap. */
    public static final int UNCAPPED_POOL = 10_000;
}
