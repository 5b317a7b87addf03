package io.llmbench.runtime.spec;

import java.util.List;

/**
 * How synthetic inputs are shaped beyond their mean length: output-length spread, sequence-length
 * distributions, shared prefixes, image size spread and batches, synthetic audio, and the block size
 * of hash-id traces. Option names are AIPerf's (see {@code docs/cli.md}).
 *
 * @param outputTokensStddev standard deviation of per-entry {@code max_tokens} ({@code --osl-stddev})
 * @param sequenceDistribution {@code "ISL,OSL:pct;..."} ({@code --seq-dist}), or {@code null}
 * @param islBlockSize tokens per hash id of a trace ({@code --isl-block-size}), 0 for the format's default
 * @param numPrefixPrompts how many distinct prefixes prompts start with ({@code --num-prefix-prompts}), 0 for none
 * @param prefixPromptLength tokens of each prefix ({@code --prefix-prompt-length})
 * @param sharedSystemPromptLength tokens of one system prompt shared by every request, 0 for none
 * @param userContextPromptLength tokens of a context prompt per conversation, 0 for none
 * @param imageWidthStddev standard deviation of synthetic image widths
 * @param imageHeightStddev standard deviation of synthetic image heights
 * @param imageBatchSize images per synthetic-vision entry ({@code --image-batch-size})
 * @param audioLengthMean mean synthetic audio length in seconds, 0 for no audio ({@code --audio-length-mean})
 * @param audioLengthStddev standard deviation of audio lengths in seconds
 * @param audioFormat {@code wav} or {@code mp3} ({@code --audio-format})
 * @param audioSampleRatesKhz sample rates to pick from, in kHz ({@code --audio-sample-rates})
 * @param audioDepths bit depths to pick from ({@code --audio-depths})
 * @param audioNumChannels 1 (mono) or 2 (stereo) ({@code --audio-num-channels})
 * @param audioBatchSize audio clips per entry ({@code --audio-batch-size})
 * @param turns turns per synthetic conversation and the delays between them ({@code --conversation-turn-*})
 */
public record SynthesisSpec(
        int outputTokensStddev,
        String sequenceDistribution,
        int islBlockSize,
        int numPrefixPrompts,
        int prefixPromptLength,
        int sharedSystemPromptLength,
        int userContextPromptLength,
        int imageWidthStddev,
        int imageHeightStddev,
        int imageBatchSize,
        double audioLengthMean,
        double audioLengthStddev,
        String audioFormat,
        List<Double> audioSampleRatesKhz,
        List<Integer> audioDepths,
        int audioNumChannels,
        int audioBatchSize,
        ConversationTurns turns) {

    /** AIPerf's default block size of hash-id traces. */
    public static final int DEFAULT_ISL_BLOCK_SIZE = 512;

    public SynthesisSpec {
        audioSampleRatesKhz = List.copyOf(audioSampleRatesKhz);
        audioDepths = List.copyOf(audioDepths);
        turns = turns == null ? ConversationTurns.defaults() : turns;
    }

    /** Single-turn synthetic conversations. */
    public SynthesisSpec(int outputTokensStddev, String sequenceDistribution, int islBlockSize, int numPrefixPrompts,
            int prefixPromptLength, int sharedSystemPromptLength, int userContextPromptLength, int imageWidthStddev,
            int imageHeightStddev, int imageBatchSize, double audioLengthMean, double audioLengthStddev,
            String audioFormat, List<Double> audioSampleRatesKhz, List<Integer> audioDepths, int audioNumChannels,
            int audioBatchSize) {
        this(outputTokensStddev, sequenceDistribution, islBlockSize, numPrefixPrompts, prefixPromptLength,
                sharedSystemPromptLength, userContextPromptLength, imageWidthStddev, imageHeightStddev, imageBatchSize,
                audioLengthMean, audioLengthStddev, audioFormat, audioSampleRatesKhz, audioDepths, audioNumChannels,
                audioBatchSize, ConversationTurns.defaults());
    }

    /** These settings with {@code turns} in place of theirs. */
    public SynthesisSpec withTurns(ConversationTurns turns) {
        return new SynthesisSpec(outputTokensStddev, sequenceDistribution, islBlockSize, numPrefixPrompts,
                prefixPromptLength, sharedSystemPromptLength, userContextPromptLength, imageWidthStddev,
                imageHeightStddev, imageBatchSize, audioLengthMean, audioLengthStddev, audioFormat,
                audioSampleRatesKhz, audioDepths, audioNumChannels, audioBatchSize, turns);
    }

    /** AIPerf's defaults: no spread, no prefixes, no audio, one image per vision entry. */
    public static SynthesisSpec defaults() {
        return new SynthesisSpec(0, null, 0, 0, 0, 0, 0, 0, 0, 1,
                0, 0, "wav", List.of(16.0), List.of(16), 1, 1);
    }
}
