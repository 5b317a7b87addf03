package io.llmbench.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A service-level objective on one statistic of a run, for example "TTFT p99 at most 200 ms":
 * {@code @Slo(metric = "time_to_first_token", statistic = "p99", max = 200)}. The runner prints
 * whether each was met after a run's table, and the JUnit gate ({@code llmbench-junit}) fails the
 * run's test when one is missed. Repeatable; write exactly one of {@link #max()} and {@link #min()}.
 *
 * <p>Unlike the per-request SLOs of goodput ({@link LlmBenchmark#goodput()}, AIPerf's
 * {@code --goodput}), which count the requests that meet every SLO, an {@code @Slo} judges the run
 * as a whole. Values are in the metric's display unit ({@code ms}, {@code tokens/sec}, ...).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Repeatable(Slos.class)
public @interface Slo {

    /** Sentinel for an unset bound. */
    double UNSET = Double.NaN;

    /** The metric's tag: one of {@link SloMetrics#GATE_TAGS}. */
    String metric();

    /**
     * The statistic of a per-request metric: one of {@link SloMetrics#STATISTICS} ({@code avg},
     * {@code p50}, {@code p99}, ...); left out for a run-level metric (request throughput, accuracy,
     * ...), which has one value. Default for a per-request metric: {@code avg}.
     */
    String statistic() default "";

    /** The largest value that meets the objective. */
    double max() default UNSET;

    /** The smallest value that meets the objective. */
    double min() default UNSET;
}
