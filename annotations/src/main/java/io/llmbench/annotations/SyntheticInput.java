package io.llmbench.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The shape of synthetic input ({@code dataset = "synthetic"} or {@code "synthetic-vision"}), named
 * as AIPerf's options. A setting also on {@link LlmBenchmark} may be written on one of the two only;
 * synthetic settings on a benchmark whose dataset is not synthetic, and image settings on a
 * text-only one, are compile errors. Settings resolve per attribute: command line, this class, its
 * superclasses, defaults.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface SyntheticInput {

    /** Mean prompt length in tokens ({@code --synthetic-input-tokens-mean}); a list is a sweep. Default: 550. */
    int[] inputTokensMean() default {};

    /** Standard deviation of prompt lengths ({@code --synthetic-input-tokens-stddev}). Default: 0. */
    int inputTokensStddev() default LlmBenchmark.UNSET;

    /** Seed of synthetic prompts and images ({@code --random-seed}). Default: 0. */
    long randomSeed() default LlmBenchmark.UNSET_LONG;

    /** Distinct entries generated ({@code --num-dataset-entries}); requests cycle through them. Default: 100. */
    int numDatasetEntries() default LlmBenchmark.UNSET;

    /** Mean image width in pixels ({@code --image-width-mean}), synthetic-vision only. Default: 512. */
    int imageWidthMean() default LlmBenchmark.UNSET;

    /** Mean image height in pixels ({@code --image-height-mean}), synthetic-vision only. Default: 512. */
    int imageHeightMean() default LlmBenchmark.UNSET;

    /** Image format, {@code "png"} or {@code "jpeg"} ({@code --image-format}), synthetic-vision only. Default: png. */
    String imageFormat() default "";
}
