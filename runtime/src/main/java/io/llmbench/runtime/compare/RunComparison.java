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
 * Compares a candidate run with a baseline, metric by metric. A per-request metric's mean is
 * compared and, when both folders have their records, a Mann-Whitney U test on the per-request
 * values (for the inter-chunk latency: every gap) decides whether the change is more than noise; a run-level metric (throughputs) has one
 * value per run, so only the threshold judges it. A change worse than the threshold (and, where
 * tested, with a p-value below the significance level) is a regression.
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
        List<MetricChange> changes = new ArrayList<>();
        for (MetricTag tag : MetricTag.values()) {
            if (tag == MetricTag.ERROR_REQUEST_COUNT) {
                errorRateChange(baseline, candidate, thresholdPct, significance).ifPresent(changes::add);
                continue;
            }
            OptionalDouble before = baseline.stat(tag, "avg");
            OptionalDouble after = candidate.stat(tag, "avg");
            if (before.isEmpty() || after.isEmpty()) {
                continue;
            }
            double b = before.getAsDouble();
            double a = after.getAsDouble();
            double change = b == 0 ? (a == 0 ? 0 : Double.NaN) : (a - b) / Math.abs(b) * 100;
            double p = Double.NaN;
            if (tag.kind() != MetricKind.RUN_LEVEL) {
                p = MannWhitneyTest.pValue(baseline.values(tag), candidate.values(tag));
            }
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
    private static Optional<MetricChange> errorRateChange(ResultFolder baseline, ResultFolder candidate,
            double thresholdPct, double significance) {
        OptionalDouble errorsBefore = baseline.stat(MetricTag.ERROR_REQUEST_COUNT, "avg");
        OptionalDouble errorsAfter = candidate.stat(MetricTag.ERROR_REQUEST_COUNT, "avg");
        if (errorsBefore.isEmpty() || errorsAfter.isEmpty()) {
            return Optional.empty();
        }
        long eb = Math.round(errorsBefore.getAsDouble());
        long ea = Math.round(errorsAfter.getAsDouble());
        long sentBefore = eb + Math.round(baseline.stat(MetricTag.REQUEST_COUNT, "avg").orElse(0));
        long sentAfter = ea + Math.round(candidate.stat(MetricTag.REQUEST_COUNT, "avg").orElse(0));
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

    /** Whether any change is a regression. */
    public static boolean hasRegression(List<MetricChange> changes) {
        return changes.stream().anyMatch(c -> c.verdict() == Verdict.REGRESSION);
    }
}
