package io.llmbench.runtime.metrics;

import io.llmbench.runtime.record.ErrorType;
import io.llmbench.runtime.record.Phase;
import io.llmbench.runtime.record.RequestError;
import io.llmbench.runtime.record.RequestRecord;
import io.llmbench.runtime.record.Usage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Aggregates the metrics of one run, one record at a time. Confined to ONE processing thread (never
 * a network thread: it tokenizes); not thread-safe. Keeps only primitive values of the valid
 * profiling requests (a few numbers per request, an HdrHistogram for the inter-chunk gaps) and
 * counts of the failures; warmup records get their values computed but never enter the statistics.
 */
public final class RunMetrics {

    /** The message under which failures are counted once a run has seen too many distinct messages. */
    public static final String OTHER_MESSAGES = "(other messages)";

    /** Distinct failure messages kept; past it, failures still count, under {@link #OTHER_MESSAGES}. */
    static final int MAX_DISTINCT_MESSAGES = 50;


    private final RequestMetrics requestMetrics;
    private final GoodputSlos slos;
    private final EnumMap<MetricTag, DoubleColumn> columns = new EnumMap<>(MetricTag.class);
    private final ChunkLatencyHistogram chunkLatencies = new ChunkLatencyHistogram();
    private final Map<ErrorKey, long[]> errorCounts = new LinkedHashMap<>();
    private int distinctMessages;

    private long valid;
    private long failed;
    private long cancelled;
    private long good;
    private boolean vision;
    private long minValidStartNs = Long.MAX_VALUE;
    private long maxValidEndNs = Long.MIN_VALUE;
    private long firstStartNs = RequestRecord.NOT_RECORDED;
    private long lastEndNs = RequestRecord.NOT_RECORDED;
    private double totalIsl;
    private double totalOsl;
    private long totalUsagePrompt;
    private long totalUsageCompletion;
    private long requestsWithPromptUsage;
    private long requestsWithCompletionUsage;
    private long clientInputWithUsage;
    private long clientOutputWithUsage;

    /**
     * @param requestMetrics computes each record's values
     * @param slos the goodput SLOs, {@link GoodputSlos#none()} for none
     */
    public RunMetrics(RequestMetrics requestMetrics, GoodputSlos slos) {
        this.requestMetrics = Objects.requireNonNull(requestMetrics, "requestMetrics");
        this.slos = Objects.requireNonNull(slos, "slos");
        for (MetricTag tag : MetricTag.perRequest()) {
            columns.put(tag, new DoubleColumn());
        }
    }

    /**
     * Computes {@code record}'s values and, for a profiling record, adds them to the run: a valid
     * one to the statistics, a failed or cancelled one to the counts. Returns the values (for the
     * per-record export), whatever the phase and outcome.
     */
    public RequestValues accept(RequestRecord record) {
        RequestValues values = requestMetrics.compute(record);
        add(record, values);
        return values;
    }

    /** Computes one record's values; thread-safe if the tokenizer is, so it may run on any thread. */
    public RequestMetrics requestMetrics() {
        return requestMetrics;
    }

    /**
     * Aggregates {@code record} whose values were computed elsewhere (with this run's
     * {@link #requestMetrics()}, for example on other threads); as {@link #accept} otherwise.
     */
    public void add(RequestRecord record, RequestValues values) {
        if (record.phase() != Phase.PROFILING) {
            return;
        }
        trackBounds(record);
        if (record.wasCancelled()) {
            cancelled++;
            countError(record.error());
        } else if (!record.isValid()) {
            failed++;
            countError(record.error());
        } else {
            addValid(record, values);
        }
    }

    private void trackBounds(RequestRecord record) {
        long start = record.startNs() != RequestRecord.NOT_RECORDED ? record.startNs() : record.queuedNs();
        if (start != RequestRecord.NOT_RECORDED
                && (firstStartNs == RequestRecord.NOT_RECORDED || start < firstStartNs)) {
            firstStartNs = start;
        }
        long end = record.endNs();
        if (end != RequestRecord.NOT_RECORDED && (lastEndNs == RequestRecord.NOT_RECORDED || end > lastEndNs)) {
            lastEndNs = end;
        }
    }

