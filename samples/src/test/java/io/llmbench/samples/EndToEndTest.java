package io.llmbench.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.llmbench.runtime.cli.ExitCode;
import io.llmbench.runtime.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole path a user takes: a benchmark class compiled by the processor, discovered through the
 * generated index, run by the CLI against the embedded mock server over real loopback HTTP, with the
 * table printed and the exports written.
 */
class EndToEndTest {

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

    @Test
    void annotatedBenchmarkRunsAgainstTheMockAndMeasuresWhatTheMockWasTold() throws IOException {
        int exit = run("--mock", "--mock-ttft-ms", "50", "--mock-itl-ms", "10", "--mock-output-tokens", "64",
                "--artifact-dir", artifacts.toString(), "MockChatBenchmark$");
        String out = stdout.toString(StandardCharsets.UTF_8);
        assertEquals(ExitCode.OK, exit, out + stderr);
        assertTrue(out.contains("llmbench | LLM Metrics"), out);
        assertTrue(out.contains("Time to First Token (ms)"), out);

        Path runDir = onlyRunDirectory();
        JsonNode stats = JSON.readTree(runDir.resolve("profile_export_llmbench.json").toFile());
        assertEquals(40, stats.path("request_count").path("avg").asInt(), stats.toString());
        double ttftP50 = stats.path("time_to_first_token").path("p50").asDouble();
        // The mock waits 50 ms from the request's arrival; the client measures from the send, so its
        // value is at least that, plus loopback and scheduling noise on a busy 2-core machine.
        assertTrue(ttftP50 >= 49.5 && ttftP50 < 120, "TTFT p50 " + ttftP50);
        double itlAvg = stats.path("inter_token_latency").path("avg").asDouble();
        assertTrue(itlAvg >= 9.5 && itlAvg < 20, "ITL avg " + itlAvg);
        assertEquals(64.0, stats.path("output_sequence_length").path("avg").asDouble(), 0.0,
                "every response had the 64 tokens asked for");
        // The mock's model is not on the Hub: the bundled tokenizer counts, and both outputs say so.
        assertTrue(out.contains("# Tokenizer: using the fallback cl100k_base"), out);
        assertEquals("cl100k_base (fallback)", stats.path("input_config").path("input").path("tokenizer").asText(),
                stats.path("input_config").toString());

        List<String> records = Files.readAllLines(runDir.resolve("profile_export.jsonl"));
        long profiling = records.stream().map(EndToEndTest::tree)
                .filter(r -> r.path("metadata").path("benchmark_phase").asText().equals("profiling")).count();
        assertEquals(40, profiling);
        assertTrue(records.size() >= 40, "warmup records are exported too");
        JsonNode inputs = JSON.readTree(runDir.resolve("inputs.json").toFile());
        assertTrue(inputs.isObject(), "inputs.json parses");
        List<String> csv = Files.readAllLines(runDir.resolve("profile_export_llmbench.csv"));
        assertTrue(csv.get(0).startsWith("Metric,avg,min,max,p1,p5,p10,p25,p50,p75,p90,p95,p99,std"), csv.get(0));
    }

    @Test
    void listingShowsTheGeneratedBenchmarks() {
        assertEquals(ExitCode.OK, run("-l"));
        String out = stdout.toString(StandardCharsets.UTF_8);
        assertTrue(out.contains("io.llmbench.samples.MockChatBenchmark"), out);
        assertTrue(out.contains("io.llmbench.samples.MmstarVision"), out);
        assertTrue(out.contains("io.llmbench.samples.SyntheticChat"), out);
    }

    @Test
    void unreachableServerIsOneClearLineAFailedRunAndExportsThatSaySo() throws IOException {
        int exit = run("--url", "127.0.0.1:1", "--model", "m", "--artifact-dir", artifacts.toString(),
                "MockChatBenchmark$");
        String err = stderr.toString(StandardCharsets.UTF_8);
        assertEquals(ExitCode.RUN_FAILED, exit, err);
        assertTrue(err.contains("cannot connect to http://127.0.0.1:1"), err);
        assertTrue(err.contains("nothing was sent; exports: "), err);
        assertEquals(1, err.lines().count(), err);
        JsonNode summary = JSON.readTree(onlyRunDirectory().resolve("profile_export_llmbench.json").toFile());
        assertTrue(summary.path("run_failure").asText().startsWith("cannot connect to http://127.0.0.1:1"),
                summary.toString());
        assertEquals(0, summary.path("request_accounting").path("sent").asInt(-1));
        assertTrue(Files.isRegularFile(onlyRunDirectory().resolve("profile_export_llmbench.csv")));
    }

    @Test
    void mmstarNeedsTheHubAndSaysSoInOneLine() {
        // A Hub that cannot be reached (nothing listens on port 1) and an empty cache.
        Map<String, String> env = Map.of("HF_ENDPOINT", "http://127.0.0.1:1",
                "LLMBENCH_CACHE", artifacts.resolve("cache").toString(), "HF_HOME", artifacts.resolve("hf").toString());
        int exit = new Main(new PrintStream(stdout, true, StandardCharsets.UTF_8),
                new PrintStream(stderr, true, StandardCharsets.UTF_8),
                Thread.currentThread().getContextClassLoader(), env)
                .run(new String[] {"--mock", "--artifact-dir", artifacts.toString(), "MmstarVision"});
        String err = stderr.toString(StandardCharsets.UTF_8);
        assertEquals(ExitCode.USAGE, exit, err);
        assertTrue(err.contains("dataset mmstar (Lin-Chen/MMStar, split val): cannot reach http://127.0.0.1:1"), err);
        assertTrue(err.contains("--offline"), err);
        assertEquals(1, err.lines().filter(l -> l.startsWith("llmbench:")).count(), err);
    }

    @Test
    void mmstarOfflineWithoutACacheSaysHowToCacheIt() {
        Map<String, String> env = Map.of("HF_HUB_OFFLINE", "1",
                "LLMBENCH_CACHE", artifacts.resolve("cache").toString(), "HF_HOME", artifacts.resolve("hf").toString());
        int exit = new Main(new PrintStream(stdout, true, StandardCharsets.UTF_8),
                new PrintStream(stderr, true, StandardCharsets.UTF_8),
                Thread.currentThread().getContextClassLoader(), env)
                .run(new String[] {"--mock", "--artifact-dir", artifacts.toString(), "MmstarVision"});
        String err = stderr.toString(StandardCharsets.UTF_8);
        assertEquals(ExitCode.USAGE, exit, err);
        assertTrue(err.contains("offline") && err.contains("to cache it"), err);
        assertEquals(1, err.lines().filter(l -> l.startsWith("llmbench:")).count(), err);
    }

    @Test
    void unknownSelectionPointsToTheList() {
        assertEquals(ExitCode.USAGE, run("NoSuchBenchmark"));
        assertTrue(stderr.toString(StandardCharsets.UTF_8).contains("-l"));
    }

    private Path onlyRunDirectory() throws IOException {
        try (Stream<Path> dirs = Files.list(artifacts)) {
            List<Path> all = dirs.toList();
            assertEquals(1, all.size(), all.toString());
            return all.get(0);
        }
    }

    private static JsonNode tree(String line) {
        try {
            return JSON.readTree(line);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + line, e);
        }
    }
}
