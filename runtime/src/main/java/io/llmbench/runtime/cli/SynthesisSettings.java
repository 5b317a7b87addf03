package io.llmbench.runtime.cli;

import io.llmbench.annotations.LlmBenchmark;
import io.llmbench.runtime.spec.AnnotatedSynthesis;
import io.llmbench.runtime.spec.SynthesisSpec;

/**
 * Fills a {@link SynthesisSpec} from the command line and the annotation, with AIPerf's defaults where
 * neither says.
 */
final class SynthesisSettings {

    private SynthesisSettings() {
    }

    /**
     * Per attribute: the command line, then the annotation ({@code @SyntheticInput}; the block size
     * from {@code @InputFile}, {@code -1} when unset), then AIPerf's default.
     */
    static SynthesisSpec resolve(SynthesisOptions.SynthesisCli cli, InputFileOptions.InputFileCli file,
            AnnotatedSynthesis annotated, int annotatedIslBlockSize) {
        SynthesisSpec d = SynthesisSpec.defaults();
        String sequenceDistribution = cli.sequenceDistribution();
        if (sequenceDistribution == null && !annotated.sequenceDistribution().isEmpty()) {
            sequenceDistribution = annotated.sequenceDistribution();
        }
        return new SynthesisSpec(
                or(cli.outputTokensStddev(), whole(annotated.outputTokensStddev()), d.outputTokensStddev()),
                sequenceDistribution,
                file.islBlockSize() != null ? file.islBlockSize() : Math.max(0, annotatedIslBlockSize),
                or(cli.numPrefixPrompts(), whole(annotated.numPrefixPrompts()), d.numPrefixPrompts()),
                or(cli.prefixPromptLength(), whole(annotated.prefixPromptLength()), d.prefixPromptLength()),
                or(cli.sharedSystemPromptLength(), whole(annotated.sharedSystemPromptLength()),
                        d.sharedSystemPromptLength()),
                or(cli.userContextPromptLength(), whole(annotated.userContextPromptLength()),
                        d.userContextPromptLength()),
                or(cli.imageWidthStddev(), whole(annotated.imageWidthStddev()), d.imageWidthStddev()),
                or(cli.imageHeightStddev(), whole(annotated.imageHeightStddev()), d.imageHeightStddev()),
                or(cli.imageBatchSize(), whole(annotated.imageBatchSize()), d.imageBatchSize()),
                or(cli.audioLengthMean(), decimal(annotated.audioLengthMean()), d.audioLengthMean()),
                or(cli.audioLengthStddev(), decimal(annotated.audioLengthStddev()), d.audioLengthStddev()),
                or(cli.audioFormat(), annotated.audioFormat().isEmpty() ? null : annotated.audioFormat(),
                        d.audioFormat()),
                !cli.audioSampleRatesKhz().isEmpty() ? cli.audioSampleRatesKhz()
                        : !annotated.audioSampleRatesKhz().isEmpty() ? annotated.audioSampleRatesKhz()
                        : d.audioSampleRatesKhz(),
                !cli.audioDepths().isEmpty() ? cli.audioDepths()
                        : !annotated.audioDepths().isEmpty() ? annotated.audioDepths() : d.audioDepths(),
                or(cli.audioNumChannels(), whole(annotated.audioNumChannels()), d.audioNumChannels()),
                or(cli.audioBatchSize(), whole(annotated.audioBatchSize()), d.audioBatchSize()));
    }

    static Integer whole(int value) {
        return value == LlmBenchmark.UNSET ? null : value;
    }

    static Double decimal(double value) {
        return Double.isNaN(value) ? null : value;
    }

    static <T> T or(T value, T annotated, T fallback) {
        return value != null ? value : annotated != null ? annotated : fallback;
    }
}
