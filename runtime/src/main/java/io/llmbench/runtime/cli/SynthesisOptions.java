package io.llmbench.runtime.cli;

import io.llmbench.runtime.UserInputException;
import io.llmbench.runtime.dataset.synthesis.SequenceDistribution;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/**
 * AIPerf's options that shape synthetic inputs beyond their mean lengths: output-length spread,
 * sequence-length distributions, shared prefixes, image spread and batches, and synthetic audio.
 * Documented in {@code docs/cli.md}.
 */
final class SynthesisOptions {

    static final String OSL_STDDEV = "osl-stddev";
    static final String OUTPUT_TOKENS_STDDEV = "output-tokens-stddev";
    static final String SEQ_DIST = "seq-dist";
    static final String SEQUENCE_DISTRIBUTION = "sequence-distribution";
    static final String PROMPT_OUTPUT_TOKENS_STDDEV = "prompt-output-tokens-stddev";
    static final String NUM_PREFIX_PROMPTS = "num-prefix-prompts";
    static final String PROMPT_PREFIX_POOL_SIZE = "prompt-prefix-pool-size";
    static final String PREFIX_PROMPT_POOL_SIZE = "prefix-prompt-pool-size";
    static final String PROMPT_PREFIX_LENGTH = "prompt-prefix-length";
    static final String PREFIX_PROMPT_LENGTH = "prefix-prompt-length";
    static final String SHARED_SYSTEM_PROMPT_LENGTH = "shared-system-prompt-length";
    static final String USER_CONTEXT_PROMPT_LENGTH = "user-context-prompt-length";
    static final String IMAGE_WIDTH_STDDEV = "image-width-stddev";
    static final String IMAGE_HEIGHT_STDDEV = "image-height-stddev";
    static final String IMAGE_BATCH_SIZE = "image-batch-size";
    static final String AUDIO_LENGTH_MEAN = "audio-length-mean";
    static final String AUDIO_LENGTH_STDDEV = "audio-length-stddev";
    static final String AUDIO_FORMAT = "audio-format";
    static final String AUDIO_SAMPLE_RATES = "audio-sample-rates";
    static final String AUDIO_DEPTHS = "audio-depths";
    static final String AUDIO_NUM_CHANNELS = "audio-num-channels";
    static final String AUDIO_BATCH_SIZE = "audio-batch-size";

    /** The options given; {@code null} (or empty) where an option was not given. */
    record SynthesisCli(Integer outputTokensStddev, String sequenceDistribution, Integer numPrefixPrompts,
            Integer prefixPromptLength, Integer sharedSystemPromptLength, Integer userContextPromptLength,
            Integer imageWidthStddev, Integer imageHeightStddev, Integer imageBatchSize, Double audioLengthMean,
            Double audioLengthStddev, String audioFormat, List<Double> audioSampleRatesKhz, List<Integer> audioDepths,
            Integer audioNumChannels, Integer audioBatchSize) {
        static SynthesisCli none() {
            return new SynthesisCli(null, null, null, null, null, null, null, null, null, null, null, null,
                    List.of(), List.of(), null, null);
        }
    }

    private SynthesisOptions() {
    }

    static void addTo(Options options) {
        valued(options, OSL_STDDEV, "N", "Standard deviation of per-request max_tokens. Default: 0.");
        valued(options, OUTPUT_TOKENS_STDDEV, "N", "Alias of --" + OSL_STDDEV + ".");
        valued(options, PROMPT_OUTPUT_TOKENS_STDDEV, "N", "Alias of --" + OSL_STDDEV + ".");
        valued(options, SEQ_DIST, "\"ISL,OSL:PCT;...\"",
                "Mix of input/output lengths, e.g. \"128,64:60;1024,256:40\" (ISL|STDDEV allowed).");
        valued(options, SEQUENCE_DISTRIBUTION, "SPEC", "Alias of --" + SEQ_DIST + ".");
        valued(options, NUM_PREFIX_PROMPTS, "N", "Distinct shared prefixes prompts start with. Default: 0.");
        valued(options, PREFIX_PROMPT_LENGTH, "TOKENS", "Length of each shared prefix.");
        // AIPerf's own names of the two prefix options; the ones above are GenAI-Perf's, which it keeps.
        valued(options, PROMPT_PREFIX_POOL_SIZE, "N", "Alias of --" + NUM_PREFIX_PROMPTS + ".");
        valued(options, PREFIX_PROMPT_POOL_SIZE, "N", "Alias of --" + NUM_PREFIX_PROMPTS + ".");
        valued(options, PROMPT_PREFIX_LENGTH, "TOKENS", "Alias of --" + PREFIX_PROMPT_LENGTH + ".");
        valued(options, SHARED_SYSTEM_PROMPT_LENGTH, "TOKENS", "One system prompt sent before every prompt.");
        valued(options, USER_CONTEXT_PROMPT_LENGTH, "TOKENS", "A context prompt of its own per dataset entry.");
        valued(options, IMAGE_WIDTH_STDDEV, "PX", "Standard deviation of synthetic image widths. Default: 0.");
        valued(options, IMAGE_HEIGHT_STDDEV, "PX", "Standard deviation of synthetic image heights. Default: 0.");
        valued(options, IMAGE_BATCH_SIZE, "N", "Images per synthetic-vision request. Default: 1.");
        valued(options, AUDIO_LENGTH_MEAN, "SECONDS", "Mean length of synthetic audio; > 0 adds audio to prompts.");
        valued(options, AUDIO_LENGTH_STDDEV, "SECONDS", "Standard deviation of audio lengths. Default: 0.");
        valued(options, AUDIO_FORMAT, "FORMAT", "Synthetic audio format: wav (mp3 is refused). Default: wav.");
        valued(options, AUDIO_SAMPLE_RATES, "KHZ[,KHZ...]", "Sample rates to pick from, in kHz. Default: 16.");
        valued(options, AUDIO_DEPTHS, "BITS[,BITS...]", "Bit depths to pick from (8, 16, 24, 32). Default: 16.");
        valued(options, AUDIO_NUM_CHANNELS, "N", "1 (mono) or 2 (stereo). Default: 1.");
        valued(options, AUDIO_BATCH_SIZE, "N", "Audio clips per request. Default: 1.");
    }

