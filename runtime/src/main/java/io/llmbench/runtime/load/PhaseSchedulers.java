package io.llmbench.runtime.load;

import io.llmbench.runtime.spec.ArrivalPattern;
import io.llmbench.runtime.spec.PhaseLoad;

/** Picks the scheduler for a phase's load settings. */
public final class PhaseSchedulers {

    private PhaseSchedulers() {
    }

    /**
     * Closed loop when the phase has no rate (concurrency only, or a burst under a concurrency
     * limit: AIPerf's "as fast as possible within the limit"), open loop otherwise; a burst without
     * a limit releases every request at once.
     *
     * @param seed seeds the arrival gaps (the same seed, the same schedule)
     */
    public static LoadScheduler create(PhaseLoad load, long seed, RequestDispatch dispatch,
            ScheduleLagMonitor lagMonitor) {
        if (load.prefillConcurrency() != PhaseLoad.UNLIMITED && !load.openLoop() && load.requestRate() == 0) {
            // A closed loop with a prefill limit: sent from the pacer as both limits allow.
            return new OpenLoopScheduler(sequence -> 0, load.requestCount(), load.concurrency(),
                    load.prefillConcurrency(), load.prefillConcurrencyRamp(), true, load.duration(), load.gracePeriod(),
                    load.concurrencyRamp(), dispatch, lagMonitor);
        }
        if (load.requestRate() > 0) {
            ArrivalTimes arrivals = load.arrivalPattern() == ArrivalPattern.CONCURRENCY_BURST
                    ? sequence -> 0
                    : new RateArrivals(load.requestRate(), load.arrivalPattern(), load.arrivalSmoothness(),
                            load.requestRateRamp(), seed);
            return openLoop(arrivals, load, load.requestCount(), dispatch, lagMonitor);
        }
        if (load.openLoop()) {
            return openLoop(sequence -> 0, load, load.requestCount(), dispatch, lagMonitor);
        }
        return new ClosedLoopScheduler(load.concurrency(), load.requestCount(), load.duration(), load.gracePeriod(),
                load.concurrencyRamp(), dispatch);
    }

    /** Replays {@code arrivals} (a fixed schedule), capped by the phase's concurrency and duration if set. */
    public static LoadScheduler openLoop(ArrivalTimes arrivals, PhaseLoad load, int requestCount,
            RequestDispatch dispatch, ScheduleLagMonitor lagMonitor) {
        return new OpenLoopScheduler(arrivals, requestCount, load.concurrency(), load.prefillConcurrency(),
                load.prefillConcurrencyRamp(), false, load.duration(), load.gracePeriod(), load.concurrencyRamp(),
                dispatch, lagMonitor);
    }
}
