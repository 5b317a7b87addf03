package io.llmbench.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link MockConversationsBenchmark}'s {@code @SyntheticInput} turn attributes, compiled by the processor,
 * shape a real run against the mock server, and a command-line option replaces its attribute.
 */
class AnnotatedConversationsEndToEndTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path artifacts;

    @Test
    void annotatedTurnsMakeConversationsWhoseLaterTurnsWaitTheirDelay() throws IOException {
        List<JsonNode> records = records(artifacts.resolve("annotated"));
        assertEquals(List.of("synthetic-0:0", "synthetic-0:1", "synthetic-0:2", "synthetic-1:0", "synthetic-1:1",
                "synthetic-1:2"), turns(records));
        for (int i = 1; i < records.size(); i++) {
            JsonNode turn = records.get(i).path("metadata");
            if (turn.path("turn_index").asInt() == 0) {
                continue;
            }
            long waitedMs = (turn.path("request_start_ns").asLong()
                    - records.get(i - 1).path("metadata").path("request_end_ns").asLong()) / 1_000_000;
            assertTrue(waitedMs >= 60, "turn " + i + " left " + waitedMs + " ms after the previous answer");
        }
    }

    @Test
    void anOptionReplacesItsAttribute() throws IOException {
        assertEquals(List.of("synthetic-0:0", "synthetic-0:1", "synthetic-1:0", "synthetic-1:1", "synthetic-0:0",
                "synthetic-0:1"), turns(records(artifacts.resolve("options"), "--session-turns-mean", "2",
                        "--conversation-turn-delay-ratio", "0")));
    }

    private static List<String> turns(List<JsonNode> records) {
        return records.stream().map(r -> r.path("metadata").path("conversation_id").asText() + ":"
                + r.path("metadata").path("turn_index").asInt()).toList();
    }

    /** The run's records in send order. */
    private static List<JsonNode> records(Path artifactDir, String... options) throws IOException {
        Path runDir = MockRun.runDirectory(artifactDir, "2", "0", "MockConversationsBenchmark$", options);
        List<JsonNode> records = new ArrayList<>();
        for (String line : Files.readAllLines(runDir.resolve("profile_export.jsonl"))) {
            records.add(JSON.readTree(line));
        }
        records.sort(java.util.Comparator.comparingLong(r -> r.path("metadata").path("request_start_ns").asLong()));
        return records;
    }
}
