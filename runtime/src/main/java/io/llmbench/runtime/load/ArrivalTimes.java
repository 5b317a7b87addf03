package io.llmbench.runtime.load;

/**
 * When each request of an open-loop phase is due, as an offset from the phase's start. Called in
 * sequence order from one thread; offsets never decrease.
 */
@FunctionalInterface
public interface ArrivalTimes {

    /** Returned when the schedule has no more requests. */
    long END = Long.MAX_VALUE;

    /** The offset in nanoseconds from the phase start at which request {@code sequence} is due, or {@link #END}. */
    long offsetNs(int sequence);
}
