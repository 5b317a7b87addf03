package io.llmbench.runtime.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.llmbench.runtime.merge.RecordSummarizer;
import io.llmbench.runtime.metrics.GoodputSlos;
import io.llmbench.runtime.metrics.MetricTag;
import io.llmbench.runtime.metrics.RunSummary;
import io.llmbench.runtime.metrics.Statistics;
import io.llmbench.runtime.report.ExportedRecord;
import io.llmbench.runtime.report.LatencyIntervalLog;
import io.llmbench.runtime.report.ProfileJsonWriter;
import io.llmbench.runtime.report.ResultFolder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.DoubleStream;
import java.util.stream.Stream;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** merge of two load generators that ran at the same time equals the metrics of their union. */
class MergeTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    static Path root;
    static Path a;
    static Path b;
    static Path merged;
    static JsonNode summary;

    @BeforeAll
    static void runConcurrentlyAndMerge() throws Exception {
        // Two load generators at the same time, each on a thread of its own.
        ExecutorService generators = Executors.newFixedThreadPool(2);
        try {
            CompletableFuture<Path> first = CompletableFuture.supplyAsync(() -> run("a", 5), generators);
            CompletableFuture<Path> second = CompletableFuture.supplyAsync(() -> run("b", 15), generators);
            a = first.get();
            b = second.get();
        } finally {
            generators.shutdownNow();
        }
        MockRuns.Result result = MockRuns.main("merge", a.toString(), b.toString(), "--artifact-dir",
                root.resolve("merged").toString());
        assertEquals(0, result.exit(), result.out() + result.err());
        try (Stream<Path> dirs = Files.list(root.resolve("merged"))) {
            merged = dirs.findFirst().orElseThrow();
        }
        summary = MAPPER.readTree(merged.resolve(ProfileJsonWriter.FILE_NAME).toFile());
    }

    private static Path run(String name, double ttft) {
        try {
            return MockRuns.run(root.resolve(name), ttft, 30);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static List<ExportedRecord> validUnion() {
        List<ExportedRecord> union = new ArrayList<>(ResultFolder.read(a).records());
        union.addAll(ResultFolder.read(b).records());
        return union.stream().filter(r -> r.profiling() && r.valid()).toList();
    }

    @Test
    void countsAddUpAndTheDurationIsTheUnionOfTheTimeSpans() {
        List<ExportedRecord> union = validUnion();
        assertEquals(60, summary.path("request_count").path("avg").asInt());
        long start = union.stream().mapToLong(ExportedRecord::startNs).min().orElseThrow();
        long end = union.stream().mapToLong(ExportedRecord::endNs).max().orElseThrow();
        double seconds = (end - start) / 1e9;
        assertEquals(seconds, summary.path("benchmark_duration").path("avg").asDouble(), 1e-12);
        // Not the sum of the runs' durations: whether they overlapped or not, the span of the union.
        double durationA = ResultFolder.read(a).stat(MetricTag.BENCHMARK_DURATION, "avg").orElseThrow();
        double durationB = ResultFolder.read(b).stat(MetricTag.BENCHMARK_DURATION, "avg").orElseThrow();
        assertTrue(Math.abs(seconds - (durationA + durationB)) > 1e-6, "duration must not be the sum of durations");
        double osl = union.stream().mapToDouble(r -> r.value(MetricTag.OUTPUT_SEQUENCE_LENGTH)).sum();
        assertEquals(osl / seconds, summary.path("output_token_throughput").path("avg").asDouble(), 1e-9);
        assertEquals(60 / seconds, summary.path("request_throughput").path("avg").asDouble(), 1e-9);
        assertEquals(List.of(a.toAbsolutePath().normalize().toString(), b.toAbsolutePath().normalize().toString()),
                MAPPER.convertValue(summary.path("input_config").path("merged_from"), List.class));
    }

    @Test
    void perRequestStatisticsAreThoseOfTheUnionOfValues() {
        List<ExportedRecord> union = validUnion();
        for (MetricTag tag : List.of(MetricTag.TIME_TO_FIRST_TOKEN, MetricTag.REQUEST_LATENCY,
                MetricTag.INTER_TOKEN_LATENCY)) {
            double[] values = union.stream().mapToDouble(r -> r.value(tag)).sorted().toArray();
            JsonNode stats = summary.path(tag.tag());
            assertEquals(values[0], stats.path("min").asDouble(), 0, tag + " min");
            assertEquals(values[values.length - 1], stats.path("max").asDouble(), 0, tag + " max");
            assertEquals(Statistics.percentile(values, 50), stats.path("p50").asDouble(), 1e-12, tag + " p50");
            assertEquals(Statistics.percentile(values, 99), stats.path("p99").asDouble(), 1e-12, tag + " p99");
            assertEquals(DoubleStream.of(values).average().orElseThrow(), stats.path("avg").asDouble(), 1e-9,
                    tag + " avg");
        }
        double maxGap = union.stream().flatMapToDouble(r -> DoubleStream.of(r.interChunkLatencies())).max()
                .orElseThrow();
        assertEquals(maxGap, summary.path("inter_chunk_latency").path("max").asDouble(), 0);
    }

    @Test
    void latencyHistogramsOfTheMergeAreTheSumsOfTheRunsHistograms() throws IOException {
        Map<String, Histogram> sum = totals(a.resolve(LatencyIntervalLog.FILE_NAME));
        totals(b.resolve(LatencyIntervalLog.FILE_NAME)).forEach((tag, h) -> sum.get(tag).add(h));
        Map<String, Histogram> mergedTotals = totals(merged.resolve(LatencyIntervalLog.FILE_NAME));
        assertEquals(sum.keySet(), mergedTotals.keySet());
        sum.forEach((tag, h) -> assertEquals(h, mergedTotals.get(tag), tag + " histograms differ"));
    }

    private static Map<String, Histogram> totals(Path log) throws IOException {
        Map<String, Histogram> totals = new HashMap<>();
        HistogramLogReader reader = new HistogramLogReader(log.toFile());
        for (EncodableHistogram h = reader.nextIntervalHistogram(); h != null; h = reader.nextIntervalHistogram()) {
            totals.computeIfAbsent(h.getTag(), t -> new Histogram(3)).add((Histogram) h);
        }
        return totals;
    }

    @Test
    void summarizingOneRunsRecordsReproducesItsOwnSummary() {
        ResultFolder run = ResultFolder.read(a);
        RunSummary again = RecordSummarizer.summarize(run.records(), true, GoodputSlos.none());
        for (Map.Entry<MetricTag, Statistics> entry : again.statistics().entrySet()) {
            if (entry.getKey() == MetricTag.INTER_CHUNK_LATENCY) {
                continue; // its mean and std come from a running (Welford) update: equal to rounding only
            }
            for (String stat : List.of("avg", "min", "max", "p1", "p50", "p90", "p99", "std")) {
                double expected = run.stat(entry.getKey(), stat).orElseThrow();
                double actual = io.llmbench.runtime.report.StatisticNames.of(entry.getValue()).get(stat);
                assertEquals(expected, actual, Math.abs(expected) * 1e-12, entry.getKey() + " " + stat);
            }
        }
        for (Map.Entry<MetricTag, Double> entry : again.runLevel().entrySet()) {
            assertEquals(run.stat(entry.getKey(), "avg").orElseThrow(), entry.getValue(),
                    Math.abs(entry.getValue()) * 1e-12, entry.getKey().tag());
        }
    }

    @Test
    void runsThatDidNotSendAtTheSameTimeMergeWithAWarningAboutTheGap() throws IOException {
        Path later = MockRuns.run(root.resolve("later"), 5, 4);
        MockRuns.Result result = MockRuns.main("merge", a.toString(), later.toString(), "--artifact-dir",
                root.resolve("merged-later").toString());
        assertEquals(0, result.exit(), result.err());
        assertTrue(result.err().contains("llmbench: merge: warning: the results did not all send at the same time"),
                result.err());
    }

    @Test
    void resultsOfAnotherBenchmarkAreRefused() throws IOException {
        Path other = root.resolve("other-benchmark");
        Files.createDirectories(other);
        ObjectNode otherSummary = (ObjectNode) MAPPER.readTree(b.resolve(ProfileJsonWriter.FILE_NAME).toFile());
        ((ObjectNode) otherSummary.get("input_config")).put("benchmark", "com.example.OtherBenchmark");
        MAPPER.writeValue(other.resolve(ProfileJsonWriter.FILE_NAME).toFile(), otherSummary);
        Files.copy(b.resolve("profile_export.jsonl"), other.resolve("profile_export.jsonl"));
        MockRuns.Result result = MockRuns.main("merge", a.toString(), other.toString(), "--artifact-dir",
                root.resolve("never-other").toString());
        assertEquals(2, result.exit());
        assertTrue(result.err().contains("benchmark 'com.example.OtherBenchmark'")
                && result.err().contains("merge only runs of the same benchmark"), result.err());
    }

    @Test
    void mergeWithoutRecordsSaysHowToFixIt() throws IOException {
        Path summaryOnly = MockRuns.run(root.resolve("summary-only"), 5, 4, "--export-level", "summary");
        MockRuns.Result result = MockRuns.main("merge", a.toString(), summaryOnly.toString(), "--artifact-dir",
                root.resolve("never").toString());
        assertEquals(2, result.exit());
        assertTrue(result.err().contains("merge needs the per-request records; rerun with --export-level records"),
                result.err());
    }
}
