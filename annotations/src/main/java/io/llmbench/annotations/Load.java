package io.llmbench.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * How a {@link LlmBenchmark} class loads the server, named as the command line's load options
 * ({@code docs/cli.md}, section "Load"). Every attribute has an "unset" sentinel ({@code {}}, {@code NaN},
 * {@link LlmBenchmark#UNSET}, {@link ArrivalPattern#UNSET}); settings resolve per attribute:
 * command line, this class, its superclasses, defaults.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Load {

    /** Open loop: requests per second ({@code --request-rate}); a list is a sweep. Default: closed loop. */
    double[] requestRate() default {};

    /** Gaps between open-loop requests ({@code --arrival-pattern}). Default: poisson. */
    ArrivalPattern arrivalPattern() default ArrivalPattern.UNSET;

    /** Gamma shape of {@link ArrivalPattern#GAMMA} ({@code --arrival-smoothness}); implies gamma. Default: 1. */
    double arrivalSmoothness() default Double.NaN;

    /** Send requests for this many seconds ({@code --benchmark-duration}). Default: stop by request count. */
    double benchmarkDuration() default Double.NaN;

    /**
     * Seconds requests in flight at the end of {@link #benchmarkDuration()} may finish
     * ({@code --benchmark-grace-period}); {@code Double.POSITIVE_INFINITY} waits for all. Default: 30.
     */
    double benchmarkGracePeriod() default Double.NaN;

    /** Percentage (0-100] of requests cancelled on purpose ({@code --request-cancellation-rate}). Default: 0. */
    double requestCancellationRate() default Double.NaN;

    /** Seconds after sending that a request chosen for cancellation is cancelled. Default: 0. */
    double requestCancellationDelay() default Double.NaN;

    /** Seconds over which concurrency rises from 1 ({@code --concurrency-ramp-duration}). Default: none. */
    double concurrencyRampDuration() default Double.NaN;

    /** Seconds over which the request rate rises ({@code --request-rate-ramp-duration}). Default: none. */
    double requestRateRampDuration() default Double.NaN;

    /** At most this many requests waiting for their first token ({@code --prefill-concurrency}). Default: no limit. */
    int prefillConcurrency() default LlmBenchmark.UNSET;

    /** Profiling runs, 1 to 10, reported with mean and confidence interval ({@code --num-profile-runs}). Default: 1. */
    int numProfileRuns() default LlmBenchmark.UNSET;

    /**
     * Replay a trace: send each dataset entry at its timestamp ({@code --fixed-schedule}); one value,
     * {@code true} or {@code false} (an array so that "not written" differs from {@code false}).
     * Default: false.
     */
    boolean[] fixedSchedule() default {};

    /**
     * Fixed schedule: shift the timestamps so the first is sent at once ({@code --fixed-schedule-auto-offset});
     * one value. Default: false.
     */
    boolean[] fixedScheduleAutoOffset() default {};

    /** Fixed schedule: skip entries before this timestamp, ms ({@code --fixed-schedule-start-offset}). Default: none. */
    int fixedScheduleStartOffset() default LlmBenchmark.UNSET;

    /** Fixed schedule: skip entries after this timestamp, ms ({@code --fixed-schedule-end-offset}). Default: none. */
    int fixedScheduleEndOffset() default LlmBenchmark.UNSET;

    /**
     * Start at most this many sessions (conversations); each started one sends every turn
     * ({@code --conversation-num}). A stop condition instead of {@link LlmBenchmark#requestCount()}: writing
     * both is a compile error. Default: stop by request count.
     */
    int conversationNum() default LlmBenchmark.UNSET;

    /**
     * User-centric mode: {@link #numUsers()} simulated users together sending this many requests per second,
     * each user's turns {@code numUsers / userCentricRate} seconds apart ({@code --user-centric-rate}). Needs
     * {@link #numUsers()}; excludes a request rate, arrival pattern, rate ramp, fixed schedule, concurrency and
     * concurrency ramp. Default: off.
     */
    double userCentricRate() default Double.NaN;

    /** Simulated users of {@link #userCentricRate()} ({@code --num-users}); needs it. Default: off. */
    int numUsers() default LlmBenchmark.UNSET;

    /**
     * Seconds over which the prefill limit rises from 1 to {@link #prefillConcurrency()}
     * ({@code --prefill-concurrency-ramp-duration}); needs it. Default: none.
     */
    double prefillConcurrencyRampDuration() default Double.NaN;

    /**
     * Repeated runs: seconds to pause between one run and the next, none after the last
     * ({@code --profile-run-cooldown-seconds}); at least 0. Needs {@link #numProfileRuns()} above 1. Default: 0.
     */
    double profileRunCooldownSeconds() default Double.NaN;

    /**
     * Repeated runs: level of the confidence interval over the runs, strictly between 0 and 1
     * ({@code --confidence-level}). Needs {@link #numProfileRuns()} above 1. Default: 0.95.
     */
    double confidenceLevel() default Double.NaN;

    /**
     * Repeated runs: warmup before the first run only ({@code true}) or before every run ({@code false})
     * ({@code --[no-]profile-run-disable-warmup-after-first}); one value. Needs {@link #numProfileRuns()}
     * above 1. Default: true.
     */
    boolean[] profileRunDisableWarmupAfterFirst() default {};

    /**
     * Repeated runs: every run with the same seed, hence the same workload ({@code true}), or, unless a seed
     * is written or given, each run with a seed of its own ({@code false}) ({@code --[no-]set-consistent-seed});
     * one value. Needs {@link #numProfileRuns()} above 1. Default: true.
     */
    boolean[] setConsistentSeed() default {};
}
