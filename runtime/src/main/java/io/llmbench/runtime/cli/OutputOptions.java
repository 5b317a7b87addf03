package io.llmbench.runtime.cli;

import io.llmbench.runtime.UserInputException;
import io.llmbench.runtime.report.ExportLevel;
import io.llmbench.runtime.report.OutputSettings;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/**
 * Options about what a run writes and shows ({@code --export-level}, {@code --slice-duration},
 * {@code --quiet}, {@code --plots}) and the settings of the {@code compare} command.
 */
final class OutputOptions {

    static final String EXPORT_LEVEL = "export-level";
    static final String SLICE_DURATION = "slice-duration";
    static final String QUIET = "quiet";
    static final String PLOTS = "plots";
    static final String REGRESSION_THRESHOLD = "regression-threshold";
    static final String SIGNIFICANCE = "significance";

    /** The default {@code --regression-threshold}, percent. */
    static final double DEFAULT_THRESHOLD_PCT = 5.0;
    /** The default {@code --significance}. */
    static final double DEFAULT_SIGNIFICANCE = 0.05;

    /**
     * The parsed values.
     *
     * @param settings what a run writes and shows
     * @param regressionThresholdPct {@code compare}: a change worse than this (percent) is a regression
     * @param significance {@code compare}: the p-value below which a change is more than noise
     */
    record OutputCli(OutputSettings settings, double regressionThresholdPct, double significance) {

        static OutputCli defaults() {
            return new OutputCli(OutputSettings.defaults(), DEFAULT_THRESHOLD_PCT, DEFAULT_SIGNIFICANCE);
        }
    }

    private OutputOptions() {
    }

    static void addTo(Options options) {
        options.addOption(valued(EXPORT_LEVEL, "LEVEL", "What the run folder gets: summary (no per-request file), "
                + "records (default) or raw (records with request and response bodies)."));
        options.addOption(valued(SLICE_DURATION, "SECONDS",
                "Also export the metrics of consecutive windows of this many seconds (timeslices)."));
        options.addOption(Option.builder().longOpt(QUIET).desc("Show no live progress while a run sends.").get());
        options.addOption(Option.builder().longOpt(PLOTS)
                .desc("Also write PNG plots and a self-contained report.html into each run folder.").get());
        options.addOption(valued(REGRESSION_THRESHOLD, "PCT",
                "compare: a metric worse by more than this many percent is a regression. Default: 5."));
        options.addOption(valued(SIGNIFICANCE, "ALPHA",
                "compare: p-value below which a change is more than noise. Default: 0.05."));
    }

    static OutputCli parse(CommandLine line) {
        ExportLevel level = ExportLevel.RECORDS;
        if (line.hasOption(EXPORT_LEVEL)) {
            level = ExportLevel.fromCliName(line.getOptionValue(EXPORT_LEVEL).strip());
            if (level == null) {
                throw new UserInputException("--" + EXPORT_LEVEL + " '" + line.getOptionValue(EXPORT_LEVEL)
                        + "' is not a level: use one of " + Arrays.stream(ExportLevel.values())
                        .map(ExportLevel::cliName).collect(Collectors.joining(", ")));
            }
        }
        double slice = positiveDecimal(line, SLICE_DURATION, 0);
        OutputSettings settings = new OutputSettings(level, slice,
                line.hasOption(QUIET) ? OutputSettings.ProgressMode.QUIET : OutputSettings.ProgressMode.AUTO,
                line.hasOption(PLOTS));
        double threshold = positiveDecimal(line, REGRESSION_THRESHOLD, DEFAULT_THRESHOLD_PCT);
        double significance = positiveDecimal(line, SIGNIFICANCE, DEFAULT_SIGNIFICANCE);
        if (significance >= 1) {
            throw new UserInputException("--" + SIGNIFICANCE + " " + line.getOptionValue(SIGNIFICANCE)
                    + " is not a p-value: give a number between 0 and 1, e.g. 0.05");
        }
        return new OutputCli(settings, threshold, significance);
    }

    private static double positiveDecimal(CommandLine line, String option, double fallback) {
        if (!line.hasOption(option)) {
            return fallback;
        }
        String text = line.getOptionValue(option).strip();
        double value;
        try {
            value = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            value = Double.NaN;
        }
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new UserInputException("--" + option + " '" + text + "' is not a positive number: give e.g. 10");
        }
        return value;
    }

    private static Option valued(String longName, String argName, String description) {
        return Option.builder().longOpt(longName).hasArg().argName(argName).desc(description).get();
    }
}
