package io.llmbench.runtime.metrics;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The metrics of one run's profiling phase: immutable, computed once by
 * {@link RunMetrics#summarize()}.
 *
 * @param streaming whether the run requested streaming responses
 * @param vision whether any valid profiling request carried images
 * @param statistics per-request (and per-chunk) metrics that have at least one value, in
 *     {@link MetricTag} order, in display units
 * @param runLevel run-level metrics that could be computed, in {@link MetricTag} order
 * @param errors failed and cancelled profiling requests by type, status and message, most frequent first
 * @param tokenCounts the client's token counts beside the server's usage
 * @param slos the goodput SLOs (empty when none were set)
 * @param firstStartNs the earliest start (or hand-over, for requests never started) of any
 *     profiling request, {@code System.nanoTime()}; {@code RequestRecord.NOT_RECORDED} when none
 * @param lastEndNs the latest end of any profiling request; {@code RequestRecord.NOT_RECORDED} when none
 */
public record RunSummary(
        boolean streaming,
        boolean vision,
        Map<MetricTag, Statistics> statistics,
        Map<MetricTag, Double> runLevel,
        List<ErrorCount> errors,
        TokenCountComparison tokenCounts,
        GoodputSlos slos,
        long firstStartNs,
        long lastEndNs) {

    public RunSummary {
        statistics = Collections.unmodifiableMap(copy(statistics));
        runLevel = Collections.unmodifiableMap(copy(runLevel));
        errors = List.copyOf(errors);
    }

    private static <V> EnumMap<MetricTag, V> copy(Map<MetricTag, V> map) {
        EnumMap<MetricTag, V> copy = new EnumMap<>(MetricTag.class);
        copy.putAll(map);
        return copy;
    }

    /** The statistics of a per-request or per-chunk metric, if it had any value. */
    public Optional<Statistics> statistics(MetricTag tag) {
        return Optional.ofNullable(statistics.get(tag));
    }

    /** The value of a run-level metric, if it could be computed. */
    public OptionalDouble runLevel(MetricTag tag) {
        Double value = runLevel.get(tag);
        return value == null ? OptionalDouble.empty() : OptionalDouble.of(value);
    }

    /** Valid (successful) profiling requests. */
    public long requestCount() {
        return Math.round(runLevel.getOrDefault(MetricTag.REQUEST_COUNT, 0.0));
    }

    /** Failed profiling requests (cancellations excluded). */
    public long errorRequestCount() {
        return Math.round(runLevel.getOrDefault(MetricTag.ERROR_REQUEST_COUNT, 0.0));
    }

    /** Profiling requests cancelled on purpose. */
    public long cancelledRequestCount() {
        return Math.round(runLevel.getOrDefault(MetricTag.CANCELLED_REQUEST_COUNT, 0.0));
    }

    /**
     * Whether {@code tag} applies to this run: streaming-only metrics only when streaming,
     * vision-only metrics only with images, goodput only with SLOs, output tokens only when a
     * successful request had output (never for embeddings and rankings).
     */
    public boolean applies(MetricTag tag) {
        if (tag.isStreamingOnly() && !streaming) {
            return false;
        }
        if (tag.isVisionOnly() && !vision) {
            return false;
        }
        if ((tag == MetricTag.GOODPUT || tag == MetricTag.GOOD_REQUEST_COUNT) && slos.isEmpty()) {
            return false;
        }
        if ((tag == MetricTag.OUTPUT_SEQUENCE_LENGTH || tag == MetricTag.OUTPUT_TOKEN_THROUGHPUT)
                && requestCount() > 0 && !runLevel.containsKey(MetricTag.TOTAL_OSL)) {
            return false; // requests succeeded without output: embeddings, rankings
        }
        return true;
    }
}
