package io.llmbench.runtime.merge;

import com.fasterxml.jackson.databind.JsonNode;
import io.llmbench.runtime.metrics.ErrorCount;
import io.llmbench.runtime.metrics.GoodputSlos;
import io.llmbench.runtime.metrics.MetricTag;
import io.llmbench.runtime.metrics.RunSummary;
import io.llmbench.runtime.metrics.RunTotals;
import io.llmbench.runtime.metrics.Statistics;
import io.llmbench.runtime.metrics.TokenCountComparison;
import io.llmbench.runtime.record.ErrorType;
import io.llmbench.runtime.record.RequestRecord;
import io.llmbench.runtime.report.ExportedRecord;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * Computes a run's summary from exported records, with the definitions the runner uses while it
 * measures ({@code docs/metrics.md}): statistics over the valid profiling records' values in the
 * order given, inter-chunk latency from an HdrHistogram of every gap, the duration from the
 * earliest start to the latest end of a valid request, throughputs over that span.
 */
public final class RecordSummarizer {

    private RecordSummarizer() {
    }

    /**
     * The summary of {@code records}.
     *
     * @param streaming whether the runs streamed (streaming-only metrics apply)
     * @param slos the goodput SLOs of the runs ({@link GoodputSlos#none()} for none)
     */
    public static RunSummary summarize(List<ExportedRecord> records, boolean streaming, GoodputSlos slos) {
        EnumMap<MetricTag, double[]> columns = new EnumMap<>(MetricTag.class);
        EnumMap<MetricTag, Integer> sizes = new EnumMap<>(MetricTag.class);
        Histogram chunks = new Histogram(3);
        long chunkCount = 0;
        double chunkMean = 0;
        double chunkM2 = 0;
        double chunkMin = Double.POSITIVE_INFINITY;
        double chunkMax = Double.NEGATIVE_INFINITY;
        long valid = 0;
        long failed = 0;
        long cancelled = 0;
        long good = 0;
        boolean vision = false;
        long minStart = Long.MAX_VALUE;
        long maxEnd = Long.MIN_VALUE;
        double totalIsl = 0;
        double totalOsl = 0;
        long promptUsageRequests = 0;
        long promptUsage = 0;
        long clientInputWithUsage = 0;
        long completionUsageRequests = 0;
        long completionUsage = 0;
        long clientOutputWithUsage = 0;
        Map<List<Object>, long[]> errors = new LinkedHashMap<>();
        for (ExportedRecord record : records) {
            if (!record.profiling()) {
                continue;
            }
            if (!record.valid()) {
                if (record.cancelled()) {
                    cancelled++;
                } else {
                    failed++;
                }
                JsonNode error = record.line().path("error");
                errors.computeIfAbsent(List.of(error.path("type").asText(), error.path("code").asInt(0),
                        error.path("message").asText("")), k -> new long[1])[0]++;
                continue;
            }
            valid++;
            for (Map.Entry<MetricTag, Double> value : record.values().entrySet()) {
                MetricTag tag = value.getKey();
                int size = sizes.getOrDefault(tag, 0);
                double[] column = columns.computeIfAbsent(tag, t -> new double[Math.max(16, records.size())]);
                column[size] = value.getValue();
                sizes.put(tag, size + 1);
            }
            for (double gap : record.interChunkLatencies()) {
                chunks.recordValue(Math.max(0, Math.round(gap * 1_000_000.0)));
                chunkCount++;
                double delta = gap - chunkMean;
                chunkMean += delta / chunkCount;
                chunkM2 += delta * (gap - chunkMean);
                chunkMin = Math.min(chunkMin, gap);
                chunkMax = Math.max(chunkMax, gap);
            }
            if (record.startNs() != ExportedRecord.ABSENT && record.endNs() != ExportedRecord.ABSENT) {
                minStart = Math.min(minStart, record.startNs());
                maxEnd = Math.max(maxEnd, record.endNs());
            }
            vision |= record.values().containsKey(MetricTag.IMAGE_LATENCY);
            double isl = record.values().getOrDefault(MetricTag.INPUT_SEQUENCE_LENGTH, 0.0);
            double osl = record.values().getOrDefault(MetricTag.OUTPUT_SEQUENCE_LENGTH, 0.0);
            totalIsl += isl;
            totalOsl += osl;
            Double prompt = record.values().get(MetricTag.USAGE_PROMPT_TOKENS);
            if (prompt != null) {
                promptUsageRequests++;
                promptUsage += Math.round(prompt);
                clientInputWithUsage += Math.round(isl);
            }
            Double completion = record.values().get(MetricTag.USAGE_COMPLETION_TOKENS);
            if (completion != null) {
                completionUsageRequests++;
                completionUsage += Math.round(completion);
                clientOutputWithUsage += Math.round(osl);
            }
            if (!slos.isEmpty() && slos.isGood(record::value)) {
                good++;
            }
        }

        EnumMap<MetricTag, Statistics> statistics = new EnumMap<>(MetricTag.class);
        for (Map.Entry<MetricTag, double[]> column : columns.entrySet()) {
            statistics.put(column.getKey(), Statistics.of(column.getValue(), sizes.get(column.getKey())));
        }
        if (chunkCount > 0) {
            statistics.put(MetricTag.INTER_CHUNK_LATENCY, new Statistics(chunkCount, chunkMean, chunkMin, chunkMax,
                    pct(chunks, 1), pct(chunks, 5), pct(chunks, 10), pct(chunks, 25), pct(chunks, 50),
                    pct(chunks, 75), pct(chunks, 90), pct(chunks, 95), pct(chunks, 99),
                    Math.sqrt(chunkM2 / chunkCount)));
        }
        EnumMap<MetricTag, Double> runLevel = new RunTotals(valid, failed, cancelled, totalIsl, totalOsl,
                promptUsageRequests, promptUsage, completionUsageRequests, completionUsage, !slos.isEmpty(), good,
                minStart, maxEnd, statistics.containsKey(MetricTag.OUTPUT_SEQUENCE_LENGTH)).runLevel();
        List<ErrorCount> errorCounts = new ArrayList<>();
        errors.forEach((key, count) -> errorCounts.add(new ErrorCount(errorType((String) key.get(0)),
                (Integer) key.get(1), (String) key.get(2), count[0])));
        errorCounts.sort(Comparator.comparingLong(ErrorCount::count).reversed());
        return new RunSummary(streaming, vision, statistics, runLevel, errorCounts,
                new TokenCountComparison(completionUsageRequests, clientOutputWithUsage, completionUsage,
                        promptUsageRequests, clientInputWithUsage, promptUsage, true),
                slos, RequestRecord.NOT_RECORDED, RequestRecord.NOT_RECORDED);
    }

    private static ErrorType errorType(String exportName) {
        for (ErrorType type : ErrorType.values()) {
            if (type.exportName().equals(exportName)) {
                return type;
            }
        }
        return ErrorType.RESPONSE;
    }

    private static double pct(Histogram histogram, double percentile) {
        return histogram.getValueAtPercentile(percentile) / 1_000_000.0;
    }
}
