package io.llmbench.runtime.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.llmbench.runtime.cli.ExitCode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Embeddings and rankings runs against the mock server print their own table: latency, input
 * length and request throughput under their own title, and no output-token rows, in the console
 * and in the exports, since such servers produce no tokens.
 */
class EmbeddingsAndRankingsTableTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest
    @CsvSource({"embeddings,Embeddings Metrics", "nim_rankings,Rankings Metrics", "hf_tei_rankings,Rankings Metrics",
        "cohere_rankings,Rankings Metrics"})
    void theTableHasItsTitleLatencyAndThroughputButNoOutputTokens(String type, String title, @TempDir Path dir)
            throws Exception {
        MockRuns.Result result = MockRuns.main("profile", "--mock", "--endpoint-type", type, "--request-count", "4",
                "--isl", "32", "--mock-ttft-ms", "2", "--artifact-dir", dir.toString());
        assertEquals(ExitCode.OK, result.exit(), result.out() + result.err());
        String console = result.out();
        assertTrue(console.contains("llmbench | " + title + "\n"), console);
        List<String> rows = console.lines().map(line -> line.split("\\|")[0].strip()).toList();
        for (String row : List.of("Request Latency (ms)", "Input Sequence Length (tokens)",
                "Request Throughput (requests/sec)", "Request Count (requests)")) {
            assertTrue(rows.contains(row), row + " missing from\n" + console);
        }
        assertFalse(console.contains("Output Sequence Length"), console);
        assertFalse(console.contains("Output Token Throughput"), console);
        assertFalse(console.contains("Time to First Token"), console);

        Path summary;
        try (Stream<Path> files = Files.walk(dir)) {
            summary = files.filter(p -> p.getFileName().toString().equals("profile_export_llmbench.json"))
                    .findFirst().orElseThrow();
        }
        JsonNode json = JSON.readTree(summary.toFile());
        assertTrue(json.get("request_throughput").get("avg").asDouble() > 0, json.toString());
        assertTrue(json.get("request_latency").get("avg").asDouble() > 0, json.get("request_latency").toString());
        assertEquals(4, json.get("request_count").get("avg").asLong());
        assertFalse(json.has("output_token_throughput"), "no output to divide: " + json);
        assertFalse(json.has("total_osl"), json.toString());
        assertFalse(json.has("output_sequence_length"), json.toString());
    }
}
