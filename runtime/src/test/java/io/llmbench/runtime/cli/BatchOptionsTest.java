package io.llmbench.runtime.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.llmbench.runtime.token.FallbackTokenizer;
import io.llmbench.runtime.token.Tokenizer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Embeddings and rankings batches as a user asks for them, checked in what the run sent (its inputs.json). */
class BatchOptionsTest {

    private static final Tokenizer TOKENIZER = new FallbackTokenizer();

    @TempDir
    Path artifacts;

    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();

    private int run(String... args) {
        List<String> all = new ArrayList<>(List.of("profile", "--mock", "--mock-ttft-ms", "1", "--mock-itl-ms", "0",
                "--artifact-dir", artifacts.toString()));
        all.addAll(List.of(args));
        return new Main(new PrintStream(stdout, true, StandardCharsets.UTF_8),
                new PrintStream(stderr, true, StandardCharsets.UTF_8), getClass().getClassLoader())
                .run(all.toArray(String[]::new));
    }

    private String err() {
        return stderr.toString(StandardCharsets.UTF_8);
    }

    private List<JsonNode> sentBodies() throws IOException {
        Path inputs;
        try (Stream<Path> files = Files.walk(artifacts)) {
            inputs = files.filter(f -> f.getFileName().toString().equals("inputs.json")).findFirst().orElseThrow();
        }
        List<JsonNode> bodies = new ArrayList<>();
        for (JsonNode session : new ObjectMapper().readTree(inputs.toFile()).path("data")) {
            session.path("payloads").forEach(bodies::add);
        }
        return bodies;
    }

    private static void assertTokens(int expected, JsonNode text) {
        int count = TOKENIZER.count(text.asText());
        assertTrue(Math.abs(count - expected) <= 2, count + " tokens, expected " + expected + ": " + text);
    }

    @Test
    void embeddingsRequestsCarryTheBatchSizeOfInputs() throws IOException {
        int exit = run("--endpoint-type", "embeddings", "--batch-size-text", "4", "--isl", "20",
                "--request-count", "3", "--num-dataset-entries", "3");
        assertEquals(ExitCode.OK, exit, err());
        List<JsonNode> bodies = sentBodies();
        assertEquals(3, bodies.size());
        for (JsonNode body : bodies) {
            assertEquals(4, body.path("input").size(), body.toString());
            body.path("input").forEach(text -> assertTokens(20, text));
        }
    }

    @Test
    void rankingsRequestsCarryAQueryAndPassagesInEachApisFormat() throws IOException {
        int exit = run("--endpoint-type", "cohere_rankings", "--rankings-passages-mean", "5",
                "--rankings-passages-prompt-token-mean", "30", "--rankings-query-prompt-token-mean", "10",
                "--request-count", "2", "--num-dataset-entries", "2");
        assertEquals(ExitCode.OK, exit, err());
        for (JsonNode body : sentBodies()) {
            assertTokens(10, body.path("query"));
            assertEquals(5, body.path("documents").size(), body.toString());
            body.path("documents").forEach(passage -> assertTokens(30, passage));
        }
    }

    @Test
    void nimRankingsNestTheQueryAndPassagesAsTextObjects() throws IOException {
        int exit = run("--endpoint-type", "nim_rankings", "--rankings-passages-mean", "2",
                "--rankings-passages-prompt-token-mean", "16", "--rankings-query-prompt-token-mean", "8",
                "--request-count", "1", "--num-dataset-entries", "1");
        assertEquals(ExitCode.OK, exit, err());
        JsonNode body = sentBodies().get(0);
        assertTokens(8, body.path("query").path("text"));
        assertEquals(2, body.path("passages").size(), body.toString());
        assertTokens(16, body.path("passages").get(0).path("text"));
    }

    @Test
    void badValuesAreOneLineUsageErrors() {
        assertUsageError("--batch-size-text", "--endpoint-type", "embeddings", "--batch-size-text", "0");
        assertUsageError("--rankings-passages-mean", "--endpoint-type", "nim_rankings",
                "--rankings-passages-mean", "many");
        assertUsageError("rankings endpoint types", "--endpoint-type", "chat", "--rankings-passages-mean", "3");
        assertUsageError("embeddings", "-b", "3");
        assertUsageError("same option", "--endpoint-type", "embeddings", "-b", "2", "--batch-size", "2");
    }

    private void assertUsageError(String mentioned, String... args) {
        stderr.reset();
        assertEquals(ExitCode.USAGE, run(args), err());
        assertTrue(err().contains(mentioned), err());
        assertEquals(1, err().lines().count(), err());
    }
}
