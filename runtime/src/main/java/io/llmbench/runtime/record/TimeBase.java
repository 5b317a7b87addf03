package io.llmbench.runtime.record;

/**
 * One wall-clock anchor per run: exported instants are {@code wallEpochNs + (mono - monoNs)}, so
 * that intervals come from the monotonic clock and records of several processes share a time base.
 */
public record TimeBase(long wallEpochNs, long monoNs) {

    /** Captures the anchor now. */
    public static TimeBase now() {
        java.time.Instant wall = java.time.Instant.now();
        long mono = System.nanoTime();
        return new TimeBase(wall.getEpochSecond() * 1_000_000_000L + wall.getNano(), mono);
    }

    /** The wall-clock nanoseconds since the epoch of a {@code System.nanoTime()} value. */
    public long toEpochNs(long mono) {
        return wallEpochNs + (mono - monoNs);
    }
}
