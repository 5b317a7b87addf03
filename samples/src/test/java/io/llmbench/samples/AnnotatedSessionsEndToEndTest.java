package io.llmbench.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link MockSessionsBenchmark}'s {@code @Load(conversationNum)} and {@code @Warmup(numSessions)} stop a
 * real run against the mock server, and a request-count option replaces the annotated session count.
 */
class AnnotatedSessionsEndToEndTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path artifacts;

    @Test
    void annotatedSessionCountsStopTheirPhases() throws IOException {
        Map<String, Long> requests = requestsPerPhase(artifacts.resolve("annotated"));
        assertEquals(6L, requests.get("profiling"), requests.toString());
        assertEquals(2L, requests.get("warmup"), requests.toString());
    }

    @Test
    void requestCountOptionsReplaceTheAnnotatedSessionCounts() throws IOException {
        Map<String, Long> requests = requestsPerPhase(artifacts.resolve("options"),
                "--request-count", "4", "--warmup-request-count", "3");
        assertEquals(4L, requests.get("profiling"), requests.toString());
        assertEquals(3L, requests.get("warmup"), requests.toString());
    }

    private static Map<String, Long> requestsPerPhase(Path artifactDir, String... options) throws IOException {
        Path runDir = MockRun.runDirectory(artifactDir, "5", "1", "MockSessionsBenchmark$", options);
        return Files.readAllLines(runDir.resolve("profile_export.jsonl")).stream()
                .map(AnnotatedSessionsEndToEndTest::tree)
                .collect(Collectors.groupingBy(r -> r.path("metadata").path("benchmark_phase").asText(),
                        Collectors.counting()));
    }

    private static JsonNode tree(String line) {
        try {
            return JSON.readTree(line);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
