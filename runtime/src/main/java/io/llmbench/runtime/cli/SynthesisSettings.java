package io.llmbench.runtime.cli;

import io.llmbench.runtime.spec.SynthesisSpec;

/** Fills a {@link SynthesisSpec} from the command line, with AIPerf's defaults where an option is not given. */
final class SynthesisSettings {

    private SynthesisSettings() {
    }

    static SynthesisSpec resolve(SynthesisOptions.SynthesisCli cli, InputFileOptions.InputFileCli file) {
        SynthesisSpec d = SynthesisSpec.defaults();
        return new SynthesisSpec(
                or(cli.outputTokensStddev(), d.outputTokensStddev()),
                cli.sequenceDistribution(),
                or(file.islBlockSize(), 0),
                or(cli.numPrefixPrompts(), d.numPrefixPrompts()),
                or(cli.prefixPromptLength(), d.prefixPromptLength()),
                or(cli.sharedSystemPromptLength(), d.sharedSystemPromptLength()),
                or(cli.userContextPromptLength(), d.userContextPromptLength()),
                or(cli.imageWidthStddev(), d.imageWidthStddev()),
                or(cli.imageHeightStddev(), d.imageHeightStddev()),
                or(cli.imageBatchSize(), d.imageBatchSize()),
                or(cli.audioLengthMean(), d.audioLengthMean()),
                or(cli.audioLengthStddev(), d.audioLengthStddev()),
                or(cli.audioFormat(), d.audioFormat()),
                cli.audioSampleRatesKhz().isEmpty() ? d.audioSampleRatesKhz() : cli.audioSampleRatesKhz(),
                cli.audioDepths().isEmpty() ? d.audioDepths() : cli.audioDepths(),
                or(cli.audioNumChannels(), d.audioNumChannels()),
                or(cli.audioBatchSize(), d.audioBatchSize()));
    }

    private static <T> T or(T value, T fallback) {
        return value != null ? value : fallback;
    }
}
