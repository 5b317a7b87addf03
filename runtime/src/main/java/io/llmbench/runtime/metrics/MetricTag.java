package io.llmbench.runtime.metrics;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Every metric llmbench reports, with the tag used in exports (AIPerf's tag where AIPerf has the
 * metric), the name and unit printed in the console table, and how it is measured. Definitions are
 * in {@code docs/metrics.md}.
 */
public enum MetricTag {
    TIME_TO_FIRST_TOKEN("time_to_first_token", "Time to First Token", "ms",
            MetricKind.PER_REQUEST, Flags.STREAMING | Flags.SLO, 1),
    TIME_TO_SECOND_TOKEN("time_to_second_token", "Time to Second Token", "ms",
            MetricKind.PER_REQUEST, Flags.STREAMING | Flags.SLO, 2),
    TIME_TO_FIRST_OUTPUT_TOKEN("time_to_first_output_token", "Time to First Output Token", "ms",
            MetricKind.PER_REQUEST, Flags.STREAMING | Flags.SLO, 3),
    REQUEST_LATENCY("request_latency", "Request Latency", "ms",
            MetricKind.PER_REQUEST, Flags.SLO, 4),
    INTER_TOKEN_LATENCY("inter_token_latency", "Inter Token Latency", "ms",
            MetricKind.PER_REQUEST, Flags.STREAMING | Flags.SLO, 5),
    OUTPUT_TOKEN_THROUGHPUT_PER_USER("output_token_throughput_per_user", "Output Token Throughput Per User",
            "tokens/sec/user", MetricKind.PER_REQUEST, Flags.STREAMING | Flags.SLO | Flags.LARGER_IS_BETTER, 6),
    OUTPUT_SEQUENCE_LENGTH("output_sequence_length", "Output Sequence Length", "tokens",
            MetricKind.PER_REQUEST, Flags.SLO | Flags.LARGER_IS_BETTER, 7),
    INPUT_SEQUENCE_LENGTH("input_sequence_length", "Input Sequence Length", "tokens",
            MetricKind.PER_REQUEST, Flags.SLO | Flags.LARGER_IS_BETTER, 8),
    IMAGE_THROUGHPUT("image_throughput", "Image Throughput", "images/sec",
            MetricKind.PER_REQUEST, Flags.VISION | Flags.SLO | Flags.LARGER_IS_BETTER, 10),
    IMAGE_LATENCY("image_latency", "Image Latency", "ms/image",
            MetricKind.PER_REQUEST, Flags.VISION | Flags.SLO, 11),
    SCHEDULE_LAG("schedule_lag", "Schedule Lag", "ms", MetricKind.PER_REQUEST, 0, 0),
    /**
     * Request latency measured from the scheduled instant rather than the send (open-loop modes):
     * a client or concurrency limit that holds requests back shows here, not hidden (coordinated omission).
     */
    REQUEST_LATENCY_FROM_SCHEDULE("request_latency_from_schedule", "Request Latency From Schedule", "ms",
            MetricKind.PER_REQUEST, 0, 0),
    /** Time to first token measured from the scheduled instant rather than the send (open-loop modes). */
    TIME_TO_FIRST_TOKEN_FROM_SCHEDULE("time_to_first_token_from_schedule", "Time to First Token From Schedule",
            "ms", MetricKind.PER_REQUEST, Flags.STREAMING, 0),
    /** The server's {@code usage.prompt_tokens}, beside the client's input sequence length. */
    USAGE_PROMPT_TOKENS("usage_prompt_tokens", "Usage Prompt Tokens", "tokens", MetricKind.PER_REQUEST, 0, 0),
    /** The server's {@code usage.completion_tokens}, beside the client's output sequence length. */
    USAGE_COMPLETION_TOKENS("usage_completion_tokens", "Usage Completion Tokens", "tokens",
            MetricKind.PER_REQUEST, 0, 0),
    /** The server's {@code usage.completion_tokens_details.reasoning_tokens}. */
    USAGE_REASONING_TOKENS("usage_reasoning_tokens", "Usage Reasoning Tokens", "tokens",
            MetricKind.PER_REQUEST, 0, 0),
    /**
     * The client's count of the reasoning text ({@code reasoning_content}/{@code reasoning}, the
     * Responses and Messages APIs' reasoning and thinking deltas), which is part of the OSL.
     */
    REASONING_TOKEN_COUNT("reasoning_token_count", "Reasoning Token Count", "tokens",
            MetricKind.PER_REQUEST, 0, 0),
    INTER_CHUNK_LATENCY("inter_chunk_latency", "Inter Chunk Latency", "ms",
            MetricKind.PER_CHUNK, Flags.STREAMING, 0),

