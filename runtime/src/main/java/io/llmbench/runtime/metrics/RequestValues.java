package io.llmbench.runtime.metrics;

import io.llmbench.runtime.record.Usage;
import java.util.Arrays;

/**
 * The metric values of one request, in display units ({@link MetricTag#unit()}); a metric that
 * does not apply to the request (or could not be measured) is absent. Also keeps the client's own
 * token counts beside the server's {@code usage}, whichever count is primary.
 */
public final class RequestValues {

    /** A client count that was not taken: the run reads token counts from the server's usage only. */
    public static final int NOT_COUNTED = -1;

    private static final double[] NO_GAPS = new double[0];

    private final double[] values;
    private final double[] interChunkLatenciesMs;
    private final int clientInputTokens;
    private final int clientOutputTokens;
    private final int clientReasoningTokens;
    private final Usage usage;

    RequestValues(double[] values, double[] interChunkLatenciesMs, int clientInputTokens, int clientOutputTokens,
            int clientReasoningTokens, Usage usage) {
        this.values = values;
        this.interChunkLatenciesMs = interChunkLatenciesMs == null ? NO_GAPS : interChunkLatenciesMs;
        this.clientInputTokens = clientInputTokens;
        this.clientOutputTokens = clientOutputTokens;
        this.clientReasoningTokens = clientReasoningTokens;
        this.usage = usage;
    }

    /** An array with every per-request metric absent, indexed by {@link MetricTag#ordinal()}. */
    static double[] emptyValues() {
        double[] values = new double[MetricTag.values().length];
        Arrays.fill(values, Double.NaN);
        return values;
    }

    /** Whether {@code tag} has a value for this request. */
    public boolean has(MetricTag tag) {
        return !Double.isNaN(values[tag.ordinal()]);
    }

    /** The value of {@code tag} in its display unit, or {@code NaN} when absent. */
    public double get(MetricTag tag) {
        return values[tag.ordinal()];
    }

    /**
     * The gaps between consecutive token-bearing events in ms, in arrival order (empty for a
     * non-streaming request or one with fewer than two token-bearing events). A copy.
     */
    public double[] interChunkLatenciesMs() {
        return interChunkLatenciesMs.clone();
    }

    /** The number of inter-chunk gaps. */
    public int interChunkCount() {
        return interChunkLatenciesMs.length;
    }

    /** The {@code i}th inter-chunk gap in ms, without copying. */
    public double interChunkLatencyMs(int i) {
        return interChunkLatenciesMs[i];
    }

    /** The client tokenizer's count of the prompt text, or {@link #NOT_COUNTED}. */
    public int clientInputTokens() {
        return clientInputTokens;
    }

    /** The client tokenizer's count of the output content received (reasoning excluded), or {@link #NOT_COUNTED}. */
    public int clientOutputTokens() {
        return clientOutputTokens;
    }

    /** The client tokenizer's count of the reasoning text received, or {@link #NOT_COUNTED}. */
    public int clientReasoningTokens() {
        return clientReasoningTokens;
    }

    /** The client's output sequence length: output plus reasoning tokens ({@link #NOT_COUNTED} likewise). */
    public int clientOutputSequenceLength() {
        return clientOutputTokens == NOT_COUNTED ? NOT_COUNTED : clientOutputTokens + clientReasoningTokens;
    }

    /** The server-reported usage, or {@code null} when the server reported none. */
    public Usage usage() {
        return usage;
    }
}
