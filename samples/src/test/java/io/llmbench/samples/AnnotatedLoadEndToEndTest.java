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
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link MockOpenLoopBenchmark}'s {@code @Load} drives a real run against the mock server: the
 * exported {@code input_config.load} shows the annotated settings, and the requests were scheduled
 * 1/rate apart.
 */
class AnnotatedLoadEndToEndTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path artifacts;

    @Test
    void annotatedRequestRatePacesTheRequestsAndIsExported() throws IOException {
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        int exit = new Main(new PrintStream(stdout, true, StandardCharsets.UTF_8),
                new PrintStream(stderr, true, StandardCharsets.UTF_8),
                Thread.currentThread().getContextClassLoader())
                .run(new String[] {"--mock", "--mock-ttft-ms", "5", "--mock-itl-ms", "1",
                    "--artifact-dir", artifacts.toString(), "MockOpenLoopBenchmark$"});
        assertEquals(ExitCode.OK, exit, stdout.toString(StandardCharsets.UTF_8) + stderr);

        Path runDir;
        try (Stream<Path> dirs = Files.list(artifacts)) {
            runDir = dirs.toList().get(0);
        }
        JsonNode load = JSON.readTree(runDir.resolve("profile_export_llmbench.json").toFile())
                .path("input_config").path("load");
        assertEquals("request_rate", load.path("mode").asText(), load.toString());
        assertEquals(20.0, load.path("request_rate").asDouble(), 0.0, load.toString());
        assertEquals("constant", load.path("arrival_pattern").asText(), load.toString());
        assertEquals(12, load.path("request_count").asInt(), load.toString());
        assertEquals(3, load.path("prefill_concurrency").asInt(), load.toString());

        List<Long> scheduled = Files.readAllLines(runDir.resolve("profile_export.jsonl")).stream()
                .map(AnnotatedLoadEndToEndTest::tree)
                .filter(r -> r.path("metadata").path("benchmark_phase").asText().equals("profiling"))
                .map(r -> r.path("metadata").path("scheduled_start_ns").asLong())
                .sorted()
                .toList();
        assertEquals(12, scheduled.size());
        double[] gapsMs = new double[scheduled.size() - 1];
        for (int i = 1; i < scheduled.size(); i++) {
            gapsMs[i - 1] = (scheduled.get(i) - scheduled.get(i - 1)) / 1e6;
            // A constant pattern at 20/s never schedules a request sooner than 50 ms after the one before.
            assertTrue(gapsMs[i - 1] > 49, "gap " + i + " = " + gapsMs[i - 1] + " ms in " + scheduled);
        }
        // Most gaps are the 50 ms; a sender that falls behind on a busy machine may stretch one.
        java.util.Arrays.sort(gapsMs);
        double median = gapsMs[gapsMs.length / 2];
        assertTrue(median > 49 && median < 51, "median gap " + median + " ms in " + scheduled);
    }

    private static JsonNode tree(String line) {
        try {
            return JSON.readTree(line);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
