package io.llmbench.annotations;

/**
 * How {@link Load#arrivalPattern()} spaces open-loop requests; the names match the command line's
 * {@code --arrival-pattern} values.
 */
public enum ArrivalPattern {
    /** The "not set" sentinel: the command line or the default (poisson) decides. */
    UNSET,
    /** Evenly spaced, exactly 1/rate apart ({@code constant}). */
    CONSTANT,
    /** Exponential gaps, mean 1/rate ({@code poisson}). */
    POISSON,
    /** Gamma-distributed gaps shaped by {@link Load#arrivalSmoothness()} ({@code gamma}). */
    GAMMA,
    /** Every request at once, capped by the concurrency ({@code concurrency_burst}). */
    CONCURRENCY_BURST
}
