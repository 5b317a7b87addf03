package io.llmbench.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The warmup of a {@link LlmBenchmark} class: requests sent before profiling and excluded from
 * every metric. The same setting as {@link LlmBenchmark#warmupRequestCount()}; writing both on one
 * class is a compile error. Settings resolve per attribute: command line, this class, its
 * superclasses, defaults.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Warmup {

    /** Warmup requests (AIPerf's {@code --warmup-request-count}); at least 0. Default: 0. */
    int requestCount() default LlmBenchmark.UNSET;
}
