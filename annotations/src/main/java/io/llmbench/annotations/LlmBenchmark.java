package io.llmbench.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a class as an LLM serving benchmark. The annotation processor validates it and generates a
 * runner for it; {@code java -jar benchmarks.jar} discovers and runs it.
 *
 * <p>Every attribute has an "unset" sentinel (an empty string, an empty array, {@link #UNSET},
 * {@link EndpointType#UNSET}) so the runner can tell "not annotated" from "annotated with the
 * default value". Settings resolve per attribute: command line, then this class's annotations, then
 * those of its superclasses (nearest first), then the built-in defaults. The annotation is
 * inherited: a class extending an annotated class is a benchmark too; an abstract annotated class
 * is a base only and gets no runner. Array-valued attributes are sweeps: every combination of their values runs as
 * its own point ({@code concurrency = 4} and {@code concurrency = {1, 4, 16}} both compile).
 *
 * <p>Every attribute is documented in {@code docs/annotations.md}.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface LlmBenchmark {

    /** Sentinel for an unset numeric attribute. */
    int UNSET = -1;

    /** Sentinel for an unset {@code long} attribute. */
    long UNSET_LONG = Long.MIN_VALUE;

    /**
     * The dataset: a name from {@link Datasets#NAMES} (for example {@code "synthetic"} or
     * {@code "mmstar"}) or {@code "file:<path>"}. Default: {@code synthetic}.
     */
    String dataset() default "";

    /**
     * Prompts sent as they are, in order, one request each (cycling when the run asks for more): the
     * inline dataset, as {@code --prompt} on the command line. Instead of {@code dataset}. Default: none.
     */
    String[] prompts() default {};

    /** Closed-loop concurrency: requests in flight at once. A list is a sweep. Default: 1. */
    int[] concurrency() default {};

    /** Requests of the profiling phase. Default: 10 × the concurrency (at least 10). */
    int requestCount() default UNSET;

    /** Warmup requests sent before profiling and excluded from every metric. Default: 0. */
    int warmupRequestCount() default UNSET;

    /** Whether to request a streaming (SSE) response. A list is a sweep. Default: true. */
    boolean[] streaming() default {};

    /** The API shape. Default: {@link EndpointType#CHAT}. */
    EndpointType endpointType() default EndpointType.UNSET;

    /** The model name sent in each request. Default: the {@code --model} option, which is then required. */
    String model() default "";

    /** Output tokens requested per request ({@code max_tokens}). A list is a sweep. Default: not sent. */
    int[] outputTokens() default {};

    /** Mean input length of synthetic prompts, in tokens. A list is a sweep. Default: 550. */
    int[] inputTokensMean() default {};

    /** Standard deviation of synthetic prompt lengths, in tokens. Default: 0. */
    int inputTokensStddev() default UNSET;

    /** Seed for synthetic data. Default: 0. */
    long randomSeed() default UNSET_LONG;

    /**
     * Service-level objectives for goodput, {@code "tag:value ..."} in display units, for example
     * {@code "time_to_first_token:200 inter_token_latency:20"}. Default: none.
     */
    String goodput() default "";
}
