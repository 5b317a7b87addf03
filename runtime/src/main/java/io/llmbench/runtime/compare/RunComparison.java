package io.llmbench.runtime.compare;

import io.llmbench.runtime.metrics.MetricKind;
import io.llmbench.runtime.metrics.MetricTag;
import io.llmbench.runtime.report.ResultFolder;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * Compares a candidate with a baseline, metric by metric; each side is one run or several runs of
 * the same point (repeated runs, e.g. of {@code --num-profile-runs}). A metric's value on a side is
 * the mean of its runs' means. For a per-request metric, when the folders have their records, a
 * Mann-Whitney U test on the per-request values of all of a side's runs (for the inter-chunk
 * latency: every gap) decides whether the change is more than noise; a run-level metric
 * (throughputs) has one value per run, so with two or more runs on each side Welch's t-test on
 * those values decides, and with fewer only the threshold judges. A change worse than the threshold
 * (and, where tested, with a p-value below the significance level) is a regression.
 */
public final class RunComparison {

    /** Metrics that describe the workload rather than the server's performance: shown, never judged. */
    private static final Set<MetricTag> WORKLOAD = Set.of(MetricTag.INPUT_SEQUENCE_LENGTH,
            MetricTag.OUTPUT_SEQUENCE_LENGTH, MetricTag.REQUEST_COUNT, MetricTag.TOTAL_ISL, MetricTag.TOTAL_OSL,
            MetricTag.BENCHMARK_DURATION, MetricTag.USAGE_PROMPT_TOKENS, MetricTag.USAGE_COMPLETION_TOKENS,
            MetricTag.USAGE_REASONING_TOKENS, MetricTag.TOTAL_USAGE_PROMPT_TOKENS,
            MetricTag.TOTAL_USAGE_COMPLETION_TOKENS, MetricTag.GOOD_REQUEST_COUNT, MetricTag.SCHEDULE_LAG,
            MetricTag.CANCELLED_REQUEST_COUNT);

    private RunComparison() {
    }

    /**
     * The changes of every metric both runs have, in metric order.
     *
     * @param thresholdPct a change larger than this, percent, counts
     * @param significance the p-value below which a tested change is more than noise
     */
    public static List<MetricChange> compare(ResultFolder baseline, ResultFolder candidate, double thresholdPct,
            double significance) {
        return compare(List.of(baseline), List.of(candidate), thresholdPct, significance);
    }

    /**
     * As {@link #compare(ResultFolder, ResultFolder, double, double)}, with one or more runs on each side.
     */
    public static List<MetricChange> compare(List<ResultFolder> baseline, List<ResultFolder> candidate,
            double thresholdPct, double significance) {
        List<MetricChange> changes = new ArrayList<>();
        for (MetricTag tag : MetricTag.values()) {
            if (tag == MetricTag.ERROR_REQUEST_COUNT) {
                errorRateChange(baseline, candidate, thresholdPct, significance).ifPresent(changes::add);
                continue;
            }
            double[] before = runMeans(baseline, tag);
            double[] after = runMeans(candidate, tag);
            if (before.length == 0 || after.length == 0) {
                continue;
            }
            double b = java.util.Arrays.stream(before).average().orElseThrow();
            double a = java.util.Arrays.stream(after).average().orElseThrow();
            double change = b == 0 ? (a == 0 ? 0 : Double.NaN) : (a - b) / Math.abs(b) * 100;
            double p = tag.kind() == MetricKind.RUN_LEVEL ? WelchTest.pValue(before, after)
                    : MannWhitneyTest.pValue(values(baseline, tag), values(candidate, tag));
            changes.add(new MetricChange(tag, "avg", b, a, change, p,
                    verdict(tag, change, p, thresholdPct, significance)));
        }
        return changes;
    }

    /**
     * The error count is judged as a rate (percent of the requests that succeeded or failed), so that
     * runs of different lengths compare: its change is in percentage points, its p-value from
     * {@link ErrorRateTest}, and a rise beyond the threshold (in points) is a regression.
     */
    private static Optional<MetricChange> errorRateChange(List<ResultFolder> baseline, List<ResultFolder> candidate,
            double thresholdPct, double significance) {
        if (runMeans(baseline, MetricTag.ERROR_REQUEST_COUNT).length == 0
                || runMeans(candidate, MetricTag.ERROR_REQUEST_COUNT).length == 0) {
            return Optional.empty();
        }
        // The runs of a side together: their errors of their requests.
        long eb = total(baseline, MetricTag.ERROR_REQUEST_COUNT);
        long ea = total(candidate, MetricTag.ERROR_REQUEST_COUNT);
        long sentBefore = eb + total(baseline, MetricTag.REQUEST_COUNT);
        long sentAfter = ea + total(candidate, MetricTag.REQUEST_COUNT);
        double rateBefore = sentBefore == 0 ? 0 : 100.0 * eb / sentBefore;
        double rateAfter = sentAfter == 0 ? 0 : 100.0 * ea / sentAfter;
        double points = rateAfter - rateBefore;
        double p = ErrorRateTest.pValue(eb, sentBefore, ea, sentAfter);
        Verdict verdict;
        if (Math.abs(points) <= thresholdPct) {
            verdict = Verdict.UNCHANGED;
        } else if (!Double.isNaN(p) && p >= significance) {
            verdict = Verdict.NOISE;
        } else {
            verdict = points > 0 ? Verdict.REGRESSION : Verdict.IMPROVEMENT;
        }
        return Optional.of(new MetricChange(MetricTag.ERROR_REQUEST_COUNT, "rate %", rateBefore, rateAfter,
                points, p, verdict));
    }

    private static Verdict verdict(MetricTag tag, double changePct, double p, double thresholdPct,
            double significance) {
        if (WORKLOAD.contains(tag)) {
            return Verdict.INFO;
        }
        if (!Double.isNaN(changePct) && Math.abs(changePct) <= thresholdPct) {
            return Verdict.UNCHANGED;
        }
        if (!Double.isNaN(p) && p >= significance) {
            return Verdict.NOISE;
        }
        boolean worse = Double.isNaN(changePct) || (tag.isLargerBetter() ? changePct < 0 : changePct > 0);
        return worse ? Verdict.REGRESSION : Verdict.IMPROVEMENT;
    }

    /** The mean of {@code tag} in each run that has it. */
    private static double[] runMeans(List<ResultFolder> runs, MetricTag tag) {
        return runs.stream().map(run -> run.stat(tag, "avg")).filter(OptionalDouble::isPresent)
                .mapToDouble(OptionalDouble::getAsDouble).toArray();
    }

    /** The per-request values of {@code tag} of every run, together. */
    private static double[] values(List<ResultFolder> runs, MetricTag tag) {
        return runs.stream().flatMapToDouble(run -> java.util.Arrays.stream(run.values(tag))).toArray();
    }

    /** A count summed over the runs. */
    private static long total(List<ResultFolder> runs, MetricTag tag) {
        return runs.stream().mapToLong(run -> Math.round(run.stat(tag, "avg").orElse(0))).sum();
    }

    /** Whether any change is a regression. */
    public static boolean hasRegression(List<MetricChange> changes) {
        return changes.stream().anyMatch(c -> c.verdict() == Verdict.REGRESSION);
    }
}