    BENCHMARK_DURATION("benchmark_duration", "Benchmark Duration", "sec", MetricKind.RUN_LEVEL, 0, 0),
    REQUEST_COUNT("request_count", "Request Count", "requests", MetricKind.RUN_LEVEL, Flags.LARGER_IS_BETTER, 15),
    ERROR_REQUEST_COUNT("error_request_count", "Error Request Count", "requests", MetricKind.RUN_LEVEL, 0, 0),
    CANCELLED_REQUEST_COUNT("cancelled_request_count", "Cancelled Request Count", "requests",
            MetricKind.RUN_LEVEL, 0, 0),
    OUTPUT_TOKEN_THROUGHPUT("output_token_throughput", "Output Token Throughput", "tokens/sec",
            MetricKind.RUN_LEVEL, Flags.LARGER_IS_BETTER, 9),
    TOTAL_TOKEN_THROUGHPUT("total_token_throughput", "Total Token Throughput", "tokens/sec",
            MetricKind.RUN_LEVEL, Flags.LARGER_IS_BETTER, 0),
    REQUEST_THROUGHPUT("request_throughput", "Request Throughput", "requests/sec",
            MetricKind.RUN_LEVEL, Flags.LARGER_IS_BETTER, 13),
    GOODPUT("goodput", "Goodput", "requests/sec", MetricKind.RUN_LEVEL, Flags.LARGER_IS_BETTER, 14),
    /** Valid requests that met every SLO (only when SLOs are set). */
    GOOD_REQUEST_COUNT("good_request_count", "Good Request Count", "requests",
            MetricKind.RUN_LEVEL, Flags.LARGER_IS_BETTER, 0),
    TOTAL_ISL("total_isl", "Total Input Sequence Length", "tokens", MetricKind.RUN_LEVEL, 0, 0),
    TOTAL_OSL("total_osl", "Total Output Sequence Length", "tokens", MetricKind.RUN_LEVEL, 0, 0),
    TOTAL_USAGE_PROMPT_TOKENS("total_usage_prompt_tokens", "Total Usage Prompt Tokens", "tokens",
            MetricKind.RUN_LEVEL, 0, 0),
    TOTAL_USAGE_COMPLETION_TOKENS("total_usage_completion_tokens", "Total Usage Completion Tokens", "tokens",
            MetricKind.RUN_LEVEL, 0, 0);

    /** Bit flags, kept private so that the enum's accessors are the only API. */
    private static final class Flags {
        static final int STREAMING = 1;
        static final int VISION = 2;
        static final int SLO = 4;
        static final int LARGER_IS_BETTER = 8;
    }

    private static final MetricTag[] VALUES = values();

    private final String tag;
    private final String displayName;
    private final String unit;
    private final MetricKind kind;
    private final int flags;
    private final int consoleOrder;

    MetricTag(String tag, String displayName, String unit, MetricKind kind, int flags, int consoleOrder) {
        this.tag = tag;
        this.displayName = displayName;
        this.unit = unit;
        this.kind = kind;
        this.flags = flags;
        this.consoleOrder = consoleOrder;
    }

    /** The tag written to exports, e.g. {@code time_to_first_token}. */
    public String tag() {
        return tag;
    }

    /** The name printed in the console table, e.g. {@code Time to First Token}. */
    public String displayName() {
        return displayName;
    }

    /** The display unit, e.g. {@code ms}; every exported value is in this unit. */
    public String unit() {
        return unit;
    }

    /** {@code Name (unit)}, as the console table and the CSV print it. */
    public String label() {
        return displayName + " (" + unit + ")";
    }

    public MetricKind kind() {
        return kind;
    }

    /** Whether the metric exists only for streaming responses. */
    public boolean isStreamingOnly() {
        return (flags & Flags.STREAMING) != 0;
    }

    /** Whether the metric exists only for requests that carry images. */
    public boolean isVisionOnly() {
        return (flags & Flags.VISION) != 0;
    }

    /** Whether a goodput SLO may name this metric. */
    public boolean isSloAllowed() {
        return (flags & Flags.SLO) != 0;
    }

    /** Whether a larger value is better (an SLO on it is a floor rather than a ceiling). */
    public boolean isLargerBetter() {
        return (flags & Flags.LARGER_IS_BETTER) != 0;
    }

    /** Position in the console table (1 = first row), or 0 when the metric is not in the table. */
    public int consoleOrder() {
        return consoleOrder;
    }

    /** The metric whose export tag is {@code tag}, if any. */
    public static Optional<MetricTag> fromTag(String tag) {
        for (MetricTag value : VALUES) {
            if (value.tag.equals(tag)) {
                return Optional.of(value);
            }
        }
        return Optional.empty();
    }

    /** The metrics of the console table, in row order. */
    public static List<MetricTag> consoleRows() {
        return Arrays.stream(VALUES)
                .filter(t -> t.consoleOrder > 0)
                .sorted(Comparator.comparingInt(MetricTag::consoleOrder))
                .toList();
    }

    /** The per-request metrics (one value per request), in declaration order. */
    public static List<MetricTag> perRequest() {
        return Arrays.stream(VALUES).filter(t -> t.kind == MetricKind.PER_REQUEST).toList();
    }

    /** The run-level metrics, in declaration order. */
    public static List<MetricTag> runLevel() {
        return Arrays.stream(VALUES).filter(t -> t.kind == MetricKind.RUN_LEVEL).toList();
    }

    /** The tags a goodput SLO may name, in declaration order. */
    public static List<MetricTag> sloAllowed() {
        return Arrays.stream(VALUES).filter(MetricTag::isSloAllowed).toList();
    }
}
