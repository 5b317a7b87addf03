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

/**
 * Requests that fail (HTTP errors, malformed streams) as a user meets them through {@link Main}: the
 * run goes on, failures are counted by type in the error table and in the exports, the exports are
 * written, and the exit code is non-zero only when nothing succeeded, with one line saying so.
 */
class FailedRequestsThroughMainTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path artifacts;

    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();

    private int profile(String fault, int requests) {
        return new Main(new PrintStream(stdout, true, StandardCharsets.UTF_8),
                new PrintStream(stderr, true, StandardCharsets.UTF_8), getClass().getClassLoader())
                .run(new String[] {"profile", "--mock", "--streaming", "--mock-ttft-ms", "2", "--mock-itl-ms", "1",
                        "--concurrency", "2", "--request-count", Integer.toString(requests), "--isl", "16", "--osl", "4",
                        "--mock-fault", fault, "--artifact-dir", artifacts.toString()});
    }

    private String out() {
        return stdout.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return stderr.toString(StandardCharsets.UTF_8);
    }

    @Test
    void everyRequestAnHttpErrorIsAFailedRunWithOneLineTheErrorTableAndTheExports() throws IOException {
        int exit = profile("http_500:1", 6);

        assertEquals(ExitCode.RUN_FAILED, exit, out() + err());
        assertEquals(1, err().lines().count(), err());
        assertTrue(err().startsWith("llmbench: ") && err().contains("no request succeeded"), err());
        assertFalse(err().contains("Exception"), "no stack trace for a failed run: " + err());
        assertTrue(out().contains("Error Summary"), out());
        assertTrue(out().contains("http |  500 |"), "the errors counted by type and code:\n" + out());
        assertTrue(out().contains("sent 6 = succeeded 0 + failed 6"), out());

        Path run = onlyRun();
        JsonNode summary = JSON.readTree(run.resolve("profile_export_llmbench.json").toFile());
        assertEquals(6, summary.path("error_request_count").path("avg").asInt(), summary.toString());
        JsonNode firstError = summary.path("error_summary").path(0);
        assertEquals("http", firstError.path("error_details").path("type").asText(), summary.toString());
        assertEquals(500, firstError.path("error_details").path("code").asInt(), summary.toString());
        assertEquals(6, firstError.path("count").asInt(), summary.toString());
        List<JsonNode> records = records(run);
        assertEquals(6, records.size());
        assertTrue(records.stream().allMatch(r -> r.path("error").path("code").asInt() == 500), records.toString());
        assertTrue(JSON.readTree(run.resolve("inputs.json").toFile()).isObject());
        assertTrue(Files.readString(run.resolve("profile_export_llmbench.csv")).startsWith("Metric,"));
    }

    @Test
    void everyStreamMalformedIsAFailedRunCountedAsResponseErrors() throws IOException {
        int exit = profile("malformed_event:1", 6);

        assertEquals(ExitCode.RUN_FAILED, exit, out() + err());
        assertEquals(1, err().lines().count(), err());
        assertTrue(err().contains("no request succeeded"), err());
        assertTrue(out().contains("malformed JSON in stream event"), out());
        JsonNode summary = JSON.readTree(onlyRun().resolve("profile_export_llmbench.json").toFile());
        assertEquals("response", summary.path("error_summary").path(0).path("error_details").path("type").asText(),
                summary.toString());
        assertEquals(6, summary.path("error_summary").path(0).path("count").asInt(), summary.toString());
    }

    @Test
    void someFailuresLeaveASuccessfulRunThatCountsThem() throws IOException {
        // The mock draws each fault at random: with 20 requests, all or none failing is a 1 in 500,000 chance.
        int exit = profile("http_503:0.5", 20);

        assertEquals(ExitCode.OK, exit, out() + err());
        assertEquals("", err());
        JsonNode summary = JSON.readTree(onlyRun().resolve("profile_export_llmbench.json").toFile());
        int failed = summary.path("error_request_count").path("avg").asInt();
        int succeeded = summary.path("request_count").path("avg").asInt();
        assertEquals(20, failed + succeeded, summary.toString());
        assertTrue(failed >= 1 && succeeded >= 1, "the mock fails about half: " + summary);
        assertTrue(out().contains("http |  503 |"), out());
    }

    private Path onlyRun() throws IOException {
        try (Stream<Path> dirs = Files.list(artifacts)) {
            List<Path> all = dirs.toList();
            assertEquals(1, all.size(), all.toString());
            return all.get(0);
        }
    }

    private static List<JsonNode> records(Path run) throws IOException {
        return Files.readAllLines(run.resolve("profile_export.jsonl")).stream().map(line -> {
            try {
                return JSON.readTree(line);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + line, e);
            }
        }).toList();
    }
}
