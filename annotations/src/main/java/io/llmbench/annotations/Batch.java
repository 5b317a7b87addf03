package io.llmbench.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Several texts per request: the text batch of {@link EndpointType#EMBEDDINGS} requests and the shape
 * of synthetic rankings requests, named as the command line's batch options ({@code docs/cli.md},
 * "Embeddings and rankings batches"). Every attribute has the "unset" sentinel {@link LlmBenchmark#UNSET};
 * settings resolve per attribute: command line, this class, its superclasses, defaults.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Batch {

    /** Texts per embeddings request ({@code --prompt-batch-size}), embeddings only above 1. Default: 1. */
    int promptBatchSize() default LlmBenchmark.UNSET;

    /** Mean passages per rankings request ({@code --rankings-passages-mean}). Default: 1. */
    int rankingsPassagesMean() default LlmBenchmark.UNSET;

    /** Standard deviation of passages per rankings request ({@code --rankings-passages-stddev}). Default: 0. */
    int rankingsPassagesStddev() default LlmBenchmark.UNSET;

    /** Mean passage length in tokens ({@code --rankings-passages-prompt-token-mean}). Default: 550. */
    int rankingsPassageTokensMean() default LlmBenchmark.UNSET;

    /** Standard deviation of passage lengths ({@code --rankings-passages-prompt-token-stddev}). Default: 0. */
    int rankingsPassageTokensStddev() default LlmBenchmark.UNSET;

    /** Mean query length in tokens ({@code --rankings-query-prompt-token-mean}). Default: 550. */
    int rankingsQueryTokensMean() default LlmBenchmark.UNSET;

    /** Standard deviation of query lengths ({@code --rankings-query-prompt-token-stddev}). Default: 0. */
    int rankingsQueryTokensStddev() default LlmBenchmark.UNSET;
}
