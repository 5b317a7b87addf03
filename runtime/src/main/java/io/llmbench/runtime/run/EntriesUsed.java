package io.llmbench.runtime.run;

import io.llmbench.runtime.spec.LoadSpec;
import io.llmbench.runtime.spec.PhaseLoad;

/**
 * How many dataset entries one run can use: each request of the warmup and profiling phases takes
 * the next entry, from the first, so a run bounded by request counts uses at most their sum. A
 * phase bounded by a duration only uses an unknown number.
 */
final class EntriesUsed {

    private EntriesUsed() {
    }

    /** The most entries the run's requests take, or {@code -1} when not known in advance. */
    static int of(LoadSpec load) {
        long sum = 0;
        for (PhaseLoad phase : new PhaseLoad[] {load.warmup(), load.profiling()}) {
            if (phase.isEmpty()) {
                continue;
            }
            if (phase.requestCount() == PhaseLoad.UNLIMITED) {
                return -1;
            }
            sum += phase.requestCount();
        }
        return sum > 0 && sum < Integer.MAX_VALUE ? (int) sum : -1;
    }
}
