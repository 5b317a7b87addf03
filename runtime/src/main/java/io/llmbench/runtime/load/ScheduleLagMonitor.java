package io.llmbench.runtime.load;

import java.util.Locale;
import java.util.function.Consumer;

/**
 * Watches, while the run goes on, how late the pacer sends requests compared to their schedule, and
 * warns (the first time at once, then at most every few seconds) when requests leave more than a
 * threshold late: the load then is lower than asked. Confined to the pacer thread.
 */
public final class ScheduleLagMonitor {

    /** Lateness beyond which a request counts as late. */
    public static final long LATE_NS = 10_000_000;
    private static final long WARN_EVERY_NS = 5_000_000_000L;

    private final Consumer<String> warnings;
    private long nextWarningNs = Long.MIN_VALUE;
    private long windowRequests;
    private long windowLate;
    private long windowHeld;
    private long windowWorstNs;
    private long totalLate;

    /** @param warnings receives each warning line (printed by the caller) */
    public ScheduleLagMonitor(Consumer<String> warnings) {
        this.warnings = warnings;
    }

    /** A monitor that says nothing. */
    public static ScheduleLagMonitor silent() {
        return new ScheduleLagMonitor(line -> { });
    }

    /**
     * Records one request leaving {@code lagNs} after its scheduled instant.
     *
     * @param heldByLimit whether it waited for a free slot under the concurrency limit
     */
    void observe(long lagNs, boolean heldByLimit, long nowNs) {
        windowRequests++;
        if (lagNs > LATE_NS) {
            windowLate++;
            totalLate++;
            if (heldByLimit) {
                windowHeld++;
            }
            windowWorstNs = Math.max(windowWorstNs, lagNs);
            if (nowNs - nextWarningNs >= 0 || nextWarningNs == Long.MIN_VALUE) {
                warn();
                nextWarningNs = nowNs + WARN_EVERY_NS;
            }
        }
    }

    /** Reports what the last window held and was not yet reported (at the end of a phase). */
    void flush() {
        if (windowLate > 0) {
            warn();
        }
    }

    /** Requests that left more than {@link #LATE_NS} late so far. */
    public long lateRequests() {
        return totalLate;
    }

    private void warn() {
        String cause = windowHeld == windowLate ? "all of them held back by the --concurrency limit"
                : windowHeld > 0 ? windowHeld + " of them held back by the --concurrency limit, the rest by a busy client"
                : "the client cannot keep up: the load is lower than asked";
        warnings.accept(String.format(Locale.ROOT,
                "warning: behind schedule: %,d of %,d requests left more than %d ms late (worst %.1f ms), %s",
                windowLate, windowRequests, LATE_NS / 1_000_000, windowWorstNs / 1e6, cause));
        windowRequests = 0;
        windowLate = 0;
        windowHeld = 0;
        windowWorstNs = 0;
    }
}
