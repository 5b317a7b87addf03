package io.llmbench.runtime.load;

import java.util.concurrent.locks.LockSupport;

/**
 * Waits until an instant with sub-millisecond precision on a thread of its own: parks until shortly
 * before it (a park overshoots by tens of microseconds), then spins the rest. The spin is short, so
 * it costs little CPU even at thousands of requests per second. Never used on a network thread.
 */
final class Pacer {

    /** Parks end up to ~50-100 µs late on Linux (timer slack); the last stretch is spun. */
    static final long SPIN_NS = 100_000;

    private Pacer() {
    }

    /**
     * Returns at {@code instantNs} ({@code System.nanoTime()}) or as soon as possible after it, or
     * earlier when {@code stopped} reports true (checked at least every 10 ms and after an unpark).
     */
    static void awaitInstant(long instantNs, java.util.function.BooleanSupplier stopped) {
        while (true) {
            long remaining = instantNs - System.nanoTime();
            if (remaining <= 0 || stopped.getAsBoolean()) {
                return;
            }
            if (remaining > SPIN_NS) {
                LockSupport.parkNanos(Math.min(remaining - SPIN_NS, 10_000_000L));
            } else {
                Thread.onSpinWait();
            }
        }
    }
}
