package io.llmbench.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The warmup of a {@link LlmBenchmark} class: requests sent before profiling and excluded from
 * every metric, and the load they are sent with. {@link #requestCount()} is the same setting as
 * {@link LlmBenchmark#warmupRequestCount()}; writing both on one class is a compile error. Settings resolve per attribute: command line, this class, its
 * superclasses, defaults.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Warmup {

    /** Warmup requests (AIPerf's {@code --warmup-request-count}); at least 0. Default: 0. */
    int requestCount() default LlmBenchmark.UNSET;

    /** Send warmup requests for this many seconds ({@code --warmup-duration}). Default: stop by count. */
    double duration() default Double.NaN;

    /** Warmup concurrency ({@code --warmup-concurrency}). Default: the profiling concurrency. */
    int concurrency() default LlmBenchmark.UNSET;

    /** Warmup requests per second ({@code --warmup-request-rate}). Default: the profiling rate. */
    double requestRate() default Double.NaN;

    /** Warmup arrival pattern ({@code --warmup-arrival-pattern}). Default: the profiling pattern. */
    ArrivalPattern arrivalPattern() default ArrivalPattern.UNSET;

    /**
     * Seconds warmup requests in flight at the end of {@link #duration()} may finish
     * ({@code --warmup-grace-period}); {@code Double.POSITIVE_INFINITY} waits for all. Default: wait for all.
     */
    double gracePeriod() default Double.NaN;

    /**
     * Start at most this many warmup sessions ({@code --num-warmup-sessions}); a stop condition instead of
     * {@link #requestCount()}: writing both is a compile error. Default: stop by warmup request count.
     */
    int numSessions() default LlmBenchmark.UNSET;

    /**
     * At most this many warmup requests waiting for their first token ({@code --warmup-prefill-concurrency}).
     * Default: the profiling limit ({@link Load#prefillConcurrency()}).
     */
    int prefillConcurrency() default LlmBenchmark.UNSET;

    /**
     * Seconds over which the warmup concurrency rises from 1 ({@code --warmup-concurrency-ramp-duration}).
     * Default: the profiling ramp ({@link Load#concurrencyRampDuration()}).
     */
    double concurrencyRampDuration() default Double.NaN;

    /**
     * Seconds over which the warmup request rate rises ({@code --warmup-request-rate-ramp-duration}).
     * Default: the profiling ramp ({@link Load#requestRateRampDuration()}).
     */
    double requestRateRampDuration() default Double.NaN;

    /**
     * Seconds over which the warmup prefill limit rises from 1
     * ({@code --warmup-prefill-concurrency-ramp-duration}). Default: the profiling ramp
     * ({@link Load#prefillConcurrencyRampDuration()}).
     */
    double prefillConcurrencyRampDuration() default Double.NaN;
}
