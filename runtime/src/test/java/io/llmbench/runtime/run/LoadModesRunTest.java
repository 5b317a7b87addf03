package io.llmbench.runtime.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.llmbench.runtime.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Open-loop modes end to end: the profile command against the embedded mock server. */
class LoadModesRunTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path artifacts;

    private record Result(int exit, String out, String err, List<JsonNode> records, JsonNode summary) {
    }

    private Result profile(String... options) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<String> args = new ArrayList<>(List.of("profile", "--mock", "--streaming", "--isl", "16",
                "--num-dataset-entries", "5", "--artifact-dir", artifacts.toString()));
        args.addAll(List.of(options));
        int exit = new Main(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), getClass().getClassLoader())
                .run(args.toArray(String[]::new));
        Path runDir = RunArtifacts.runDirectory(artifacts);
        List<JsonNode> records = RunArtifacts.records(runDir);
        JsonNode summary = JSON.readTree(runDir.resolve("profile_export_llmbench.json").toFile());
        return new Result(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8), records,
                summary);
    }

    @Test
    void requestRateRunReportsScheduleLagAndLatencyFromTheSchedule() throws IOException {
        Result result = profile("--request-rate", "200", "--arrival-pattern", "constant", "--request-count", "40",
                "--mock-ttft-ms", "2", "--mock-itl-ms", "0", "--mock-output-tokens", "4");
        assertEquals(0, result.exit(), result.err());
        assertTrue(result.out().contains("# Load: constant 200 req/s, concurrency unlimited, 40 requests"),
                result.out());
        assertTrue(result.out().contains("# Schedule Lag (ms): avg"), result.out());
        assertTrue(result.out().contains("# Request Latency From Schedule (ms)"), result.out());
        assertEquals(40, result.records().size());
        long previous = 0;
        for (JsonNode record : result.records()) {
            JsonNode metadata = record.get("metadata");
            long scheduled = metadata.get("scheduled_start_ns").asLong();
            long start = metadata.get("request_start_ns").asLong();
            assertTrue(start >= scheduled, "sent no earlier than scheduled");
            assertTrue(record.get("metrics").has("schedule_lag"), record.toString());
            assertTrue(record.get("metrics").has("time_to_first_token_from_schedule"), record.toString());
            previous = Math.max(previous, scheduled);
        }
        assertTrue(result.summary().has("schedule_lag"), "schedule lag in the statistics");
        JsonNode load = result.summary().get("input_config").get("load");
        assertEquals("request_rate", load.get("mode").asText());
        assertEquals(200.0, load.get("request_rate").asDouble());
        assertEquals("constant", load.get("arrival_pattern").asText());
        assertTrue(load.get("concurrency").isNull(), "no concurrency limit: " + load);
        double p50 = result.summary().get("schedule_lag").get("p50").asDouble();
        assertTrue(p50 >= 0 && p50 < 1000, "schedule lag p50 in ms: " + p50);
    }

    @Test
    void durationEndCancelsLongStreamsAndCountsThemAsCancelled() throws IOException {
        // Streams of 1,000 tokens at 10 ms take 10 s: none finishes in 0.5 s + 0.2 s grace.
        Result result = profile("--request-rate", "20", "--benchmark-duration", "0.5", "--benchmark-grace-period",
                "0.2", "--mock-ttft-ms", "1", "--mock-itl-ms", "10", "--mock-output-tokens", "1000");
        assertTrue(result.err().contains("no request succeeded"), result.err());
        long cancelled = result.records().stream()
                .filter(r -> r.get("metadata").get("was_cancelled").asBoolean()).count();
        assertTrue(result.records().size() >= 3, "sent " + result.records().size());
        assertEquals(result.records().size(), cancelled, "every request is exported as cancelled, none dropped");
        assertEquals((double) cancelled, result.summary().get("cancelled_request_count").get("avg").asDouble());
        assertTrue(result.out().contains("benchmark duration and grace period ended"), result.out());
    }

    @Test
    void closedLoopRunIsUnchangedAndHasNoScheduleLines() throws IOException {
        Result result = profile("--concurrency", "2", "--request-count", "6", "--mock-ttft-ms", "1",
                "--mock-itl-ms", "0", "--mock-output-tokens", "3");
        assertEquals(0, result.exit(), result.err());
        assertTrue(result.out().contains("# Load: closed loop, concurrency 2, 6 requests; no warmup"), result.out());
        assertTrue(!result.out().contains("Schedule Lag"), result.out());
        assertEquals(6, result.records().size());
    }

    @Test
    void profileRunsRepeatThePointAndReportMeanWithConfidenceInterval() throws IOException {
        Result result = profile("--concurrency", "2", "--request-count", "4", "--warmup-request-count", "2",
                "--num-profile-runs", "2", "--mock-ttft-ms", "1", "--mock-itl-ms", "0", "--mock-output-tokens", "3");
        assertEquals(0, result.exit(), result.err());
        assertTrue(result.out().contains("# Benchmark: profile {run=1}"), result.out());
        assertTrue(result.out().contains("# Benchmark: profile {run=2}"), result.out());
        assertTrue(result.out().contains("; warmup: closed loop, concurrency 2, 2 requests"), "first run warms up");
        assertTrue(result.out().contains("# Over 2 profile runs"), result.out());
        assertTrue(result.out().matches("(?s).*# Request Throughput \\(requests/sec\\): [0-9,.]+ ± [0-9,.]+ .*"),
                result.out());
    }

    @Test
    void confidenceIntervalUsesStudentsT() {
        io.llmbench.runtime.metrics.RunsInterval interval =
                io.llmbench.runtime.metrics.RunsInterval.of(new double[] {1, 2, 3}, 0.95);
        assertEquals(2, interval.mean(), 1e-12);
        assertEquals(4.302653 / Math.sqrt(3), interval.halfWidth(), 1e-6);
        assertEquals(0.5, interval.cv(), 1e-12);
    }

    @Test
    void prefillConcurrencyStartsTheNextRequestOnlyAfterTheFirstToken() throws IOException {
        Result result = profile("--concurrency", "4", "--prefill-concurrency", "1", "--request-count", "6",
                "--mock-ttft-ms", "40", "--mock-itl-ms", "10", "--mock-output-tokens", "10");
        assertEquals(0, result.exit(), result.err());
        List<double[]> spans = new ArrayList<>();
        for (JsonNode record : result.records()) {
            double start = record.get("metadata").get("request_start_ns").asDouble() / 1e6;
            double ttft = record.get("metrics").get("time_to_first_token").get("value").asDouble();
            double latency = record.get("metrics").get("request_latency").get("value").asDouble();
            spans.add(new double[] {start, start + ttft, start + latency});
        }
        spans.sort(java.util.Comparator.comparingDouble(span -> span[0]));
        boolean overlapped = false;
        for (int i = 1; i < spans.size(); i++) {
            assertTrue(spans.get(i)[0] >= spans.get(i - 1)[1] - 1,
                    "request " + i + " started before the previous one's first token");
            overlapped |= spans.get(i)[0] < spans.get(i - 1)[2];
        }
        assertTrue(overlapped, "streams past their prefill overlap under --concurrency 4");
    }
}
