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

    /** Standard deviation of per-entry {@code max_tokens} ({@code --osl-stddev}). Default: 0. */
    int outputTokensStddev() default LlmBenchmark.UNSET;

    /**
     * A mix of input/output lengths ({@code --seq-dist}), {@code "ISL,OSL:PCT;..."} with optional
     * {@code ISL|STDDEV}, e.g. {@code "128,64:60;1024,256:40"}; the percentages add up to 100. Default: none.
     */
    String sequenceDistribution() default "";

    /** Distinct shared prefixes prompts start with ({@code --num-prefix-prompts}). Default: 0, none. */
    int numPrefixPrompts() default LlmBenchmark.UNSET;

    /** Tokens of each shared prefix ({@code --prefix-prompt-length}). Default: 0. */
    int prefixPromptLength() default LlmBenchmark.UNSET;

    /** Tokens of one system prompt sent before every prompt ({@code --shared-system-prompt-length}). Default: 0. */
    int sharedSystemPromptLength() default LlmBenchmark.UNSET;

    /** Tokens of a context prompt of its own per entry ({@code --user-context-prompt-length}). Default: 0. */
    int userContextPromptLength() default LlmBenchmark.UNSET;

    /** Standard deviation of image widths ({@code --image-width-stddev}), synthetic-vision only. Default: 0. */
    int imageWidthStddev() default LlmBenchmark.UNSET;

    /** Standard deviation of image heights ({@code --image-height-stddev}), synthetic-vision only. Default: 0. */
    int imageHeightStddev() default LlmBenchmark.UNSET;

    /** Images per request ({@code --image-batch-size}), synthetic-vision only. Default: 1. */
    int imageBatchSize() default LlmBenchmark.UNSET;

    /** Mean synthetic audio length in seconds ({@code --audio-length-mean}); above 0 adds audio. Default: 0. */
    double audioLengthMean() default Double.NaN;

    /** Standard deviation of audio lengths in seconds ({@code --audio-length-stddev}). Default: 0. */
    double audioLengthStddev() default Double.NaN;

    /** Synthetic audio format ({@code --audio-format}): {@code "wav"}. Default: wav. */
    String audioFormat() default "";

    /** Sample rates to pick from, in kHz ({@code --audio-sample-rates}). Default: 16. */
    double[] audioSampleRates() default {};

    /** Bit depths to pick from, each 8, 16, 24 or 32 ({@code --audio-depths}). Default: 16. */
    int[] audioDepths() default {};

    /** 1 (mono) or 2 (stereo) ({@code --audio-num-channels}). Default: 1. */
    int audioNumChannels() default LlmBenchmark.UNSET;

    /** Audio clips per request ({@code --audio-batch-size}). Default: 1. */
    int audioBatchSize() default LlmBenchmark.UNSET;

    /**
     * Mean turns per synthetic conversation ({@code --conversation-turn-mean}), at least 1; above 1 makes
     * each dataset entry a multi-turn conversation whose later turns carry the earlier turns and their
     * answers. Default: 1.
     */
    int conversationTurnMean() default LlmBenchmark.UNSET;

    /** Standard deviation of the turns per conversation ({@code --conversation-turn-stddev}). Default: 0. */
    int conversationTurnStddev() default LlmBenchmark.UNSET;

    /**
     * Mean wait in ms after an answer before the conversation's next turn
     * ({@code --conversation-turn-delay-mean}). Default: 0, no wait.
     */
    double conversationTurnDelayMean() default Double.NaN;

    /** Standard deviation of the waits between turns in ms ({@code --conversation-turn-delay-stddev}). Default: 0. */
    double conversationTurnDelayStddev() default Double.NaN;

    /** Factor applied to every drawn wait between turns ({@code --conversation-turn-delay-ratio}). Default: 1. */
    double conversationTurnDelayRatio() default Double.NaN;
}
