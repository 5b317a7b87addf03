package io.llmbench.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.llmbench.runtime.cli.ExitCode;
import io.llmbench.runtime.cli.Main;
import io.llmbench.runtime.report.SweepSummaryTable;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * JMH's selection and result options on a real sweep against the mock server: the table across
 * points, {@code -p} overriding a list, {@code -e}, {@code -lp}, and {@code -rf} writing one file
 * for the whole invocation.
 */
class SweepAndSelectionTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path artifacts;

    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();

    private int run(String... args) {
        return new Main(new PrintStream(stdout, true, StandardCharsets.UTF_8),
                new PrintStream(stderr, true, StandardCharsets.UTF_8),
                Thread.currentThread().getContextClassLoader()).run(args);
    }

    private String out() {
        return stdout.toString(StandardCharsets.UTF_8);
    }

    private String[] mockRun(String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("--mock", "--mock-ttft-ms", "1", "--mock-itl-ms", "1",
                "--artifact-dir", artifacts.toString()));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    @Test
    void sweepRunsEveryPointThenPrintsOneRowPerPointAndOneJsonResultFile() throws IOException {
        Path result = artifacts.resolve("all.json");
        int exit = run(mockRun("-rf", "json", "-rff", result.toString(), "MockSweepBenchmark"));
        assertEquals(ExitCode.OK, exit, out() + stderr);
        String out = out();
        int table = out.indexOf(SweepSummaryTable.TITLE);
        assertTrue(table > out.lastIndexOf("llmbench | LLM Metrics"), "the summary follows the per-point tables:\n" + out);
        List<String> rows = out.substring(table).lines().filter(l -> l.startsWith("MockSweepBenchmark")).toList();
        assertEquals(2, rows.size(), out);
        assertTrue(rows.get(0).matches("MockSweepBenchmark \\|\\s+1 \\|.*") && rows.get(1).contains(" 2 |"), out);

        JsonNode runs = JSON.readTree(result.toFile()).path("runs");
        assertEquals(2, runs.size(), runs.toString());
        assertEquals("1", runs.get(0).path("sweep_point").path("concurrency").asText());
        assertEquals("2", runs.get(1).path("sweep_point").path("concurrency").asText());
        assertEquals(4, runs.get(1).path("metrics").path("request_count").path("avg").asInt());
        assertTrue(runs.get(0).path("metrics").path("time_to_first_token").has("p99"), runs.toString());
        assertTrue(Files.isDirectory(Path.of(runs.get(0).path("run_directory").asText())),
                "the per-run exports are still written");
    }

    @Test
    void parameterOverridesTheAnnotatedListAndCsvHoldsEveryPoint() throws IOException {
        int exit = run(mockRun("-p", "concurrency=3", "-rf", "csv", "MockSweepBenchmark"));
        assertEquals(ExitCode.OK, exit, out() + stderr);
        assertTrue(out().contains("concurrency 3,"), out());
        assertFalse(out().contains(SweepSummaryTable.TITLE), "one run has no table across runs");
        List<String> csv = Files.readAllLines(artifacts.resolve("llmbench-result.csv"));
        assertTrue(csv.get(0).startsWith("Benchmark,Metric,Unit,avg"), csv.get(0));
        assertTrue(csv.stream().anyMatch(l -> l.startsWith("io.llmbench.samples.MockSweepBenchmark,request_count,"
                + "requests,4")), String.join("\n", csv));
    }

    @Test
    void parameterSweepsAStreamingListAcrossPoints() {
        int exit = run(mockRun("-p", "concurrency=1", "-p", "streaming=true,false", "MockSweepBenchmark"));
        assertEquals(ExitCode.OK, exit, out() + stderr);
        assertTrue(out().contains("{streaming=true}") && out().contains("{streaming=false}"), out());
    }

    @Test
    void excludeLeavesOutMatchingBenchmarksAndListWithParametersShowsTheAnnotation() {
        assertEquals(ExitCode.OK, run("-lp", "-e", "Vision|Chat", "Mock"));
        String out = out();
        assertTrue(out.contains("io.llmbench.samples.MockSweepBenchmark\n  concurrency = {1, 2}\n  requestCount = 4"),
                out);
        assertFalse(out.contains("MockChatBenchmark"), out);
    }

    @Test
    void unknownParameterIsOneLineNamingTheKnownOnes() {
        assertEquals(ExitCode.USAGE, run("-p", "threads=4"));
        assertTrue(stderr.toString(StandardCharsets.UTF_8).contains("use one of [concurrency, streaming, outputTokens,"
                + " inputTokensMean, requestRate, urls, models, audioSampleRates, audioDepths]"), stderr.toString(StandardCharsets.UTF_8));
    }

    @Test
    void parameterAndItsOptionTogetherAreAContradiction() {
        assertEquals(ExitCode.USAGE, run(mockRun("-p", "concurrency=1", "--concurrency", "2", "MockSweepBenchmark")));
        assertTrue(stderr.toString(StandardCharsets.UTF_8).contains("contradict"), stderr.toString());
    }
}
