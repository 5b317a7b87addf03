package io.llmbench.runtime.dataset.file;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.llmbench.runtime.UserInputException;
import io.llmbench.runtime.dataset.DatasetEntry;
import io.llmbench.runtime.dataset.DatasetLoader;
import io.llmbench.runtime.spec.InputSpec;
import io.llmbench.runtime.spec.SynthesisSpec;
import io.llmbench.runtime.token.FallbackTokenizer;
import io.llmbench.runtime.token.Tokenizer;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class CustomFileDatasetTest extends CapturingServerTest {

    private static final Tokenizer TOKENIZER = new FallbackTokenizer();


    static InputSpec spec(Path file, String type, int entries) {
        return new InputSpec("file:" + file, 128, 0, -1, 42L, entries, 64, 64, "png", null, type,
                SynthesisSpec.defaults(), List.of());
    }

    private Path write(String name, String... lines) throws Exception {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, String.join("\n", lines) + "\n");
        return file;
    }

    @Test
    void singleTurnSendsEachLinesTextImageAudioAndRoleAsWritten() throws Exception {
        BufferedImage image = new BufferedImage(7, 5, BufferedImage.TYPE_INT_RGB);
        ImageIO.write(image, "png", dir.resolve("cat.png").toFile());
        String wav = Base64.getEncoder().encodeToString("RIFF....WAVE".getBytes(StandardCharsets.US_ASCII));
        Path file = write("prompts.jsonl",
                "{\"text\": \"What is the capital of France?\", \"timestamp\": 0}",
                "",
                "{\"texts\": [\"Describe\", \"this picture\"], \"image\": \"cat.png\", \"timestamp\": 250.4}",
                "{\"text\": \"Transcribe\", \"audio\": \"wav," + wav + "\", \"role\": \"user\", \"output_length\": 7}");

        List<JsonNode> bodies = server.run(spec(file, "single_turn", 0), 3, dir.resolve("out"));

        assertEquals("What is the capital of France?", bodies.get(0).at("/messages/0/content").asText());
        JsonNode picture = bodies.get(1).at("/messages/0/content");
        assertEquals("Describe\nthis picture", picture.at("/0/text").asText());
        String url = picture.at("/1/image_url/url").asText();
        assertTrue(url.startsWith("data:image/png;base64,"), url);
        BufferedImage sent = ImageIO.read(new ByteArrayInputStream(
                Base64.getDecoder().decode(url.substring(url.indexOf(',') + 1))));
        assertEquals(7, sent.getWidth(), "the file's own image reached the server");
        JsonNode audio = bodies.get(2).at("/messages/0/content/1");
        assertEquals("input_audio", audio.path("type").asText());
        assertEquals("wav", audio.at("/input_audio/format").asText());
        assertEquals(wav, audio.at("/input_audio/data").asText());
        assertEquals(7, bodies.get(2).path("max_completion_tokens").asInt(), "output_length is the request's limit");

        List<DatasetEntry> entries = new DatasetLoader().load(spec(file, null, 0), TOKENIZER);
        assertEquals(List.of(0L, 250L, -1L), entries.stream().map(DatasetEntry::timestampMs).toList());
    }

    @Test
    void singleTurnLinesOfASessionAreSentInOrderEachAsWritten() throws Exception {
        Path file = write("session.jsonl",
                "{\"session_id\": \"s\", \"text\": \"First question\"}",
                "{\"session_id\": \"s\", \"text\": \"Second question\", \"delay\": 5}");

        List<JsonNode> bodies = server.run(spec(file, "single_turn", 0), 2, dir.resolve("out"));

        assertEquals(List.of("First question", "Second question"), bodies.stream().map(CapturingServer::userText)
                .toList());
        assertEquals(1, bodies.get(1).path("messages").size(), "AIPerf adds no history to single_turn sessions: "
                + bodies.get(1));
    }

    @Test
    void multiTurnKeepsSessionsTurnOrderAndDelays() throws Exception {
        Path file = write("chats.jsonl",
                "{\"session_id\": \"a\", \"turns\": [{\"text\": \"Hi\"}, {\"text\": \"And then?\", \"delay\": 1500}]}",
                "{\"session_id\": \"b\", \"turns\": [{\"text\": \"Solo\", \"role\": \"developer\"}]}");

        List<DatasetEntry> entries = new DatasetLoader().load(spec(file, null, 0), TOKENIZER);
        assertEquals(List.of("a", "a", "b"), entries.stream().map(DatasetEntry::conversationId).toList());
        assertEquals(List.of(0, 1, 0), entries.stream().map(DatasetEntry::turnIndex).toList());
        assertEquals(1500, entries.get(1).delayMs());

        List<JsonNode> bodies = server.run(spec(file, "multi_turn", 0), 3, dir.resolve("out"));
        assertEquals(List.of("Hi", "And then?", "Solo"), bodies.stream().map(CapturingServer::userText).toList());
        assertEquals(List.of("user", "user", "developer"),
                bodies.stream().map(b -> b.at("/messages/0/role").asText()).toList(), "a turn's role is sent");
        assertEquals(3, bodies.get(1).path("messages").size(), "a multi_turn turn follows its history: "
                + bodies.get(1));
        assertEquals("Hi", bodies.get(1).at("/messages/0/content").asText());
    }

    @Test
    void randomPoolCombinesOneEntryOfEveryPoolReproducibly() throws Exception {
        write("pools/a_queries.jsonl", "{\"text\": \"Q1\"}", "{\"text\": \"Q2\"}", "{\"text\": \"Q3\"}");
        write("pools/b_contexts.jsonl", "{\"text\": \"C1\"}", "{\"text\": \"C2\"}");
        Path pools = dir.resolve("pools");

        List<JsonNode> bodies = server.run(spec(pools, "random_pool", 20), 20, dir.resolve("out"));

        Set<String> seen = new HashSet<>();
        for (JsonNode body : bodies) {
            String text = CapturingServer.userText(body);
            assertTrue(text.matches("Q[123]\nC[12]"), text);
            seen.add(text);
        }
        assertTrue(seen.size() >= 4, "20 draws of 6 combinations vary: " + seen);
        assertEquals(new DatasetLoader().load(spec(pools, null, 20), TOKENIZER),
                new DatasetLoader().load(spec(pools, null, 20), TOKENIZER), "same seed, same draws");
    }

    @Test
    void mooncakeHashIdsGiveTheRightLengthsAndSharedPrefixesWhereIdsRepeat() throws Exception {
        Path file = write("trace.jsonl",
                "{\"timestamp\": 0, \"input_length\": 300, \"output_length\": 20, \"hash_ids\": [1, 2, 3]}",
                "{\"timestamp\": 1000, \"input_length\": 250, \"output_length\": 10, \"hash_ids\": [1, 2, 9]}",
                "{\"timestamp\": 2500, \"text_input\": \"Literal prompt\", \"output_length\": 5}",
                "{\"timestamp\": 3000, \"input_length\": 64, \"session_id\": \"s\"}");
        InputSpec input = new InputSpec("file:" + file, 128, 0, -1, 42L, 0, 64, 64, "png", null, "mooncake_trace",
                new SynthesisSpec(0, null, 100, 0, 0, 0, 0, 0, 0, 1, 0, 0, "wav", List.of(16.0), List.of(16), 1, 1),
                List.of());

        List<JsonNode> bodies = server.run(input, 4, dir.resolve("out"));

        String first = CapturingServer.userText(bodies.get(0));
        String second = CapturingServer.userText(bodies.get(1));
        assertTokens(300, first);
        assertTokens(250, second);
        assertTokens(64, CapturingServer.userText(bodies.get(3)));
        int shared = commonPrefix(first, second);
        String twoBlocks = TOKENIZER.decode(java.util.Arrays.copyOf(TOKENIZER.encode(first), 200));
        assertTrue(shared >= twoBlocks.length() - 8, "hash ids 1, 2 (200 tokens) are a shared prefix: " + shared
                + " of " + twoBlocks.length() + " chars");
        assertFalse(second.startsWith(first), "the third blocks differ");
        assertEquals("Literal prompt", CapturingServer.userText(bodies.get(2)));
        assertEquals(List.of(20, 10, 5), List.of(bodies.get(0).path("max_completion_tokens").asInt(),
                bodies.get(1).path("max_completion_tokens").asInt(), bodies.get(2).path("max_completion_tokens").asInt()));
        List<DatasetEntry> entries = new DatasetLoader().load(input, TOKENIZER);
        assertEquals(List.of(0L, 1000L, 2500L, 3000L), entries.stream().map(DatasetEntry::timestampMs).toList());
    }

    @Test
    void aMalformedLineNamesTheFileTheLineAndTheProblemAndNothingIsSent() throws Exception {
        Path file = write("bad.jsonl", "{\"text\": \"fine\"}", "{\"text\": \"fine too\"}", "{\"text\": 42}");

        UserInputException error = assertThrows(UserInputException.class,
                () -> server.run(spec(file, "single_turn", 0), 3, dir.resolve("out")));

        assertEquals(file + ":3: 'text' must be a string, found number 42", error.getMessage());
        assertEquals(0, server.received(), "nothing was sent before the dataset was validated");
    }

    @Test
    void brokenJsonAndMissingContentAreReportedWithTheirLine() throws Exception {
        Path broken = write("broken.jsonl", "{\"text\": \"a\"}", "{\"text\": \"b\"");
        Path empty = write("empty.jsonl", "{\"timestamp\": 5}");
        Path mooncake = write("m.jsonl", "{\"input_length\": 5, \"text_input\": \"x\"}");
        Path misspelt = write("typo.jsonl", "{\"text\": \"a\"}", "{\"txt\": \"b\"}");

        assertTrue(message(broken, null).startsWith(broken + ":2: not valid JSON"), message(broken, null));
        assertEquals(empty + ":1: no content: give 'text' (or 'texts', 'image', 'images', 'audio', 'video')",
                message(empty, "single_turn"));
        assertTrue(message(mooncake, null).startsWith(mooncake + ":1: 'input_length', 'text_input' and 'payload'"));
        assertTrue(message(misspelt, null).startsWith(misspelt + ":2: unknown field 'txt'; the fields are text,"),
                message(misspelt, null));
    }

    private String message(Path file, String type) {
        return assertThrows(UserInputException.class,
                () -> new DatasetLoader().load(spec(file, type, 0), TOKENIZER)).getMessage();
    }

    @Test
    void inlinePromptsAreSentAsWrittenInOrder() throws Exception {
        InputSpec input = new InputSpec("inline", 128, 0, -1, 42L, 0, 64, 64, "png", null, null,
                SynthesisSpec.defaults(), List.of("First prompt", "Second prompt"));

        List<JsonNode> bodies = server.run(input, 3, dir.resolve("out"));

        assertEquals(List.of("First prompt", "Second prompt", "First prompt"),
                bodies.stream().map(CapturingServer::userText).toList());
    }

    private static void assertTokens(int expected, String text) {
        int count = TOKENIZER.count(text);
        assertTrue(Math.abs(count - expected) <= Math.max(2, expected / 50), "expected ~" + expected + " tokens, got "
                + count);
    }

    private static int commonPrefix(String a, String b) {
        int n = 0;
        while (n < a.length() && n < b.length() && a.charAt(n) == b.charAt(n)) {
            n++;
        }
        return n;
    }
}
