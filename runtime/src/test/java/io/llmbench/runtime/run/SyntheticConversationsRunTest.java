package io.llmbench.runtime.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.llmbench.runtime.cli.ExitCode;
import io.llmbench.runtime.cli.Main;
import io.llmbench.runtime.testing.RecordingEndpoint;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Synthetic multi-turn conversations end to end: {@code Main} against a real server on loopback that
 * answers each request with a reply named after its last prompt, so that what reached the server
 * shows which history each turn carried, in what order and how far apart the turns came.
 */
class SyntheticConversationsRunTest {

    @TempDir
    Path dir;

    /** The server's answer to a prompt: a word made from the prompt, so a turn's history shows whose answer it holds. */
    private static String answerTo(String prompt) {
        return "re" + Integer.toHexString(prompt.hashCode());
    }

    private static String lastPrompt(JsonNode body) {
        JsonNode messages = body.path("messages");
        return messages.path(messages.size() - 1).path("content").asText();
    }

    private List<RecordingEndpoint.Received> profile(String... options) throws Exception {
        try (RecordingEndpoint server = new RecordingEndpoint("m", body -> answerTo(lastPrompt(body)))) {
            List<String> args = new ArrayList<>(List.of("profile", "--url", server.uri().toString(), "--model", "m",
                    "--isl", "8", "--random-seed", "5", "--artifact-dir", dir.resolve("out").toString()));
            args.addAll(List.of(options));
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int exit = new Main(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8), getClass().getClassLoader(),
                    Map.of("HF_HUB_OFFLINE", "1")).run(args.toArray(String[]::new));
            assertEquals(ExitCode.OK, exit, err.toString(StandardCharsets.UTF_8));
            return server.received();
        }
    }

    /** The requests by conversation (a conversation is known by its first prompt), each in arrival order. */
    private static Map<String, List<RecordingEndpoint.Received>> byConversation(List<RecordingEndpoint.Received> all) {
        Map<String, List<RecordingEndpoint.Received>> conversations = new LinkedHashMap<>();
        for (RecordingEndpoint.Received request : all) {
            String first = request.body().path("messages").path(0).path("content").asText();
            conversations.computeIfAbsent(first, f -> new ArrayList<>()).add(request);
        }
        return conversations;
    }

    @Test
    void eachLaterTurnCarriesTheEarlierTurnsAndTheirAnswersAndWaitsItsDelayAfterTheAnswer() throws Exception {
        List<RecordingEndpoint.Received> received = profile("--num-dataset-entries", "3", "--num-sessions", "3",
                "--concurrency", "2", "--conversation-turn-mean", "3", "--conversation-turn-delay-mean", "150");

        assertEquals(9, received.size(), "3 sessions of 3 turns");
        JsonNode turnsConfig = new com.fasterxml.jackson.databind.ObjectMapper().readTree(RunArtifacts.runDirectory(
                dir.resolve("out")).resolve("profile_export_llmbench.json").toFile())
                .at("/input_config/input/synthesis/conversation_turn");
        assertEquals(3, turnsConfig.path("mean").asInt(), "the exports say how the turns were drawn: " + turnsConfig);
        assertEquals(150.0, turnsConfig.path("delay_mean_ms").asDouble(), turnsConfig.toString());
        Map<String, List<RecordingEndpoint.Received>> conversations = byConversation(received);
        assertEquals(3, conversations.size(), "3 conversations: " + conversations.keySet());
        for (List<RecordingEndpoint.Received> turns : conversations.values()) {
            assertEquals(3, turns.size());
            for (int turn = 0; turn < turns.size(); turn++) {
                JsonNode messages = turns.get(turn).body().path("messages");
                assertEquals(2 * turn + 1, messages.size(), "turn " + turn + " sends " + messages);
                for (int earlier = 0; earlier < turn; earlier++) {
                    String prompt = lastPrompt(turns.get(earlier).body());
                    assertEquals("user", messages.path(2 * earlier).path("role").asText());
                    assertEquals(prompt, messages.path(2 * earlier).path("content").asText(),
                            "turn " + turn + " repeats turn " + earlier + "'s prompt");
                    assertEquals("assistant", messages.path(2 * earlier + 1).path("role").asText());
                    assertEquals(answerTo(prompt), messages.path(2 * earlier + 1).path("content").asText(),
                            "turn " + turn + " carries the answer turn " + earlier + " got");
                }
                if (turn > 0) {
                    String previous = lastPrompt(turns.get(turn - 1).body());
                    assertTrue(!lastPrompt(turns.get(turn).body()).equals(previous), "each turn has a prompt of its own");
                    // The server answers on arrival, so the answer came after the previous turn arrived; the
                    // turn may leave no earlier than that answer plus its 150 ms delay.
                    long gapMs = (turns.get(turn).arrivedNs() - turns.get(turn - 1).arrivedNs()) / 1_000_000;
                    assertTrue(gapMs >= 150 && gapMs < 5_000, "turn " + turn + " came " + gapMs
                            + " ms after the previous one, which had to be answered and then waited for 150 ms");
                }
            }
        }
    }

    @Test
    void requestCountCountsTurnsAndTheSameSeedSendsTheSamePrompts() throws Exception {
        String[] options = {"--num-dataset-entries", "2", "--request-count", "5", "--concurrency", "1",
            "--conversation-turn-mean", "3", "--session-turns-stddev", "2"};
        List<RecordingEndpoint.Received> first = profile(options);
        List<RecordingEndpoint.Received> second = profile(options);

        assertEquals(5, first.size(), "--request-count counts turns, all sessions together");
        assertEquals(first.stream().map(r -> r.body().path("messages")).toList(),
                second.stream().map(r -> r.body().path("messages")).toList(), "same seed, same turns and prompts");
        int turnsOfFirst = 0;
        while (turnsOfFirst < first.size()
                && first.get(turnsOfFirst).body().path("messages").size() == 2 * turnsOfFirst + 1) {
            turnsOfFirst++;
        }
        assertTrue(turnsOfFirst >= 1, "one session at a time: the first conversation's turns come first");
        if (turnsOfFirst < first.size()) {
            assertEquals(1, first.get(turnsOfFirst).body().path("messages").size(),
                    "then the next session starts with its first turn");
        }
    }
}
