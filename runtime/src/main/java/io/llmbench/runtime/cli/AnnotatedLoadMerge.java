package io.llmbench.runtime.cli;

import io.llmbench.runtime.UserInputException;
import io.llmbench.runtime.spec.AnnotatedLoad;
import io.llmbench.runtime.spec.ArrivalPattern;
import java.time.Duration;
import java.util.Locale;

/**
 * Lays a benchmark's {@code @Load} settings under the command line's load options, per attribute
 * (the command line wins; a {@code requestRate} list is a sweep as a {@code --request-rate} list
 * is), so that {@link LoadResolver} sees one set of load settings and applies the defaults.
 */
final class AnnotatedLoadMerge {

    private AnnotatedLoadMerge() {
    }

    static LoadOptions.LoadCli merge(LoadOptions.LoadCli cli, AnnotatedLoad annotated) {
        return merge(cli, cli.requestRates(), annotated);
    }

    /** As {@link #merge(LoadOptions.LoadCli, AnnotatedLoad)}, with the command line's rates given apart ({@code -p}). */
    static LoadOptions.LoadCli merge(LoadOptions.LoadCli cli, double[] cliRates, AnnotatedLoad annotated) {
        double[] rates = cliRates.length > 0 ? cliRates : annotated.requestRate();
        ArrivalPattern pattern = cli.arrivalPattern() != null ? cli.arrivalPattern() : pattern(annotated);
        Double smoothness = cli.arrivalSmoothness() != null ? cli.arrivalSmoothness()
                : decimal(annotated.arrivalSmoothness());
        if (cli.arrivalPattern() != null && cli.arrivalSmoothness() == null && pattern != ArrivalPattern.GAMMA) {
            // --arrival-pattern replaced the annotated gamma: its smoothness no longer applies.
            smoothness = null;
        }
        if (smoothness != null && pattern == null) {
            pattern = ArrivalPattern.GAMMA;
        }
        // The command line has no "no fixed schedule" option: the annotation's value stands unless it says so.
        boolean fixed = cli.fixedSchedule()
                || annotated.fixedSchedule().length > 0 && annotated.fixedSchedule()[0];
        if (fixed && rates.length > 0) {
            throw new UserInputException("a fixed schedule (--fixed-schedule or @Load(fixedSchedule)) sends at the "
                    + "dataset's timestamps, so it cannot be combined with a request rate (--request-rate or "
                    + "@Load(requestRate)): drop one of them");
        }
        // An offset option replaces the annotated start (auto offset and a start offset exclude each other).
        boolean startGiven = cli.fixedScheduleAutoOffset() || cli.fixedScheduleStartOffsetMs() >= 0;
        boolean autoOffset = startGiven ? cli.fixedScheduleAutoOffset()
                : annotated.fixedScheduleAutoOffset().length > 0 && annotated.fixedScheduleAutoOffset()[0];
        long startOffset = startGiven ? cli.fixedScheduleStartOffsetMs() : offset(annotated.fixedScheduleStartOffset());
        LoadOptions.LoadCli merged = new LoadOptions.LoadCli(rates, pattern, smoothness,
                first(cli.benchmarkDuration(), seconds(annotated.benchmarkDuration())),
                first(cli.gracePeriod(), grace(annotated.benchmarkGracePeriod())),
                first(cli.warmupDuration(), seconds(annotated.warmupDuration())),
                first(cli.warmupConcurrency(), whole(annotated.warmupConcurrency())),
                first(cli.warmupRequestRate(), decimal(annotated.warmupRequestRate())),
                first(cli.warmupArrivalPattern(), pattern(annotated.warmupArrivalPattern())),
                first(cli.warmupGracePeriod(), grace(annotated.warmupGracePeriod())),
                first(cli.concurrencyRamp(), seconds(annotated.concurrencyRampDuration())),
                first(cli.requestRateRamp(), seconds(annotated.requestRateRampDuration())),
                first(cli.cancellationRate(), decimal(annotated.requestCancellationRate())),
                first(cli.cancellationDelay(), seconds(annotated.requestCancellationDelay())),
                first(cli.numProfileRuns(), whole(annotated.numProfileRuns())),
                fixed, autoOffset, startOffset,
                cli.fixedScheduleEndOffsetMs() >= 0 ? cli.fixedScheduleEndOffsetMs()
                        : offset(annotated.fixedScheduleEndOffset()),
                cli.numRequests(), cli.numWarmupRequests(),
                first(cli.prefillConcurrency(), whole(annotated.prefillConcurrency())));
        LoadOptions.checkNeeded(merged);
        return merged;
    }

    private static ArrivalPattern pattern(AnnotatedLoad annotated) {
        return pattern(annotated.arrivalPattern());
    }

    private static ArrivalPattern pattern(io.llmbench.annotations.ArrivalPattern annotated) {
        return annotated == io.llmbench.annotations.ArrivalPattern.UNSET ? null
                : ArrivalPattern.valueOf(annotated.name().toUpperCase(Locale.ROOT));
    }

    /** An annotated offset in ms, or {@code -1} (the command line's "not given") when unset. */
    private static long offset(int value) {
        return value == io.llmbench.annotations.LlmBenchmark.UNSET ? -1 : value;
    }

    private static Double decimal(double value) {
        return Double.isNaN(value) ? null : value;
    }

    private static Integer whole(int value) {
        return value == io.llmbench.annotations.LlmBenchmark.UNSET ? null : value;
    }

    private static Duration seconds(double value) {
        return Double.isNaN(value) ? null : Duration.ofNanos(Math.round(value * 1e9));
    }

    private static Duration grace(double value) {
        return Double.isInfinite(value) ? LoadOptions.WAIT_FOR_ALL : seconds(value);
    }

    private static <T> T first(T given, T annotated) {
        return given != null ? given : annotated;
    }
}