    private void addValid(RequestRecord record, RequestValues values) {
        valid++;
        for (Map.Entry<MetricTag, DoubleColumn> column : columns.entrySet()) {
            if (values.has(column.getKey())) {
                column.getValue().add(values.get(column.getKey()));
            }
        }
        for (int i = 0; i < values.interChunkCount(); i++) {
            chunkLatencies.recordMs(values.interChunkLatencyMs(i));
        }
        if (record.startNs() != RequestRecord.NOT_RECORDED && record.endNs() != RequestRecord.NOT_RECORDED) {
            minValidStartNs = Math.min(minValidStartNs, record.startNs());
            maxValidEndNs = Math.max(maxValidEndNs, record.endNs());
        }
        if (record.imageCount() > 0) {
            vision = true;
        }
        if (values.has(MetricTag.INPUT_SEQUENCE_LENGTH)) {
            totalIsl += values.get(MetricTag.INPUT_SEQUENCE_LENGTH);
        }
        if (values.has(MetricTag.OUTPUT_SEQUENCE_LENGTH)) {
            totalOsl += values.get(MetricTag.OUTPUT_SEQUENCE_LENGTH);
        }
        Usage usage = values.usage();
        if (usage != null && usage.promptTokens() >= 0) {
            requestsWithPromptUsage++;
            totalUsagePrompt += usage.promptTokens();
            clientInputWithUsage += values.clientInputTokens();
        }
        if (usage != null && usage.completionTokens() >= 0) {
            requestsWithCompletionUsage++;
            totalUsageCompletion += usage.completionTokens();
            clientOutputWithUsage += values.clientOutputSequenceLength();
        }
        if (!slos.isEmpty() && slos.isGood(values)) {
            good++;
        }
    }

    private void countError(RequestError error) {
        ErrorType type = error.type();
        String message = error.message() == null ? "" : error.message();
        ErrorKey key = new ErrorKey(type, error.code(), message);
        long[] count = errorCounts.get(key);
        if (count == null) {
            if (distinctMessages >= MAX_DISTINCT_MESSAGES) {
                key = new ErrorKey(type, error.code(), OTHER_MESSAGES);
                count = errorCounts.get(key);
            } else {
                distinctMessages++;
            }
            if (count == null) {
                count = new long[1];
                errorCounts.put(key, count);
            }
        }
        count[0]++;
    }

    /** The summary of everything accepted so far. */
    public RunSummary summarize() {
        EnumMap<MetricTag, Statistics> statistics = new EnumMap<>(MetricTag.class);
        for (Map.Entry<MetricTag, DoubleColumn> column : columns.entrySet()) {
            Statistics stats = column.getValue().statistics();
            if (stats != null) {
                statistics.put(column.getKey(), stats);
            }
        }
        Statistics chunks = chunkLatencies.statistics();
        if (chunks != null) {
            statistics.put(MetricTag.INTER_CHUNK_LATENCY, chunks);
        }

        EnumMap<MetricTag, Double> runLevel = new RunTotals(valid, failed, cancelled, totalIsl, totalOsl,
                requestsWithPromptUsage, totalUsagePrompt, requestsWithCompletionUsage, totalUsageCompletion,
                !slos.isEmpty(), good, minValidStartNs, maxValidEndNs,
                statistics.containsKey(MetricTag.OUTPUT_SEQUENCE_LENGTH)).runLevel();

        List<ErrorCount> errors = new ArrayList<>();
        errorCounts.forEach((key, count) -> errors.add(new ErrorCount(key.type, key.code, key.message, count[0])));
        errors.sort(Comparator.comparingLong(ErrorCount::count).reversed());

        TokenCountComparison tokenCounts = new TokenCountComparison(requestsWithCompletionUsage,
                clientOutputWithUsage, totalUsageCompletion, requestsWithPromptUsage, clientInputWithUsage,
                totalUsagePrompt, requestMetrics.tokenCountSource() == TokenCountSource.CLIENT);
        return new RunSummary(requestMetrics.streaming(), vision, statistics, runLevel, errors, tokenCounts, slos,
                firstStartNs, lastEndNs);
    }

    private record ErrorKey(ErrorType type, int code, String message) {
    }
}
