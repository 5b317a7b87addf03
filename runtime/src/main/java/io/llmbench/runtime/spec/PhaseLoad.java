package io.llmbench.runtime.spec;

import java.time.Duration;

/**
 * How one phase (warmup or profiling) sends its requests.
 *
 * @param concurrency the most requests in flight at once; in closed loop the number kept in
 *     flight, in open loop a cap, {@link #UNLIMITED} for none
 * @param requestCount requests to send, {@link #UNLIMITED} when only {@code duration} stops the phase
 * @param requestRate requests per second of an open-loop phase, 0 for closed loop
 * @param arrivalPattern how open-loop requests are spread in time
 * @param arrivalSmoothness the gamma shape of {@link ArrivalPattern#GAMMA} (1 = Poisson)
 * @param duration how long the phase sends requests, or {@code null} for no limit
 * @param gracePeriod how long requests still in flight when {@code duration} ends may finish before
 *     they are cancelled, or {@code null} to wait for all of them
 * @param concurrencyRamp how long the concurrency takes to rise from 1 to {@code concurrency}, or {@code null}
 * @param requestRateRamp how long the rate takes to rise to {@code requestRate}, or {@code null}
 * @param prefillConcurrency the most requests waiting for their first token, {@link #UNLIMITED} for no limit
 * @param prefillConcurrencyRamp how long the prefill limit takes to rise from 1 to
 *     {@code prefillConcurrency}, or {@code null}
 */
public record PhaseLoad(
        int concurrency,
        int requestCount,
        double requestRate,
        ArrivalPattern arrivalPattern,
        double arrivalSmoothness,
        Duration duration,
        Duration gracePeriod,
        Duration concurrencyRamp,
        Duration requestRateRamp,
        int prefillConcurrency,
        Duration prefillConcurrencyRamp) {

    /** As the canonical constructor, without a prefill ramp. */
    public PhaseLoad(int concurrency, int requestCount, double requestRate, ArrivalPattern arrivalPattern,
            double arrivalSmoothness, Duration duration, Duration gracePeriod, Duration concurrencyRamp,
            Duration requestRateRamp, int prefillConcurrency) {
        this(concurrency, requestCount, requestRate, arrivalPattern, arrivalSmoothness, duration, gracePeriod,
                concurrencyRamp, requestRateRamp, prefillConcurrency, null);
    }

    /** No limit on a count. */
    public static final int UNLIMITED = Integer.MAX_VALUE;

    /** A closed-loop phase of {@code requestCount} requests at {@code concurrency}, nothing else set. */
    public static PhaseLoad closedLoop(int concurrency, int requestCount) {
        return new PhaseLoad(concurrency, requestCount, 0, ArrivalPattern.POISSON, 1, null, null, null, null,
                UNLIMITED);
    }

    /** Whether requests follow a rate (or a burst) rather than each completion sending the next. */
    public boolean openLoop() {
        return requestRate > 0 || arrivalPattern == ArrivalPattern.CONCURRENCY_BURST && concurrency == UNLIMITED;
    }

    /** This phase with another request count (e.g. capped by a session count). */
    public PhaseLoad withRequestCount(int count) {
        return new PhaseLoad(concurrency, count, requestRate, arrivalPattern, arrivalSmoothness, duration, gracePeriod,
                concurrencyRamp, requestRateRamp, prefillConcurrency, prefillConcurrencyRamp);
    }

    /** Whether the phase sends anything. */
    public boolean isEmpty() {
        return requestCount == 0 || duration != null && duration.isZero();
    }

    /** A short description for the run's header, e.g. {@code poisson 50 req/s, concurrency 8, 60 s}. */
    public String describe() {
        StringBuilder text = new StringBuilder();
        if (requestRate > 0) {
            text.append(arrivalPattern.cliName()).append(' ').append(trim(requestRate)).append(" req/s");
            if (arrivalPattern == ArrivalPattern.GAMMA) {
                text.append(" (smoothness ").append(trim(arrivalSmoothness)).append(')');
            }
            text.append(", concurrency ").append(concurrency == UNLIMITED ? "unlimited" : concurrency);
        } else if (openLoop()) {
            text.append("burst");
        } else {
            text.append("closed loop, concurrency ").append(concurrency);
        }
        if (requestCount != UNLIMITED) {
            text.append(", ").append(requestCount).append(" requests");
        }
        if (duration != null) {
            text.append(", ").append(trim(duration.toMillis() / 1000.0)).append(" s");
            text.append(gracePeriod == null ? " (grace: all)" : " (grace " + trim(gracePeriod.toMillis() / 1000.0)
                    + " s)");
        }
        if (concurrencyRamp != null) {
            text.append(", concurrency ramp ").append(trim(concurrencyRamp.toMillis() / 1000.0)).append(" s");
        }
        if (requestRateRamp != null) {
            text.append(", rate ramp ").append(trim(requestRateRamp.toMillis() / 1000.0)).append(" s");
        }
        if (prefillConcurrency != UNLIMITED) {
            text.append(", prefill concurrency ").append(prefillConcurrency);
            if (prefillConcurrencyRamp != null) {
                text.append(" (ramp ").append(trim(prefillConcurrencyRamp.toMillis() / 1000.0)).append(" s)");
            }
        }
        return text.toString();
    }

    private static String trim(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}
