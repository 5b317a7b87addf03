package io.llmbench.runtime.metrics;

import io.llmbench.runtime.record.RequestRecord;
import io.llmbench.runtime.record.ResponseChunk;
import io.llmbench.runtime.record.Usage;
import io.llmbench.runtime.token.Tokenizer;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Computes the per-request metrics of {@code docs/metrics.md} from one {@link RequestRecord}:
 * latencies from the record's monotonic instants, token counts from the client's tokenizer (or,
 * tokenizing nothing, from the server's usage: see {@link TokenCountSource}). Tokenizes, so it runs
 * on the record pipeline's first stage, never on a network thread. Thread-safe if the tokenizer is.
 */
public final class RequestMetrics {

    private static final double NANOS_PER_MS = 1_000_000.0;
    private static final double NANOS_PER_SECOND = 1_000_000_000.0;

    private final Tokenizer tokenizer;
    private final boolean streaming;
    private final TokenCountSource tokenCountSource;
    /**
     * Token counts of the prompts seen: a run sends the same dataset entries again and again, and
     * the prompt is usually the longest text of a request (the same String each time, whose hash is
     * kept by the String itself). Bounded by the dataset, which is in memory anyway.
     */
    private final Map<String, Integer> promptTokens = new ConcurrentHashMap<>();

    /**
     * @param tokenizer counts the prompt and the output
     * @param streaming whether the run requested streaming responses; the streaming-only metrics
     *     (TTFT, TTST, TTFO, ITL, output token throughput per user, inter-chunk latency) exist only then
     * @param tokenCountSource which count is the primary ISL and OSL
     */
    public RequestMetrics(Tokenizer tokenizer, boolean streaming, TokenCountSource tokenCountSource) {
        this.tokenizer = Objects.requireNonNull(tokenizer, "tokenizer");
        this.streaming = streaming;
        this.tokenCountSource = Objects.requireNonNull(tokenCountSource, "tokenCountSource");
    }

    private int promptTokens(String prompt) {
        Integer known = promptTokens.get(prompt);
        if (known != null) {
            return known;
        }
        int count = tokenizer.count(prompt);
        promptTokens.put(prompt, count);
        return count;
    }

    /** Where ISL and OSL come from. */
    public TokenCountSource tokenCountSource() {
        return tokenCountSource;
    }

    /** Whether the run requested streaming responses. */
    public boolean streaming() {
        return streaming;
    }

    /**
     * The metric values of {@code record}. A failed request gets whatever it measured before it
     * failed (for example its TTFT before the stream broke); whether a record enters the statistics
     * is the aggregator's decision, not this one's.
     */
    public RequestValues compute(RequestRecord record) {
        double[] values = RequestValues.emptyValues();
        long start = record.startNs();
        long end = record.endNs();

        // Token counts: the whole content and the whole reasoning text, each tokenized once as AIPerf does.
        StringBuilder content = new StringBuilder();
        StringBuilder reasoning = new StringBuilder();
        long firstTokenNs = RequestRecord.NOT_RECORDED;
        long secondTokenNs = RequestRecord.NOT_RECORDED;
        long firstOutputNs = RequestRecord.NOT_RECORDED;
        int tokenBearing = 0;
        for (ResponseChunk chunk : record.chunks()) {
            content.append(chunk.content());
            reasoning.append(chunk.reasoning());
            if (!chunk.isTokenBearing()) {
                continue;
            }
            tokenBearing++;
            if (tokenBearing == 1) {
                firstTokenNs = chunk.receivedNs();
            } else if (tokenBearing == 2) {
                secondTokenNs = chunk.receivedNs();
            }
            if (firstOutputNs == RequestRecord.NOT_RECORDED && !chunk.content().isEmpty()) {
                firstOutputNs = chunk.receivedNs();
            }
        }
        Usage usage = record.usage();
        int clientOutput;
        int clientReasoning;
        int clientInput;
        if (tokenCountSource == TokenCountSource.SERVER) {
            // AIPerf's --use-server-token-count: the client tokenizes nothing; a request without usage
            // has no token counts at all.
            clientOutput = RequestValues.NOT_COUNTED;
            clientReasoning = RequestValues.NOT_COUNTED;
            clientInput = RequestValues.NOT_COUNTED;
            setServerCounts(values, usage);
        } else {
            clientOutput = content.length() == 0 ? 0 : tokenizer.count(content.toString());
            clientReasoning = reasoning.length() == 0 ? 0 : tokenizer.count(reasoning.toString());
            clientInput = record.prompt() == null ? 0 : promptTokens(record.prompt());
            if (record.prompt() != null) {
                set(values, MetricTag.INPUT_SEQUENCE_LENGTH, clientInput);
            }
            // AIPerf has no OSL for a response without any content or reasoning text.
            if (tokenBearing > 0) {
                set(values, MetricTag.OUTPUT_SEQUENCE_LENGTH, clientOutput + clientReasoning);
            }
            if (reasoning.length() > 0) {
                set(values, MetricTag.REASONING_TOKEN_COUNT, clientReasoning);
            }
        }
        if (usage != null) {
            if (usage.promptTokens() >= 0) {
                set(values, MetricTag.USAGE_PROMPT_TOKENS, usage.promptTokens());
            }
            if (usage.completionTokens() >= 0) {
                set(values, MetricTag.USAGE_COMPLETION_TOKENS, usage.completionTokens());
            }
            if (usage.reasoningTokens() >= 0) {
                set(values, MetricTag.USAGE_REASONING_TOKENS, usage.reasoningTokens());
            }
        }

        long latencyNs = recorded(start) && recorded(end) && end >= start ? end - start : -1;
        if (latencyNs >= 0) {
            set(values, MetricTag.REQUEST_LATENCY, latencyNs / NANOS_PER_MS);
        }

        double[] gaps = null;
        if (streaming && recorded(start)) {
            long ttftNs = -1;
            if (recorded(firstTokenNs)) {
                ttftNs = firstTokenNs - start;
                set(values, MetricTag.TIME_TO_FIRST_TOKEN, ttftNs / NANOS_PER_MS);
            }
            if (recorded(secondTokenNs)) {
                set(values, MetricTag.TIME_TO_SECOND_TOKEN, (secondTokenNs - firstTokenNs) / NANOS_PER_MS);
            }
            if (recorded(firstOutputNs)) {
                set(values, MetricTag.TIME_TO_FIRST_OUTPUT_TOKEN, (firstOutputNs - start) / NANOS_PER_MS);
            }
            double osl = values[MetricTag.OUTPUT_SEQUENCE_LENGTH.ordinal()];
            if (ttftNs >= 0 && latencyNs >= 0 && osl >= 2) {
                double itlNs = (latencyNs - ttftNs) / (osl - 1);
                set(values, MetricTag.INTER_TOKEN_LATENCY, itlNs / NANOS_PER_MS);
                if (itlNs > 0) {
                    set(values, MetricTag.OUTPUT_TOKEN_THROUGHPUT_PER_USER, 1 / (itlNs / NANOS_PER_SECOND));
                }
            }
            if (tokenBearing >= 2) {
                gaps = interChunkGapsMs(record, tokenBearing - 1);
            }
        }

        int images = record.imageCount();
        if (images > 0 && latencyNs >= 0) {
            set(values, MetricTag.IMAGE_LATENCY, latencyNs / NANOS_PER_MS / images);
            if (latencyNs > 0) {
                set(values, MetricTag.IMAGE_THROUGHPUT, images / (latencyNs / NANOS_PER_SECOND));
            }
        }

        long scheduled = record.scheduledStartNs();
        // Closed-loop modes set the scheduled instant to the queued (or start) instant: no lag to report.
        if (recorded(scheduled) && recorded(start) && scheduled != record.queuedNs() && scheduled != start) {
            set(values, MetricTag.SCHEDULE_LAG, (start - scheduled) / NANOS_PER_MS);
            if (latencyNs >= 0) {
                set(values, MetricTag.REQUEST_LATENCY_FROM_SCHEDULE, (end - scheduled) / NANOS_PER_MS);
            }
            if (streaming && recorded(firstTokenNs)) {
                set(values, MetricTag.TIME_TO_FIRST_TOKEN_FROM_SCHEDULE, (firstTokenNs - scheduled) / NANOS_PER_MS);
            }
        }
        return new RequestValues(values, gaps, clientInput, clientOutput, clientReasoning, usage);
    }

    /**
     * ISL, OSL and reasoning tokens from the server's usage alone, as AIPerf reads them: the
     * prompt is {@code prompt_tokens}; the output sequence length is {@code completion_tokens}
     * (which holds the reasoning tokens too: AIPerf's output count is {@code completion_tokens}
     * less the reasoning, clamped at 0, and its sequence length adds the reasoning back).
     */
    private static void setServerCounts(double[] values, Usage usage) {
        if (usage == null) {
            return;
        }
        if (usage.promptTokens() >= 0) {
            set(values, MetricTag.INPUT_SEQUENCE_LENGTH, usage.promptTokens());
        }
        if (usage.completionTokens() >= 0) {
            int reasoning = Math.max(usage.reasoningTokens(), 0);
            set(values, MetricTag.OUTPUT_SEQUENCE_LENGTH, Math.max(usage.completionTokens() - reasoning, 0) + reasoning);
        }
        if (usage.reasoningTokens() > 0) {
            set(values, MetricTag.REASONING_TOKEN_COUNT, usage.reasoningTokens());
        }
    }

    private static double[] interChunkGapsMs(RequestRecord record, int count) {
        double[] gaps = new double[count];
        long previous = RequestRecord.NOT_RECORDED;
        int i = 0;
        for (ResponseChunk chunk : record.chunks()) {
            if (!chunk.isTokenBearing()) {
                continue;
            }
            if (previous != RequestRecord.NOT_RECORDED) {
                gaps[i++] = (chunk.receivedNs() - previous) / NANOS_PER_MS;
            }
            previous = chunk.receivedNs();
        }
        return gaps;
    }

    private static boolean recorded(long instant) {
        return instant != RequestRecord.NOT_RECORDED;
    }

    private static void set(double[] values, MetricTag tag, double value) {
        values[tag.ordinal()] = value;
    }
}
