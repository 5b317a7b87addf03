package io.llmbench.runtime.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.llmbench.runtime.cli.Main;
import io.llmbench.runtime.report.AggregateCsvWriter;
import io.llmbench.runtime.report.AggregateJsonWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Repeated runs of one point end to end through {@code Main} against the embedded mock server: the
 * cooldown between runs, warmup before the first run only (or every run), one seed for every run (or
 * one each), and the interval over the runs at the confidence level, printed and exported.
 */
class RepeatedRunsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path artifacts;

    private record Runs(int exit, String out, String err, List<Path> runDirs, Path aggregateDir) {

        JsonNode aggregate() throws IOException {
            return JSON.readTree(aggregateDir.resolve(AggregateJsonWriter.FILE_NAME).toFile());
        }

        List<JsonNode> records(int run) throws IOException {
            return RunArtifacts.records(runDirs.get(run - 1));
        }

        long warmupRecords(int run) throws IOException {
            return records(run).stream()
                    .filter(r -> r.get("metadata").get("benchmark_phase").asText().equals("warmup")).count();
        }

        String inputs(int run) throws IOException {
            return Files.readString(runDirs.get(run - 1).resolve("inputs.json"));
        }
    }

    private Runs profile(String name, String... options) throws IOException {
        Path dir = artifacts.resolve(name);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<String> args = new ArrayList<>(List.of("profile", "--mock", "--streaming", "--isl", "16",
                "--num-dataset-entries", "4", "--concurrency", "2", "--request-count", "4", "--mock-ttft-ms", "1",
                "--mock-itl-ms", "0", "--mock-output-tokens", "3", "--artifact-dir", dir.toString()));
        args.addAll(List.of(options));
        int exit = new Main(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), getClass().getClassLoader())
                .run(args.toArray(String[]::new));
        List<Path> runDirs = new ArrayList<>();
        Path aggregate = null;
        if (Files.isDirectory(dir)) {
            try (Stream<Path> dirs = Files.list(dir)) {
                for (Path path : dirs.sorted().toList()) {
                    if (path.getFileName().toString().contains("-aggregate-")) {
                        aggregate = path;
                    } else {
                        runDirs.add(path);
                    }
                }
            }
        }
        // Folder names carry run1, run2, ...: sorted, they are in run order (fewer than ten runs).
        return new Runs(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8), runDirs,
                aggregate);
    }

    private static long first(List<JsonNode> records, String field) {
        return records.stream().mapToLong(r -> r.get("metadata").get(field).asLong()).min().orElseThrow();
    }

    private static long last(List<JsonNode> records, String field) {
        return records.stream().mapToLong(r -> r.get("metadata").get(field).asLong()).max().orElseThrow();
    }

    @Test
    void runsAreCooledDownWarmedUpOnceAndShareOneWorkloadByDefault() throws IOException {
        Runs runs = profile("defaults", "--num-profile-runs", "3", "--warmup-request-count", "2",
                "--profile-run-cooldown-seconds", "0.3");
        assertEquals(0, runs.exit(), runs.err());
        assertEquals(3, runs.runDirs().size(), runs.runDirs().toString());
        assertTrue(runs.out().contains("# Cooldown: 0.3 s before run 2 of 3"), runs.out());
        assertTrue(runs.out().contains("# Cooldown: 0.3 s before run 3 of 3"), runs.out());
        assertTrue(!runs.out().contains("before run 4"), "no cooldown after the last run");
        for (int run = 1; run < 3; run++) {
            long gapNs = first(runs.records(run + 1), "request_start_ns") - last(runs.records(run), "request_end_ns");
            assertTrue(gapNs >= 300_000_000L, "run " + run + " to " + (run + 1) + ": " + gapNs / 1e6 + " ms apart");
        }
        assertEquals(2, runs.warmupRecords(1), "the first run warms up");
        assertEquals(0, runs.warmupRecords(2), "later runs measure steady state");
        assertEquals(0, runs.warmupRecords(3));
        assertEquals(runs.inputs(1), runs.inputs(2), "one seed: the same request bodies in every run");
        assertEquals(runs.inputs(1), runs.inputs(3));
        JsonNode load = JSON.readTree(runs.runDirs().get(0).resolve("profile_export_llmbench.json").toFile())
                .get("input_config").get("load");
        assertEquals(0.3, load.get("profile_run_cooldown_seconds").asDouble());
        assertEquals(0.95, load.get("confidence_level").asDouble());
        assertTrue(load.get("profile_run_disable_warmup_after_first").asBoolean());
        assertTrue(load.get("set_consistent_seed").asBoolean());
    }

    @Test
    void warmupBeforeEveryRunAndASeedPerRunWhenTurnedOff() throws IOException {
        Runs runs = profile("per-run", "--num-profile-runs", "3", "--warmup-request-count", "2",
                "--no-profile-run-disable-warmup-after-first", "--no-set-consistent-seed");
        assertEquals(0, runs.exit(), runs.err());
        for (int run = 1; run <= 3; run++) {
            assertEquals(2, runs.warmupRecords(run), "run " + run + " warms up");
        }
        assertNotEquals(runs.inputs(1), runs.inputs(2), "each run its own seed: other prompts");
        assertNotEquals(runs.inputs(2), runs.inputs(3));
        assertTrue(!runs.out().contains("# Cooldown"), "no cooldown by default");
    }

    @Test
    void anExplicitSeedKeepsTheWorkloadWithoutAConsistentSeed() throws IOException {
        Runs runs = profile("seeded", "--num-profile-runs", "2", "--no-set-consistent-seed", "--random-seed", "7");
        assertEquals(0, runs.exit(), runs.err());
        assertEquals(runs.inputs(1), runs.inputs(2));
    }

    @Test
    void theIntervalIsStudentsTAtTheConfidenceLevelPrintedAndExported() throws IOException {
        Runs at90 = profile("level90", "--num-profile-runs", "3", "--confidence-level", "0.90");
        assertEquals(0, at90.exit(), at90.err());
        assertTrue(at90.out().contains("# Over 3 profile runs (3 successful): mean ± 90% confidence interval"),
                at90.out());
        JsonNode aggregate = at90.aggregate();
        Set<ValidationMessage> errors = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(Files.readString(Path.of("..", "docs", "schemas",
                        "profile_export_llmbench_aggregate.schema.json")))
                .validate(aggregate);
        assertTrue(errors.isEmpty(), "the aggregate does not match its schema: " + errors);
        JsonNode metadata = aggregate.get("metadata");
        assertEquals(0.90, metadata.get("confidence_level").asDouble());
        assertEquals(3, metadata.get("num_successful_runs").asInt());
        assertEquals("run_0001", metadata.get("run_labels").get(0).asText());
        assertEquals(at90.runDirs().get(1).getFileName().toString(),
                metadata.get("run_directories").get("run_0002").asText());
        // Every statistic of every metric; the interval is t(0.90, df 2) = 2.920 standard errors wide each way.
        for (String key : List.of("request_throughput_avg", "time_to_first_token_p99", "request_latency_avg",
                "output_sequence_length_avg")) {
            JsonNode metric = aggregate.get("metrics").get(key);
            assertTrue(metric != null, key + " missing: " + aggregate.get("metrics").fieldNames());
            assertEquals(2.919986, metric.get("t_critical").asDouble(), 1e-6, key);
            double se = metric.get("std").asDouble() / Math.sqrt(3);
            assertEquals(se, metric.get("se").asDouble(), 1e-9, key);
            double half = (metric.get("ci_high").asDouble() - metric.get("ci_low").asDouble()) / 2;
            assertEquals(2.919986 * se, half, 1e-6 * Math.max(1, half), key);
            assertEquals(metric.get("mean").asDouble(), (metric.get("ci_high").asDouble()
                    + metric.get("ci_low").asDouble()) / 2, 1e-6 * Math.max(1, metric.get("mean").asDouble()), key);
        }
        JsonNode throughput = aggregate.get("metrics").get("request_throughput_avg");
        assertEquals("requests/sec", throughput.get("unit").asText());
        Matcher printed = Pattern.compile("# Request Throughput \\(requests/sec\\): ([0-9,.]+) ± ([0-9,.]+) ")
                .matcher(at90.out());
        assertTrue(printed.find(), at90.out());
        assertEquals(String.format(Locale.ROOT, "%,.2f", throughput.get("mean").asDouble()), printed.group(1));
        assertEquals(String.format(Locale.ROOT, "%,.2f",
                (throughput.get("ci_high").asDouble() - throughput.get("ci_low").asDouble()) / 2), printed.group(2));
        List<String> csv = Files.readAllLines(at90.aggregateDir().resolve(AggregateCsvWriter.FILE_NAME));
        assertEquals(AggregateCsvWriter.HEADER, csv.get(0));
        assertTrue(csv.stream().anyMatch(line -> line.startsWith("request_throughput_avg,")
                && line.contains(",2.9200,requests/sec")), csv.toString());

        Runs at99 = profile("level99", "--num-profile-runs", "3", "--confidence-level", "0.99");
        assertEquals(0, at99.exit(), at99.err());
        JsonNode wider = at99.aggregate().get("metrics").get("request_throughput_avg");
        assertEquals(9.924843, wider.get("t_critical").asDouble(), 1e-6, "t(0.99, df 2)");
        double widerHalf = (wider.get("ci_high").asDouble() - wider.get("ci_low").asDouble()) / 2;
        assertEquals(wider.get("t_critical").asDouble() * wider.get("se").asDouble(), widerHalf, 1e-9 * widerHalf);
        assertTrue(at99.out().contains("mean ± 99% confidence interval"), at99.out());
    }
}
