package io.llmbench.runtime.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
 * Reasoning output end to end: the mock streams its first tokens as {@code reasoning_content}
 * ({@code --mock-reasoning-tokens}) and reports them in its usage; the run counts them as reasoning
 * tokens, includes them in the output length, and starts TTFT at the first reasoning token but the
 * time to first output token at the first content token.
 */
class ReasoningThroughMockTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path artifacts;

    private JsonNode profile(String... streaming) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<String> args = new java.util.ArrayList<>(List.of("profile", "--mock", "--mock-ttft-ms", "5",
                "--mock-itl-ms", "10", "--mock-reasoning-tokens", "4", "--osl", "10", "--isl", "16",
                "--concurrency", "2", "--request-count", "4", "--tokenizer", "cl100k_base", "--artifact-dir",
                artifacts.resolve("r" + System.nanoTime()).toString()));
        args.addAll(List.of(streaming));
        int exit = new Main(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(out, true, StandardCharsets.UTF_8), getClass().getClassLoader())
                .run(args.toArray(String[]::new));
        assertEquals(0, exit, out.toString(StandardCharsets.UTF_8));
        Path root = Path.of(args.get(args.indexOf("--artifact-dir") + 1));
        try (Stream<Path> runs = Files.list(root)) {
            Path run = runs.filter(Files::isDirectory).findFirst().orElseThrow();
            return JSON.readTree(run.resolve("profile_export_llmbench.json").toFile());
        }
    }

    private static double avg(JsonNode summary, String tag) {
        assertTrue(summary.has(tag), tag + " missing: " + summary);
        return summary.path(tag).path("avg").asDouble();
    }

    @Test
    void streamedReasoningIsCountedAndTimedApartFromTheContent() throws IOException {
        JsonNode summary = profile("--streaming");

        assertEquals(4, avg(summary, "reasoning_token_count"), 1e-9, "the client's count of the reasoning text");
        assertEquals(4, avg(summary, "usage_reasoning_tokens"), 1e-9, "the server's usage says the same");
        assertEquals(10, avg(summary, "output_sequence_length"), 1e-9, "output length holds reasoning and content");
        double firstOutputAfterFirstToken = avg(summary, "time_to_first_output_token")
                - avg(summary, "time_to_first_token");
        // The mock keeps each token on its schedule from the request's arrival, so a first token sent
        // late (a busy machine) shortens the gap after it: ask for half the nominal 40 ms.
        assertTrue(firstOutputAfterFirstToken >= 20 && firstOutputAfterFirstToken < 200,
                "the first content token comes 4 tokens (10 ms apart) after the first reasoning token: "
                        + firstOutputAfterFirstToken + " ms");
    }

    @Test
    void aWholeResponseCarriesItsReasoningApartToo() throws IOException {
        JsonNode summary = profile();

        assertEquals(4, avg(summary, "reasoning_token_count"), 1e-9);
        assertEquals(4, avg(summary, "usage_reasoning_tokens"), 1e-9);
        assertEquals(10, avg(summary, "output_sequence_length"), 1e-9);
    }
}
