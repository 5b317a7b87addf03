package io.llmbench.runtime.metrics;

import static io.llmbench.runtime.metrics.TestRecords.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.llmbench.runtime.record.ErrorType;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunMetricsTest {

    private static RunMetrics streamingRun(GoodputSlos slos) {
        return new RunMetrics(new RequestMetrics(new WhitespaceTokenizer(), true, TokenCountSource.CLIENT), slos);
    }

    @Test
    void failedRequestsAreCountedButNotInTheStatistics() {
        RunMetrics run = streamingRun(GoodputSlos.none());
        run.accept(request().content(10, "a b").endAt(10).build());
        run.accept(request().content(30, "c d").endAt(30).build());
        RequestValues failed = run.accept(request().content(1, "x y").endAt(500)
                .failed(ErrorType.HTTP, 503, "Service Unavailable").build());
        assertEquals(1.0, failed.get(MetricTag.TIME_TO_FIRST_TOKEN), "the failed record's values are returned");

        RunSummary summary = run.summarize();
        Statistics ttft = summary.statistics(MetricTag.TIME_TO_FIRST_TOKEN).orElseThrow();
        assertEquals(2, ttft.count());
        assertEquals(10.0, ttft.min(), "the failed request's 1 ms TTFT is not in the statistics");
        assertEquals(20.0, ttft.avg());
        assertEquals(2, summary.requestCount());
        assertEquals(1, summary.errorRequestCount());
        assertEquals(0, summary.cancelledRequestCount());
    }

    @Test
    void warmupRequestsNeverEnterTheProfilingMetrics() {
        RunMetrics run = streamingRun(GoodputSlos.none());
        RequestValues warm = run.accept(request().warmup().content(999, "slow warmup").endAt(999).build());
        run.accept(request().warmup().failed(ErrorType.TIMEOUT, 0, "timed out").build());
        run.accept(request().content(10, "a b").endAt(10).build());
        assertEquals(999.0, warm.get(MetricTag.TIME_TO_FIRST_TOKEN), "warmup values are still computed");

        RunSummary summary = run.summarize();
        assertEquals(1, summary.statistics(MetricTag.TIME_TO_FIRST_TOKEN).orElseThrow().count());
        assertEquals(1, summary.requestCount());
        assertEquals(0, summary.errorRequestCount(), "a warmup failure is not a profiling error");
        assertTrue(summary.errors().isEmpty());
    }

    @Test
    void cancellationsAreCountedApartFromErrors() {
        RunMetrics run = streamingRun(GoodputSlos.none());
        run.accept(request().content(10, "a").endAt(10).build());
        run.accept(request().content(5, "b").endAt(6).cancelled().build());
        RunSummary summary = run.summarize();
        assertEquals(1, summary.cancelledRequestCount());
        assertEquals(0, summary.errorRequestCount());
        assertEquals(List.of(new ErrorCount(ErrorType.CANCELLED, 0, "cancelled by the schedule", 1)),
                summary.errors());
    }

    @Test
    void runLevelMetricsUseTheSpanOfValidProfilingRequests() {
        RunMetrics run = streamingRun(GoodputSlos.none());
        // ISL 3 each (prompt "one two three"); OSL 2 and 4; span 100 ms .. 600 ms = 0.5 s.
        run.accept(request().startAt(100).content(200, "a b").endAt(200).build());
        run.accept(request().startAt(300).content(400, "a b c d").endAt(600).build());
        // A failure outside the span does not stretch the duration.
        run.accept(request().startAt(0).endAt(900).failed(ErrorType.HTTP, 500, "boom").build());
        RunSummary summary = run.summarize();

        assertEquals(0.5, summary.runLevel(MetricTag.BENCHMARK_DURATION).orElseThrow(), 1e-12);
        assertEquals(6.0, summary.runLevel(MetricTag.TOTAL_OSL).orElseThrow());
        assertEquals(6.0, summary.runLevel(MetricTag.TOTAL_ISL).orElseThrow());
        assertEquals(12.0, summary.runLevel(MetricTag.OUTPUT_TOKEN_THROUGHPUT).orElseThrow(), 1e-9, "6 / 0.5");
        assertEquals(24.0, summary.runLevel(MetricTag.TOTAL_TOKEN_THROUGHPUT).orElseThrow(), 1e-9, "(6 + 6) / 0.5");
        assertEquals(4.0, summary.runLevel(MetricTag.REQUEST_THROUGHPUT).orElseThrow(), 1e-9, "2 / 0.5");
        assertFalse(summary.runLevel(MetricTag.GOODPUT).isPresent(), "no SLOs, no goodput");
        assertEquals(TestRecords.ns(0), summary.firstStartNs(), "the phase bounds include failures");
        assertEquals(TestRecords.ns(900), summary.lastEndNs());
    }

    @Test
    void goodputCountsValidRequestsMeetingEverySlo() {
        RunMetrics run = streamingRun(GoodputSlos.parse("time_to_first_token:50"));
        run.accept(request().startAt(0).content(40, "a").endAt(40).build());
        run.accept(request().startAt(0).content(60, "a").endAt(60).build());
        run.accept(request().startAt(0).content(100, "a").endAt(100).build());
        run.accept(request().startAt(0).content(10, "a").endAt(10)
                .failed(ErrorType.STREAM, 0, "reset").build());
        RunSummary summary = run.summarize();
        assertEquals(1.0, summary.runLevel(MetricTag.GOOD_REQUEST_COUNT).orElseThrow(),
                "only the 40 ms request; the failed 10 ms one does not count");
        assertEquals(10.0, summary.runLevel(MetricTag.GOODPUT).orElseThrow(), 1e-9, "1 good / 0.1 s");
        assertTrue(summary.applies(MetricTag.GOODPUT));
    }

    @Test
    void errorsAreCountedByTypeCodeAndMessageMostFrequentFirst() {
        RunMetrics run = streamingRun(GoodputSlos.none());
        run.accept(request().failed(ErrorType.HTTP, 500, "boom").build());
        run.accept(request().failed(ErrorType.HTTP, 503, "busy").build());
        run.accept(request().failed(ErrorType.HTTP, 503, "busy").build());
        run.accept(request().notStarted().failed(ErrorType.CONNECT, 0, "refused").build());
        assertEquals(List.of(new ErrorCount(ErrorType.HTTP, 503, "busy", 2),
                new ErrorCount(ErrorType.HTTP, 500, "boom", 1),
                new ErrorCount(ErrorType.CONNECT, 0, "refused", 1)), run.summarize().errors());
    }

    @Test
    void distinctErrorMessagesAreCappedSoMemoryStaysBounded() {
        RunMetrics run = streamingRun(GoodputSlos.none());
        int total = RunMetrics.MAX_DISTINCT_MESSAGES + 25;
        for (int i = 0; i < total; i++) {
            run.accept(request().failed(ErrorType.RESPONSE, 0, "bad event #" + i).build());
        }
        List<ErrorCount> errors = run.summarize().errors();
        assertEquals(RunMetrics.MAX_DISTINCT_MESSAGES + 1, errors.size());
        assertEquals(new ErrorCount(ErrorType.RESPONSE, 0, RunMetrics.OTHER_MESSAGES, 25), errors.get(0));
        assertEquals(total, errors.stream().mapToLong(ErrorCount::count).sum());
    }

    @Test
    void clientAndServerTokenCountsAreComparedOverRequestsWithUsage() {
        RunMetrics run = streamingRun(GoodputSlos.none());
        run.accept(request().content(10, "a b c").endAt(10).usage(4, 3, -1).build());
        run.accept(request().content(10, "a b").endAt(10).usage(4, 5, -1).build());
        run.accept(request().content(10, "no usage here").endAt(10).build());
        TokenCountComparison counts = run.summarize().tokenCounts();
        assertEquals(2, counts.requestsWithCompletionUsage());
        assertEquals(5, counts.clientOutputTokens(), "3 + 2; the request without usage is left out");
        assertEquals(8, counts.serverCompletionTokens());
        assertTrue(counts.outputDiffers());
        assertEquals(6, counts.clientInputTokens());
        assertEquals(8, counts.serverPromptTokens());
        assertEquals(8.0, run.summarize().runLevel(MetricTag.TOTAL_USAGE_COMPLETION_TOKENS).orElseThrow());
    }

    @Test
    void interChunkLatenciesGoToTheHistogram() {
        RunMetrics run = streamingRun(GoodputSlos.none());
        run.accept(request().content(10, "a").content(20, "b").content(50, "c").endAt(50).build());
        run.accept(request().content(10, "a").content(30, "b").endAt(30).build());
        Statistics icl = run.summarize().statistics(MetricTag.INTER_CHUNK_LATENCY).orElseThrow();
        assertEquals(3, icl.count(), "gaps 10, 30 and 20 ms");
        assertEquals(20.0, icl.avg(), 1e-12);
        assertEquals(10.0, icl.min());
        assertEquals(30.0, icl.max());
        assertEquals(20.0, icl.p50(), 20.0 * 0.001, "within HdrHistogram's 3 significant digits");
    }

    @Test
    void visionIsSetByAnyValidRequestWithImages() {
        RunMetrics run = streamingRun(GoodputSlos.none());
        run.accept(request().content(10, "a").endAt(10).build());
        assertFalse(run.summarize().vision());
        run.accept(request().images(1).content(10, "a").endAt(10).build());
        RunSummary summary = run.summarize();
        assertTrue(summary.vision());
        assertTrue(summary.applies(MetricTag.IMAGE_LATENCY));
        assertEquals(1, summary.statistics(MetricTag.IMAGE_LATENCY).orElseThrow().count());
    }

    @Test
    void runWithoutValidRequestsHasCountsButNoRates() {
        RunMetrics run = streamingRun(GoodputSlos.none());
        run.accept(request().failed(ErrorType.HTTP, 500, "boom").build());
        RunSummary summary = run.summarize();
        assertEquals(0, summary.requestCount());
        assertFalse(summary.runLevel(MetricTag.BENCHMARK_DURATION).isPresent());
        assertFalse(summary.runLevel(MetricTag.REQUEST_THROUGHPUT).isPresent());
        assertTrue(summary.statistics().isEmpty());
    }
}
