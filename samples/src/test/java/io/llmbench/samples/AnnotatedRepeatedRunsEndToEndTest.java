package io.llmbench.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
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
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link MockRepeatedRunsBenchmark}'s repeated-run attributes, through the generated code, drive real
 * runs against the mock server; the command line overrides one of them.
 */
class AnnotatedRepeatedRunsEndToEndTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path artifacts;

    private String run(String... options) {
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        String[] args = Stream.concat(Stream.of("--mock", "--mock-ttft-ms", "1", "--mock-itl-ms", "0",
                "--artifact-dir", artifacts.toString()), Stream.concat(Stream.of(options),
                Stream.of("MockRepeatedRunsBenchmark$"))).toArray(String[]::new);
        int exit = new Main(new PrintStream(stdout, true, StandardCharsets.UTF_8),
                new PrintStream(stderr, true, StandardCharsets.UTF_8),
                Thread.currentThread().getContextClassLoader()).run(args);
        String out = stdout.toString(StandardCharsets.UTF_8);
        assertEquals(ExitCode.OK, exit, out + stderr);
        return out;
    }

    private List<Path> folders() throws IOException {
        try (Stream<Path> dirs = Files.list(artifacts)) {
            return dirs.sorted().toList();
        }
    }

    @Test
    void annotatedRunsCoolDownWarmUpEachTimeTakeTheirOwnSeedAndReportTheirLevel() throws IOException {
        String out = run();
        assertTrue(out.contains("# Cooldown: 0.25 s before run 3 of 3"), out);
        List<Path> folders = folders();
        assertEquals(4, folders.size(), "three runs and their aggregate: " + folders);
        Path aggregateDir = folders.stream().filter(p -> p.getFileName().toString().contains("-aggregate-"))
                .findFirst().orElseThrow();
        JsonNode aggregate = JSON.readTree(aggregateDir.resolve("profile_export_llmbench_aggregate.json").toFile());
        assertEquals(0.9, aggregate.path("metadata").path("confidence_level").asDouble());
        assertEquals(2.919986, aggregate.path("metrics").path("request_latency_avg").path("t_critical").asDouble(),
                1e-6);
        List<Path> runs = folders.stream().filter(p -> p != aggregateDir).toList();
        for (Path run : runs) {
            long warmups = Files.readAllLines(run.resolve("profile_export.jsonl")).stream()
                    .filter(line -> line.contains("\"benchmark_phase\":\"warmup\"")).count();
            assertEquals(1, warmups, "warmup before every run: " + run);
        }
        assertNotEquals(Files.readString(runs.get(0).resolve("inputs.json")),
                Files.readString(runs.get(1).resolve("inputs.json")), "a seed per run");
    }

    @Test
    void theCommandLineOverridesAnAnnotatedSetting() throws IOException {
        String out = run("--confidence-level", "0.99", "--profile-run-cooldown-seconds", "0");
        assertTrue(out.contains("mean ± 99% confidence interval"), out);
        assertTrue(!out.contains("# Cooldown"), out);
    }
}
