package io.llmbench.runtime.cli;

import io.llmbench.runtime.UserInputException;
import java.util.List;

/**
 * The command line's say on each sweep list: {@code -p name=v1,v2} or the setting's own option
 * ({@code --concurrency 1,4}); giving both for one setting is a contradiction.
 */
final class SweepOverrides {

    private final CliSettings cli;

    SweepOverrides(CliSettings cli) {
        this.cli = cli;
    }

    /** The command line's list for {@code parameter}, empty when it gives none. */
    int[] ints(SweepParameter parameter, int[] fromOption) {
        List<String> fromParameter = fromParameter(parameter, fromOption.length > 0);
        return fromParameter == null ? fromOption : parameter.ints(fromParameter);
    }

    /** The command line's rates: {@code -p requestRate=...}, else {@code --request-rate}'s (empty when neither). */
    double[] doubles(SweepParameter parameter, double[] fromOption) {
        List<String> fromParameter = fromParameter(parameter, fromOption.length > 0);
        return fromParameter == null ? fromOption : parameter.doubles(fromParameter);
    }

    /**
     * The command line's list of {@code -p} for {@code parameter}, or {@code null} when it gives none.
     *
     * @param optionGiven whether the setting's own option was given too (a contradiction)
     */
    List<String> strings(SweepParameter parameter, boolean optionGiven) {
        return fromParameter(parameter, optionGiven);
    }

    /** The synthesis options with {@code -p audioSampleRates=...} and {@code -p audioDepths=...} laid in. */
    SynthesisOptions.SynthesisCli audio(SynthesisOptions.SynthesisCli given) {
        List<String> rates = fromParameter(SweepParameter.AUDIO_SAMPLE_RATES, !given.audioSampleRatesKhz().isEmpty());
        List<String> depths = fromParameter(SweepParameter.AUDIO_DEPTHS, !given.audioDepths().isEmpty());
        if (rates == null && depths == null) {
            return given;
        }
        return new SynthesisOptions.SynthesisCli(given.outputTokensStddev(), given.sequenceDistribution(),
                given.numPrefixPrompts(), given.prefixPromptLength(), given.sharedSystemPromptLength(),
                given.userContextPromptLength(), given.imageWidthStddev(), given.imageHeightStddev(),
                given.imageBatchSize(), given.audioLengthMean(), given.audioLengthStddev(), given.audioFormat(),
                rates == null ? given.audioSampleRatesKhz() : rates.stream().map(Double::valueOf).toList(),
                depths == null ? given.audioDepths() : depths.stream().map(Integer::valueOf).toList(),
                given.audioNumChannels(), given.audioBatchSize());
    }

    /** The streaming values: {@code -p streaming=...}, then the option, then the annotation, then the default. */
    boolean[] booleans(SweepParameter parameter, Boolean fromOption, boolean[] annotated, boolean fallback) {
        List<String> fromParameter = fromParameter(parameter, fromOption != null);
        if (fromParameter != null) {
            return parameter.booleans(fromParameter);
        }
        if (fromOption != null) {
            return new boolean[] {fromOption};
        }
        return annotated.length > 0 ? annotated : new boolean[] {fallback};
    }

    private List<String> fromParameter(SweepParameter parameter, boolean optionGiven) {
        SelectionCli selection = cli.selection();
        List<String> values = selection == null ? null : selection.parameters().get(parameter);
        if (values != null && optionGiven) {
            throw new UserInputException("-p " + parameter.attribute() + " and the option that sets "
                    + parameter.attribute() + " contradict each other: give one of them");
        }
        return values;
    }
}
