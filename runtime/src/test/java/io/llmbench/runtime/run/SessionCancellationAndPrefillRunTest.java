package io.llmbench.runtime.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.llmbench.runtime.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Request cancellation and the prefill limit applied to every turn of multi-turn sessions, against the mock. */
class SessionCancellationAndPrefillRunTest {

    @TempDir
    Path dir;

    /** A multi_turn file of {@code conversations} conversations c0, c1, ... of {@code turns} turns each. */
    private Path conversations(int conversations, int turns) throws IOException {
        return RunArtifacts.multiTurnFile(dir, conversations, turns);
    }

    /** Runs a profile with {@code options} and returns its records in send order. */
    private List<JsonNode> profile(Path file, String... options) throws IOException {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Path artifacts = dir.resolve("artifacts");
        List<String> args = new ArrayList<>(List.of("profile", "--mock", "--streaming", "--input-file",
                file.toString(), "--custom-dataset-type", "multi_turn", "--artifact-dir", artifacts.toString(),
                "--export-level", "raw"));
        args.addAll(List.of(options));
        int exit = new Main(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), getClass().getClassLoader())
                .run(args.toArray(String[]::new));
        assertEquals(0, exit, err.toString(StandardCharsets.UTF_8));
        return RunArtifacts.recordsInSendOrder(RunArtifacts.runDirectory(artifacts));
    }

    @Test
    void cancelledTurnsAreRecordedAsCancelledMidStreamAndTheirSessionsGoOn() throws IOException {
        // Each answer streams 10 tokens 20 ms apart; chosen turns are cancelled 50 ms after their send.
        List<JsonNode> records = profile(conversations(3, 3), "--num-sessions", "3", "--concurrency", "3",
                "--mock-ttft-ms", "1", "--mock-itl-ms", "20", "--osl", "10", "--request-cancellation-rate", "50",
                "--request-cancellation-delay", "0.05");
        assertEquals(9, records.size(), "every turn of every session is sent, cancelled or not");
        Map<String, List<JsonNode>> bySession = new LinkedHashMap<>();
        for (JsonNode record : records) {
            bySession.computeIfAbsent(record.get("metadata").get("conversation_id").asText(), c -> new ArrayList<>())
                    .add(record);
        }
        int cancelled = 0;
        int followed = 0;
        for (List<JsonNode> turns : bySession.values()) {
            assertEquals(List.of(0, 1, 2), turns.stream().map(r -> r.get("metadata").get("turn_index").asInt())
                    .toList(), "a cancelled turn does not end its session");
            for (int t = 0; t < turns.size(); t++) {
                JsonNode turn = turns.get(t);
                if (!turn.get("metadata").get("was_cancelled").asBoolean()) {
                    assertTrue(turn.get("error").isNull(), turn.toString());
                    continue;
                }
                cancelled++;
                assertTrue(!turn.get("error").isNull(), "a cancelled turn carries its error: " + turn);
                StringBuilder partial = new StringBuilder();
                turn.get("raw").get("response").forEach(chunk -> partial.append(chunk.get("content").asText()));
                assertTrue(partial.length() > 0, "cancelled mid-stream, after some tokens: " + turn);
                if (t + 1 < turns.size()) {
                    followed++;
                }
            }
        }
        assertTrue(cancelled > 0 && cancelled < 9, cancelled + " of 9 turns cancelled at a 50% rate");
        assertTrue(followed > 0, "some cancelled turn was followed by its session's next turn");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"closed loop", "request rate"})
    void aPrefillLimitOfOneKeepsOneTurnAtATimeWaitingForItsFirstTokenAcrossSessions(String pacing)
            throws IOException {
        List<String> options = new ArrayList<>(List.of("--num-sessions", "4", "--concurrency", "4",
                "--prefill-concurrency", "1", "--mock-ttft-ms", "30", "--mock-itl-ms", "5", "--osl", "10"));
        if (pacing.equals("request rate")) {
            options.addAll(List.of("--request-rate", "200", "--arrival-pattern", "constant"));
        }
        List<JsonNode> records = profile(conversations(4, 3), options.toArray(String[]::new));
        assertEquals(12, records.size());
        List<long[]> prefills = new ArrayList<>();
        List<long[]> whole = new ArrayList<>();
        for (JsonNode record : records) {
            assertTrue(record.get("error").isNull(), record.toString());
            long start = record.get("metadata").get("request_start_ns").asLong();
            long ttftNs = Math.round(record.get("metrics").get("time_to_first_token").get("value").asDouble() * 1e6);
            // A turn is sent only after the one ahead saw its first token; 1 ms covers clock reads in between.
            prefills.add(new long[] {start, start + ttftNs - 1_000_000});
            whole.add(new long[] {start, record.get("metadata").get("request_end_ns").asLong()});
        }
        assertEquals(1, mostOverlapping(prefills), "never more than 1 turn waiting for its first token");
        assertTrue(mostOverlapping(whole) > 1, "turns past their prefill stream alongside the next one's prefill");
    }

    /** The most intervals open at one instant (an interval ending where another starts does not overlap it). */
    private static int mostOverlapping(List<long[]> intervals) {
        List<long[]> events = new ArrayList<>();
        for (long[] interval : intervals) {
            events.add(new long[] {interval[0], 1});
            events.add(new long[] {interval[1], -1});
        }
        events.sort(Comparator.<long[]>comparingLong(e -> e[0]).thenComparingLong(e -> e[1]));
        int open = 0;
        int most = 0;
        for (long[] event : events) {
            open += (int) event[1];
            most = Math.max(most, open);
        }
        return most;
    }
}
