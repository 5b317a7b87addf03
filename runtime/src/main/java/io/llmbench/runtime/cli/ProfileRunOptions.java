package io.llmbench.runtime.cli;

import io.llmbench.runtime.UserInputException;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/**
 * AIPerf's options of repeated runs beside {@code --num-profile-runs}: the cooldown between runs, the
 * confidence level of the interval over them, whether warmup runs before the first run only, and
 * whether every run uses the same seed. Documented in {@code docs/cli.md}, section "Repeated runs".
 */
final class ProfileRunOptions {

    static final String COOLDOWN = "profile-run-cooldown-seconds";
    static final String CONFIDENCE_LEVEL = "confidence-level";
    static final String DISABLE_WARMUP_AFTER_FIRST = "profile-run-disable-warmup-after-first";
    static final String NO_DISABLE_WARMUP_AFTER_FIRST = "no-" + DISABLE_WARMUP_AFTER_FIRST;
    static final String CONSISTENT_SEED = "set-consistent-seed";
    static final String NO_CONSISTENT_SEED = "no-" + CONSISTENT_SEED;

    private ProfileRunOptions() {
    }

    static void addTo(Options options) {
        options.addOption(Option.builder().longOpt(COOLDOWN).hasArg().argName("SECONDS")
                .desc("Repeated runs: pause this long between one run and the next (none after the last). "
                        + "Default: 0.").get());
        options.addOption(Option.builder().longOpt(CONFIDENCE_LEVEL).hasArg().argName("LEVEL")
                .desc("Repeated runs: level of the confidence interval over the runs, between 0 and 1 "
                        + "(0.90, 0.95, 0.99...). Default: 0.95.").get());
        options.addOption(Option.builder().longOpt(DISABLE_WARMUP_AFTER_FIRST)
                .desc("Repeated runs: warmup before the first run only (the default).").get());
        options.addOption(Option.builder().longOpt(NO_DISABLE_WARMUP_AFTER_FIRST)
                .desc("Repeated runs: warmup before every run.").get());
        options.addOption(Option.builder().longOpt(CONSISTENT_SEED)
                .desc("Repeated runs: every run with the same seed, hence the same workload (the default).").get());
        options.addOption(Option.builder().longOpt(NO_CONSISTENT_SEED)
                .desc("Repeated runs: without --random-seed, each run with a seed of its own (run i: seed + i - 1).")
                .get());
    }

    static ProfileRunCli parse(CommandLine line) {
        Double cooldown = null;
        String value = line.getOptionValue(COOLDOWN);
        if (value != null) {
            cooldown = number(COOLDOWN, value);
            if (!(cooldown >= 0) || cooldown.isInfinite()) {
                throw new UserInputException("--" + COOLDOWN + " '" + value + "' must be a number of seconds ≥ 0");
            }
        }
        Double level = null;
        value = line.getOptionValue(CONFIDENCE_LEVEL);
        if (value != null) {
            level = number(CONFIDENCE_LEVEL, value);
            if (!(level > 0 && level < 1)) {
                throw new UserInputException("--" + CONFIDENCE_LEVEL + " '" + value
                        + "' must be between 0 and 1 (exclusive), e.g. 0.95 for a 95% interval");
            }
        }
        return new ProfileRunCli(cooldown, level,
                flag(line, DISABLE_WARMUP_AFTER_FIRST, NO_DISABLE_WARMUP_AFTER_FIRST),
                flag(line, CONSISTENT_SEED, NO_CONSISTENT_SEED));
    }

    /** {@code true}, {@code false} or {@code null} (neither form given). */
    private static Boolean flag(CommandLine line, String yes, String no) {
        if (line.hasOption(yes) && line.hasOption(no)) {
            throw new UserInputException("--" + yes + " and --" + no + " contradict each other: give one of them");
        }
        return line.hasOption(yes) ? Boolean.TRUE : line.hasOption(no) ? Boolean.FALSE : null;
    }

    private static double number(String option, String value) {
        try {
            return Double.parseDouble(value.strip());
        } catch (NumberFormatException e) {
            throw new UserInputException("--" + option + " '" + value + "' is not a number");
        }
    }

    /**
     * The repeated-run options given; {@code null} where not given.
     *
     * @param cooldownSeconds {@code --profile-run-cooldown-seconds}
     * @param confidenceLevel {@code --confidence-level}
     * @param disableWarmupAfterFirst {@code --[no-]profile-run-disable-warmup-after-first}
     * @param consistentSeed {@code --[no-]set-consistent-seed}
     */
    record ProfileRunCli(Double cooldownSeconds, Double confidenceLevel, Boolean disableWarmupAfterFirst,
            Boolean consistentSeed) {

        /** No option given. */
        static ProfileRunCli none() {
            return new ProfileRunCli(null, null, null, null);
        }
    }
}
