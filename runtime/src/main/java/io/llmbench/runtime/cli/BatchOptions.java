package io.llmbench.runtime.cli;

import io.llmbench.runtime.UserInputException;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/**
 * AIPerf's options for several texts per request: the text batch size of embeddings requests
 * ({@code -b}, {@code --prompt-batch-size}, {@code --batch-size-text}, {@code --batch-size}) and the
 * shape of synthetic rankings requests ({@code --rankings-*}). Documented in {@code docs/cli.md}.
 */
final class BatchOptions {

    static final String PROMPT_BATCH_SIZE = "prompt-batch-size";
    static final String BATCH_SIZE_TEXT = "batch-size-text";
    static final String BATCH_SIZE = "batch-size";
    static final String PASSAGES_MEAN = "rankings-passages-mean";
    static final String PASSAGES_STDDEV = "rankings-passages-stddev";
    static final String PASSAGE_TOKENS_MEAN = "rankings-passages-prompt-token-mean";
    static final String PASSAGE_TOKENS_STDDEV = "rankings-passages-prompt-token-stddev";
    static final String QUERY_TOKENS_MEAN = "rankings-query-prompt-token-mean";
    static final String QUERY_TOKENS_STDDEV = "rankings-query-prompt-token-stddev";

    /**
     * The options given; {@code null} where an option was not given.
     *
     * @param batchOption the name the batch size was given under, for messages
     */
    record BatchCli(Integer batchSize, String batchOption, Integer passagesMean, Integer passagesStddev,
            Integer passageTokensMean, Integer passageTokensStddev, Integer queryTokensMean,
            Integer queryTokensStddev) {

        static BatchCli none() {
            return new BatchCli(null, null, null, null, null, null, null, null);
        }

        /** Whether any {@code --rankings-*} option was given. */
        boolean anyRankings() {
            return passagesMean != null || passagesStddev != null || passageTokensMean != null
                    || passageTokensStddev != null || queryTokensMean != null || queryTokensStddev != null;
        }
    }

    private BatchOptions() {
    }

    static void addTo(Options options) {
        options.addOption(Option.builder("b").longOpt(PROMPT_BATCH_SIZE).hasArg().argName("N")
                .desc("Texts per embeddings request. Default: 1.").get());
        valued(options, BATCH_SIZE_TEXT, "N", "Alias of --" + PROMPT_BATCH_SIZE + ".");
        valued(options, BATCH_SIZE, "N", "Alias of --" + PROMPT_BATCH_SIZE + ".");
        valued(options, PASSAGES_MEAN, "N", "Mean passages per synthetic rankings request. Default: 1.");
        valued(options, PASSAGES_STDDEV, "N", "Standard deviation of passages per rankings request. Default: 0.");
        valued(options, PASSAGE_TOKENS_MEAN, "TOKENS", "Mean passage length in tokens. Default: 550.");
        valued(options, PASSAGE_TOKENS_STDDEV, "TOKENS", "Standard deviation of passage lengths. Default: 0.");
        valued(options, QUERY_TOKENS_MEAN, "TOKENS", "Mean rankings query length in tokens. Default: 550.");
        valued(options, QUERY_TOKENS_STDDEV, "TOKENS", "Standard deviation of query lengths. Default: 0.");
    }

    static BatchCli parse(CommandLine line) {
        String batchOption = null;
        for (String name : new String[] {PROMPT_BATCH_SIZE, BATCH_SIZE_TEXT, BATCH_SIZE}) {
            if (line.hasOption(name)) {
                if (batchOption != null) {
                    throw new UserInputException("--" + batchOption + " and --" + name
                            + " are the same option: give one of them");
                }
                batchOption = name;
            }
        }
        return new BatchCli(batchOption == null ? null : whole(line, batchOption, 1), batchOption,
                whole(line, PASSAGES_MEAN, 1), whole(line, PASSAGES_STDDEV, 0),
                whole(line, PASSAGE_TOKENS_MEAN, 1), whole(line, PASSAGE_TOKENS_STDDEV, 0),
                whole(line, QUERY_TOKENS_MEAN, 1), whole(line, QUERY_TOKENS_STDDEV, 0));
    }

    private static void valued(Options options, String name, String arg, String description) {
        options.addOption(Option.builder().longOpt(name).hasArg().argName(arg).desc(description).get());
    }

    private static Integer whole(CommandLine line, String option, int min) {
        String value = line.getOptionValue(option);
        if (value == null) {
            return null;
        }
        try {
            int number = Integer.parseInt(value.strip());
            if (number >= min) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UserInputException("--" + option + " '" + value + "' must be a whole number ≥ " + min);
    }
}
