package io.llmbench.runtime.load;

/**
 * How a phase ends: without a duration, when every request completed; with one, requests still in
 * flight at the deadline get the grace period to finish and are then cancelled (and so complete as
 * cancelled, never silently dropped).
 */
final class PhaseEnd {

    /** The reason given to requests cancelled at the end of a timed phase. */
    static final String DURATION_ENDED = "benchmark duration and grace period ended";

    private PhaseEnd() {
    }

    /**
     * @param deadlineNs when sending stops, {@code Long.MAX_VALUE} for no duration
     * @param graceNs how long after the deadline requests may finish, -1 for no limit
     */
    static void await(InFlightRequests inFlight, long deadlineNs, long graceNs) throws InterruptedException {
        if (deadlineNs == Long.MAX_VALUE || graceNs < 0) {
            inFlight.await();
            return;
        }
        long graceEnd = deadlineNs + graceNs;
        if (!inFlight.await(graceEnd - System.nanoTime())) {
            inFlight.cancelAll(DURATION_ENDED);
        }
    }
}
