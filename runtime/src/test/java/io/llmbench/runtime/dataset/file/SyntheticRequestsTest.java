package io.llmbench.runtime.dataset.file;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.llmbench.annotations.Datasets;
import io.llmbench.runtime.spec.InputSpec;
import io.llmbench.runtime.spec.SynthesisSpec;
import io.llmbench.runtime.token.FallbackTokenizer;
import io.llmbench.runtime.token.Tokenizer;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What a shaped synthetic dataset sends, as a real server receives it. */
class SyntheticRequestsTest extends CapturingServerTest {

    private static final Tokenizer TOKENIZER = new FallbackTokenizer();


    @Test
    void systemPromptUserContextPrefixesLengthsAndAudioReachTheServerTheSameForTheSameSeed() throws Exception {
        // --isl 40 --osl 50 --osl-stddev 10 --shared-system-prompt-length 12 --user-context-prompt-length 10
        // --num-prefix-prompts 2 --prefix-prompt-length 20 --audio-length-mean 0.2 (16 kHz, 16 bits, mono)
        SynthesisSpec shape = new SynthesisSpec(10, null, 0, 2, 20, 12, 10, 0, 0, 1, 0.2, 0, "wav", List.of(16.0),
                List.of(16), 1, 1);
        InputSpec input = new InputSpec(Datasets.SYNTHETIC, 40, 0, 50, 3L, 6, 64, 64, "png", null, null, shape,
                List.of());

        List<JsonNode> bodies = server.run(input, 6, dir.resolve("first"));

        Set<String> systems = new HashSet<>();
        Set<String> contexts = new HashSet<>();
        Map<String, Integer> prefixes = new HashMap<>();
        Set<Integer> maxTokens = new HashSet<>();
        for (JsonNode body : bodies) {
            // As AIPerf sends them: the shared system prompt, the entry's context, then prefix and prompt.
            JsonNode messages = body.path("messages");
            assertEquals(3, messages.size(), body.toString());
            assertEquals(List.of("system", "user", "user"), List.of(messages.path(0).path("role").asText(),
                    messages.path(1).path("role").asText(), messages.path(2).path("role").asText()));
            String system = messages.path(0).path("content").asText();
            String context = messages.path(1).path("content").asText();
            systems.add(system);
            contexts.add(context);
            assertNear(12, TOKENIZER.count(system));
            assertNear(10, TOKENIZER.count(context));
            int[] rest = TOKENIZER.encode(CapturingServer.userText(body));
            assertNear(20 + 40, rest.length);
            prefixes.merge(TOKENIZER.decode(Arrays.copyOf(rest, 16)), 1, Integer::sum);
            maxTokens.add(body.path("max_completion_tokens").asInt());

            JsonNode audio = body.at("/messages/2/content/1");
            assertEquals("input_audio", audio.path("type").asText());
            assertEquals("wav", audio.at("/input_audio/format").asText());
            ByteBuffer wav = ByteBuffer.wrap(Base64.getDecoder().decode(audio.at("/input_audio/data").asText()))
                    .order(ByteOrder.LITTLE_ENDIAN);
            assertEquals("RIFF", new String(wav.array(), 0, 4, StandardCharsets.US_ASCII));
            assertEquals(16_000, wav.getInt(24), "sample rate");
            assertEquals(6_400, wav.getInt(40), "0.2 s of 16-bit mono at 16 kHz");
        }
        assertEquals(1, systems.size(), "one system prompt for all");
        assertEquals(6, contexts.size(), "a context of its own per entry");
        assertTrue(prefixes.size() <= 2 && prefixes.values().stream().anyMatch(n -> n > 1),
                "6 prompts start with one of 2 prefixes: " + prefixes.values());
        assertTrue(maxTokens.size() > 1 && maxTokens.stream().allMatch(n -> n > 0), "max_tokens spread: " + maxTokens);

        List<JsonNode> again = server.run(input, 6, dir.resolve("second"));
        assertEquals(bodies, again.subList(6, 12), "the same seed sends the same requests");
    }

    private static void assertNear(int expected, int actual) {
        assertTrue(Math.abs(actual - expected) <= 2, "expected ~" + expected + " tokens, got " + actual);
    }
}
