package io.llmbench.runtime.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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

/** The runner as a user drives it, through {@link Main#run}, against the embedded mock server. */
class MainTest {

    @TempDir
    Path artifacts;

    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();

    private int run(String... args) {
        return new Main(new PrintStream(stdout, true, StandardCharsets.UTF_8),
                new PrintStream(stderr, true, StandardCharsets.UTF_8), getClass().getClassLoader()).run(args);
    }

    private String out() {
        return stdout.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return stderr.toString(StandardCharsets.UTF_8);
    }

    @Test
    void profileRunsAnAiperfStyleCommandLineWithoutStreamingByDefault() throws IOException {
        int exit = run("profile", "--mock", "--mock-ttft-ms", "5", "--mock-itl-ms", "1", "--concurrency", "2",
                "--request-count", "6", "--isl", "32", "--osl", "8", "--artifact-dir", artifacts.toString());
        assertEquals(ExitCode.OK, exit, out() + err());
        assertTrue(out().contains("non-streaming"), out());
        assertFalse(out().contains("Time to First Token"), "a non-streaming run has no streaming rows:\n" + out());
        assertTrue(out().contains("Request Latency (ms)"), out());
        JsonNode stats = new ObjectMapper().readTree(onlyRun().resolve("profile_export_llmbench.json").toFile());
        assertEquals(6, stats.path("request_count").path("avg").asInt());
        assertEquals(8.0, stats.path("output_sequence_length").path("avg").asDouble(), 0.0);
        assertEquals(32.0, stats.path("input_sequence_length").path("avg").asDouble(), 0.0);
        assertFalse(stats.path("input_config").path("endpoint").path("streaming").asBoolean(true));
    }

    @Test
    void goodputSlosAddTheGoodputRow() {
        int exit = run("profile", "--mock", "--streaming", "--mock-ttft-ms", "5", "--mock-itl-ms", "1",
                "--request-count", "4", "--isl", "16", "--osl", "4", "--goodput", "time_to_first_token:10000",
                "--artifact-dir", artifacts.toString());
        assertEquals(ExitCode.OK, exit, out() + err());
        assertTrue(out().contains("Goodput (requests/sec)"), out());
    }

    @Test
    void badGoodputFailsBeforeAnythingRuns() {
        assertEquals(ExitCode.USAGE, run("profile", "--mock", "--goodput", "no_such_metric:5",
                "--artifact-dir", artifacts.toString()));
        assertTrue(err().startsWith("llmbench: ") && err().contains("no_such_metric"), err());
        assertEquals(1, err().lines().count(), err());
        assertFalse(out().contains("LLM Metrics"), out());
        assertTrue(artifacts.toFile().list().length == 0, "nothing was written before the bad SLO was caught");
    }

    @Test
    void apiKeyIsSentButNeverWritten() throws IOException {
        String key = "sk-planted-secret-123";
        int exit = run("profile", "--mock", "--mock-ttft-ms", "1", "--mock-itl-ms", "0", "--request-count", "2",
                "--isl", "8", "--osl", "2", "--api-key", key, "-H", "Authorization: Bearer " + key,
                "--artifact-dir", artifacts.toString());
        assertEquals(ExitCode.OK, exit, out() + err());
        assertFalse(out().contains(key) || err().contains(key), "the key reached the console");
        try (Stream<Path> files = Files.walk(artifacts)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                assertFalse(Files.readString(file).contains(key), "the key reached " + file);
            }
        }
    }

    @Test
    void helpListsTheOptionsAndExitCodes() {
        assertEquals(ExitCode.OK, run("-h"));
        assertTrue(out().contains("--request-timeout-seconds") && out().contains("Exit codes"), out());
    }

    @Test
    void noBenchmarksOnTheClassPathPointsToProfile() {
        assertEquals(ExitCode.USAGE, run("--mock"));
        assertTrue(err().contains("profile"), err());
    }

    private Path onlyRun() throws IOException {
        try (Stream<Path> dirs = Files.list(artifacts)) {
            List<Path> all = dirs.toList();
            assertEquals(1, all.size(), all.toString());
            return all.get(0);
        }
    }
}
