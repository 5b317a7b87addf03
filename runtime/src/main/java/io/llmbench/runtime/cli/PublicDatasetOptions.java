package io.llmbench.runtime.cli;

import io.llmbench.runtime.UserInputException;
import io.llmbench.runtime.dataset.hub.SamplingStrategy;
import java.util.Arrays;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/**
 * The options of public (Hugging Face Hub) datasets, named as AIPerf's: the sampling strategy and
 * the offline switch. {@code --public-dataset}, {@code --num-dataset-entries} and
 * {@code --random-seed} are the runner's general options. Documented in {@code docs/cli.md}.
 */
final class PublicDatasetOptions {

    static final String SAMPLING_STRATEGY = "dataset-sampling-strategy";
    static final String OFFLINE = "offline";

    /**
     * What the command line said; {@code null} where an option was not given.
     *
     * @param samplingStrategy the strategy's command-line name, or {@code null}
     * @param offline whether {@code --offline} was given
     */
    record PublicDatasetCli(String samplingStrategy, boolean offline) {

        /** No option given. */
        static PublicDatasetCli none() {
            return new PublicDatasetCli(null, false);
        }
    }

    private PublicDatasetOptions() {
    }

    static void addTo(Options options) {
        options.addOption(Option.builder().longOpt(SAMPLING_STRATEGY).hasArg().argName("STRATEGY")
                .desc("Order of a public dataset's rows: sequential, random (with replacement) or shuffle."
                        + " Default: sequential.")
                .get());
        options.addOption(Option.builder().longOpt(OFFLINE)
                .desc("Never contact the Hugging Face Hub: use cached dataset and tokenizer files only"
                        + " (as HF_HUB_OFFLINE=1).")
                .get());
    }

    static PublicDatasetCli parse(CommandLine line) {
        String strategy = line.getOptionValue(SAMPLING_STRATEGY);
        if (strategy != null && SamplingStrategy.fromCliName(strategy) == null) {
            throw new UserInputException("--" + SAMPLING_STRATEGY + " '" + strategy + "' is not supported: use one of "
                    + Arrays.stream(SamplingStrategy.values()).map(SamplingStrategy::cliName).toList());
        }
        return new PublicDatasetCli(strategy == null ? null : SamplingStrategy.fromCliName(strategy).cliName(),
                line.hasOption(OFFLINE));
    }
}