    static SynthesisCli parse(CommandLine line) {
        String seqDist = aliased(line, SEQ_DIST, SEQUENCE_DISTRIBUTION);
        if (seqDist != null) {
            SequenceDistribution.parse(seqDist); // fails now, with the option's name, rather than at run time
        }
        String stddevOption = given(line, OSL_STDDEV, OUTPUT_TOKENS_STDDEV, PROMPT_OUTPUT_TOKENS_STDDEV);
        String format = line.getOptionValue(AUDIO_FORMAT);
        if (format != null) {
            format = format.strip().toLowerCase(Locale.ROOT);
            if (!format.equals("wav") && !format.equals("mp3")) {
                throw new UserInputException("--" + AUDIO_FORMAT + " '" + line.getOptionValue(AUDIO_FORMAT)
                        + "' is not supported: use wav");
            }
        }
        Integer channels = whole(line, AUDIO_NUM_CHANNELS, 1);
        if (channels != null && channels > 2) {
            throw new UserInputException("--" + AUDIO_NUM_CHANNELS + " '" + channels + "' must be 1 or 2");
        }
        List<Integer> depths = new ArrayList<>();
        for (double depth : decimals(line, AUDIO_DEPTHS)) {
            if (depth != 8 && depth != 16 && depth != 24 && depth != 32) {
                throw new UserInputException("--" + AUDIO_DEPTHS + " holds " + depth + ": use 8, 16, 24 or 32");
            }
            depths.add((int) depth);
        }
        return new SynthesisCli(whole(line, stddevOption, 0), seqDist, whole(line,
                given(line, NUM_PREFIX_PROMPTS, PROMPT_PREFIX_POOL_SIZE, PREFIX_PROMPT_POOL_SIZE), 0),
                whole(line, given(line, PREFIX_PROMPT_LENGTH, PROMPT_PREFIX_LENGTH), 1), whole(line, SHARED_SYSTEM_PROMPT_LENGTH, 0),
                whole(line, USER_CONTEXT_PROMPT_LENGTH, 0), whole(line, IMAGE_WIDTH_STDDEV, 0),
                whole(line, IMAGE_HEIGHT_STDDEV, 0), whole(line, IMAGE_BATCH_SIZE, 1),
                decimal(line, AUDIO_LENGTH_MEAN), decimal(line, AUDIO_LENGTH_STDDEV), format,
                decimals(line, AUDIO_SAMPLE_RATES), depths, channels, whole(line, AUDIO_BATCH_SIZE, 1));
    }

    private static void valued(Options options, String name, String arg, String description) {
        options.addOption(Option.builder().longOpt(name).hasArg().argName(arg).desc(description).get());
    }

    /** The one of {@code names} (an option and its aliases) that was given, else the first; two are an error. */
    static String given(CommandLine line, String... names) {
        String found = null;
        for (String name : names) {
            if (line.hasOption(name)) {
                if (found != null) {
                    throw new UserInputException("--" + found + " and --" + name + " are the same option: give one"
                            + " of them");
                }
                found = name;
            }
        }
        return found != null ? found : names[0];
    }

    private static String aliased(CommandLine line, String option, String alias) {
        if (line.hasOption(option) && line.hasOption(alias)) {
            throw new UserInputException("--" + option + " and --" + alias + " are the same option: give one of them");
        }
        return line.getOptionValue(line.hasOption(alias) ? alias : option);
    }

    static Integer whole(CommandLine line, String option, int min) {
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

    static Double decimal(CommandLine line, String option) {
        String value = line.getOptionValue(option);
        if (value == null) {
            return null;
        }
        try {
            double number = Double.parseDouble(value.strip());
            if (number >= 0 && !Double.isInfinite(number)) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UserInputException("--" + option + " '" + value + "' must be a number ≥ 0");
    }

    private static List<Double> decimals(CommandLine line, String option) {
        String value = line.getOptionValue(option);
        List<Double> numbers = new ArrayList<>();
        if (value == null) {
            return numbers;
        }
        for (String part : value.split(",")) {
            try {
                double number = Double.parseDouble(part.strip());
                if (number > 0 && !Double.isInfinite(number)) {
                    numbers.add(number);
                    continue;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new UserInputException("--" + option + " '" + value + "' must be a comma-separated list of numbers > 0");
        }
        return numbers;
    }
}
