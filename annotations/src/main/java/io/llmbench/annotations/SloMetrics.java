package io.llmbench.annotations;

import java.util.List;

/**
 * The metric tags a goodput SLO may name ({@code "time_to_first_token:200 inter_token_latency:20"}),
 * shared by the annotation processor (which rejects other tags at compile time) and the runtime.
 * They are the per-request metrics of {@code METRICS.md}; values are in their display units.
 */
public final class SloMetrics {

    /** Per-request metric tags that may carry an SLO. */
    public static final List<String> TAGS = List.of(
            "time_to_first_token",
            "time_to_second_token",
            "time_to_first_output_token",
            "request_latency",
            "inter_token_latency",
            "output_token_throughput_per_user",
            "output_sequence_length",
            "input_sequence_length",
            "image_throughput",
            "image_latency");

    /**
     * Tags whose SLO is a floor (the value must be at least the SLO) rather than a ceiling. As in
     * AIPerf, the sequence lengths count as larger-is-better: an SLO on them asks for at least that
     * many tokens.
     */
    public static final List<String> LARGER_IS_BETTER = List.of(
            "output_token_throughput_per_user",
            "output_sequence_length",
            "input_sequence_length",
            "image_throughput");

    /** Per-request metrics measured on streaming responses only. */
    public static final List<String> STREAMING_ONLY = List.of(
            "time_to_first_token",
            "time_to_second_token",
            "time_to_first_output_token",
            "inter_token_latency",
            "output_token_throughput_per_user");

    /** Run-level metrics an {@link Slo} may name; they have one value and no statistic. */
    public static final List<String> RUN_LEVEL_TAGS = List.of(
            "request_throughput",
            "output_token_throughput",
            "total_token_throughput",
            "goodput",
            "request_count",
            "error_request_count",
            "accuracy");

    /** Every metric an {@link Slo} may name: the per-request {@link #TAGS}, then {@link #RUN_LEVEL_TAGS}. */
    public static final List<String> GATE_TAGS = concat(TAGS, RUN_LEVEL_TAGS);

    /** The statistics an {@link Slo} on a per-request metric may name. */
    public static final List<String> STATISTICS = List.of(
            "avg", "min", "max", "p1", "p5", "p10", "p25", "p50", "p75", "p90", "p95", "p99", "std");

    private static List<String> concat(List<String> a, List<String> b) {
        java.util.List<String> all = new java.util.ArrayList<>(a);
        all.addAll(b);
        return List.copyOf(all);
    }

    private SloMetrics() {
    }
}
