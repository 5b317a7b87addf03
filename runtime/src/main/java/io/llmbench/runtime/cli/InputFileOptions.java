package io.llmbench.runtime.cli;

import io.llmbench.runtime.UserInputException;
import io.llmbench.runtime.dataset.file.CustomDatasetType;
import java.util.List;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/**
 * Options of datasets read from files and given inline: AIPerf's {@code --custom-dataset-type} and
 * {@code --isl-block-size}, and llmbench's {@code --prompt} (the {@code inline} dataset). The file
 * itself is {@code --input-file} ({@link CliOptions}). Documented in {@code docs/cli.md}.
 */
final class InputFileOptions {

    static final String CUSTOM_DATASET_TYPE = "custom-dataset-type";
    static final String ISL_BLOCK_SIZE = "isl-block-size";
    static final String PROMPT = "prompt";
    /** AIPerf's other names of {@code --isl-block-size}. */
    static final String[] BLOCK_SIZE_ALIASES = {"prompt-input-tokens-block-size", "synthetic-input-tokens-block-size"};

    /**
     * @param customDatasetType the format's name (checked), or {@code null} to detect it
     * @param islBlockSize tokens per hash id, or {@code null} for the format's default
     * @param prompts inline prompts, empty when none
     */
    record InputFileCli(String customDatasetType, Integer islBlockSize, List<String> prompts) {
        static InputFileCli none() {
            return new InputFileCli(null, null, List.of());
        }
    }

    private InputFileOptions() {
    }

    static void addTo(Options options) {
        options.addOption(Option.builder().longOpt(CUSTOM_DATASET_TYPE).hasArg().argName("TYPE")
                .desc("Format of --input-file: " + String.join(", ", CustomDatasetType.cliNames())
                        + ". Default: detected from the file.").get());
        options.addOption(Option.builder().longOpt(ISL_BLOCK_SIZE).hasArg().argName("TOKENS")
                .desc("Tokens per hash id of a trace. Default: 512 (16 for bailian_trace).").get());
        for (String alias : BLOCK_SIZE_ALIASES) {
            options.addOption(Option.builder().longOpt(alias).hasArg().argName("TOKENS")
                    .desc("Alias of --" + ISL_BLOCK_SIZE + ".").get());
        }
        options.addOption(Option.builder().longOpt(PROMPT).hasArg().argName("TEXT")
                .desc("A prompt sent as it is (the inline dataset); repeatable.").get());
    }

    static InputFileCli parse(CommandLine line) {
        String type = line.getOptionValue(CUSTOM_DATASET_TYPE);
        if (type != null) {
            type = CustomDatasetType.fromName(type).cliName();
        }
        Integer blockSize = null;
        String blockOption = SynthesisOptions.given(line, ISL_BLOCK_SIZE, BLOCK_SIZE_ALIASES[0], BLOCK_SIZE_ALIASES[1]);
        String block = line.getOptionValue(blockOption);
        if (block != null) {
            try {
                blockSize = Integer.parseInt(block.strip());
            } catch (NumberFormatException e) {
                blockSize = 0;
            }
            if (blockSize < 1) {
                throw new UserInputException("--" + blockOption + " '" + block + "' must be a whole number ≥ 1");
            }
        }
        String[] prompts = line.getOptionValues(PROMPT);
        List<String> inline = prompts == null ? List.of() : List.of(prompts);
        if (!inline.isEmpty() && (line.hasOption(CliOptions.INPUT_FILE) || line.hasOption(CliOptions.PUBLIC_DATASET))) {
            throw new UserInputException("--" + PROMPT + " gives the prompts itself, so it cannot be combined with --"
                    + CliOptions.INPUT_FILE + " or --" + CliOptions.PUBLIC_DATASET + ": drop one of them");
        }
        for (String prompt : inline) {
            if (prompt.isBlank()) {
                throw new UserInputException("--" + PROMPT + " is empty: give the prompt's text");
            }
        }
        return new InputFileCli(type, blockSize, inline);
    }
}
