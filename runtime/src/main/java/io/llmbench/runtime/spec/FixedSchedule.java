package io.llmbench.runtime.spec;

/**
 * Replaying a trace's per-entry timestamps ({@code --fixed-schedule}).
 *
 * @param enabled whether requests are sent at their entries' timestamps
 * @param autoOffset shift the timestamps so that the first is sent at once
 * @param startOffsetMs skip entries before this timestamp, or -1
 * @param endOffsetMs skip entries after this timestamp, or -1
 */
public record FixedSchedule(boolean enabled, boolean autoOffset, long startOffsetMs, long endOffsetMs) {

    /** No fixed schedule. */
    public static FixedSchedule off() {
        return new FixedSchedule(false, false, -1, -1);
    }
}
