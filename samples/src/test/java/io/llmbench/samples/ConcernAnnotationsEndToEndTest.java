package io.llmbench.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link MockConcernsBenchmark}, compiled by the processor, run through {@code Main} against the mock
 * server: its {@code @Output} decides the files written, its {@code @Endpoint} path is the one
 * requests go to, and the command line overrides the export level.
 */
class ConcernAnnotationsEndToEndTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path artifacts;

    private Path run(String... extra) throws IOException {
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        Path root = artifacts.resolve("run" + extra.length);
        String[] args = Stream.concat(Stream.of("--mock", "--mock-ttft-ms", "1", "--mock-itl-ms", "1",
                "--artifact-dir", root.toString(), "MockConcernsBenchmark$"), Stream.of(extra)).toArray(String[]::new);
        int exit = new Main(new PrintStream(stdout, true, StandardCharsets.UTF_8),
                new PrintStream(stderr, true, StandardCharsets.UTF_8),
                Thread.currentThread().getContextClassLoader()).run(args);
        assertEquals(ExitCode.OK, exit, stdout.toString(StandardCharsets.UTF_8) + stderr);
        try (Stream<Path> dirs = Files.list(root)) {
            return dirs.toList().get(0);
        }
    }

    @Test
    void annotatedOutputDecidesTheFilesAndTheCommandLineOverridesIt() throws IOException {
        Path summary = run();
        assertFalse(Files.exists(summary.resolve("profile_export.jsonl")), "exportLevel = \"summary\"");
        assertTrue(Files.exists(summary.resolve("profile_export_llmbench_timeslices.json")), "sliceDuration = 1");
        JsonNode config = JSON.readTree(summary.resolve("profile_export_llmbench.json").toFile()).path("input_config");
        assertEquals("/v1/chat/completions", config.path("endpoint").path("custom_endpoint").asText(),
                "the annotated path, with its leading slash added: " + config);

        Path records = run("--export-level", "records");
        assertTrue(Files.exists(records.resolve("profile_export.jsonl")), "--export-level records wins");
    }
}
