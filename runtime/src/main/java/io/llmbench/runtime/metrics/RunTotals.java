package io.llmbench.runtime.metrics;

import java.util.EnumMap;

/**
 * The totals a run's profiling requests add up to, and the run-level metrics derived from them
 * (METRICS.md, "Run-level metrics"). One derivation serves a live run ({@link RunMetrics}) and a
 * summary recomputed from exported records (merge), so both always agree.
 *
 * @param valid successful requests
 * @param failed failed requests
 * @param cancelled requests cancelled on purpose
 * @param totalIsl sum of the valid requests' input sequence lengths
 * @param totalOsl sum of the valid requests' output sequence lengths
 * @param requestsWithPromptUsage valid requests whose server reported {@code prompt_tokens}
 * @param promptUsage the sum of those {@code prompt_tokens}
 * @param requestsWithCompletionUsage valid requests whose server reported {@code completion_tokens}
 * @param completionUsage the sum of those {@code completion_tokens}
 * @param goodputMeasured whether goodput SLOs were set
 * @param good valid requests meeting every SLO
 * @param firstValidStartNs the earliest start of a valid request
 * @param lastValidEndNs the latest end of a valid request
 * @param outputMeasured whether a valid request had an output sequence length: without one (an
 *     embeddings or rankings run, or answers with no text) there is no output to total or divide,
 *     as in AIPerf, rather than a total of 0
 */
public record RunTotals(
        long valid,
        long failed,
        long cancelled,
        double totalIsl,
        double totalOsl,
        long requestsWithPromptUsage,
        long promptUsage,
        long requestsWithCompletionUsage,
        long completionUsage,
        boolean goodputMeasured,
        long good,
        long firstValidStartNs,
        long lastValidEndNs,
        boolean outputMeasured) {

    private static final double NANOS_PER_SECOND = 1_000_000_000.0;

    /** The run-level metrics: counts always, totals and throughputs when there is something to divide. */
    public EnumMap<MetricTag, Double> runLevel() {
        EnumMap<MetricTag, Double> runLevel = new EnumMap<>(MetricTag.class);
        runLevel.put(MetricTag.REQUEST_COUNT, (double) valid);
        runLevel.put(MetricTag.ERROR_REQUEST_COUNT, (double) failed);
        runLevel.put(MetricTag.CANCELLED_REQUEST_COUNT, (double) cancelled);
        if (valid > 0) {
            runLevel.put(MetricTag.TOTAL_ISL, totalIsl);
            if (outputMeasured) {
                runLevel.put(MetricTag.TOTAL_OSL, totalOsl);
            }
        }
        if (requestsWithPromptUsage > 0) {
            runLevel.put(MetricTag.TOTAL_USAGE_PROMPT_TOKENS, (double) promptUsage);
        }
        if (requestsWithCompletionUsage > 0) {
            runLevel.put(MetricTag.TOTAL_USAGE_COMPLETION_TOKENS, (double) completionUsage);
        }
        if (goodputMeasured) {
            runLevel.put(MetricTag.GOOD_REQUEST_COUNT, (double) good);
        }
        if (valid > 0 && lastValidEndNs > firstValidStartNs) {
            double seconds = (lastValidEndNs - firstValidStartNs) / NANOS_PER_SECOND;
            runLevel.put(MetricTag.BENCHMARK_DURATION, seconds);
            if (outputMeasured) {
                runLevel.put(MetricTag.OUTPUT_TOKEN_THROUGHPUT, totalOsl / seconds);
            }
            runLevel.put(MetricTag.TOTAL_TOKEN_THROUGHPUT, (totalIsl + totalOsl) / seconds);
            runLevel.put(MetricTag.REQUEST_THROUGHPUT, valid / seconds);
            if (goodputMeasured) {
                runLevel.put(MetricTag.GOODPUT, good / seconds);
            }
        }
        return runLevel;
    }
}
