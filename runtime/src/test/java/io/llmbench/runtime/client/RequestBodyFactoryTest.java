package io.llmbench.runtime.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.llmbench.annotations.EndpointType;
import io.llmbench.runtime.UserInputException;
import io.llmbench.runtime.dataset.DatasetEntry;
import io.llmbench.runtime.dataset.ImageInput;
import io.llmbench.runtime.spec.TargetSpec;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RequestBodyFactoryTest {

    private static TargetSpec target(EndpointType type, boolean streaming, Map<String, String> extra) {
        return new TargetSpec(URI.create("http://127.0.0.1:1"), "org/model-1", type, streaming, null, Map.of(),
                extra, Duration.ofSeconds(5));
    }

    private static DatasetEntry text(String prompt, int maxTokens) {
        return new DatasetEntry("c", prompt, List.of(), maxTokens);
    }

    @Test
    void streamingChatWithTextIsAPlainStringMessageWithUsageRequested() throws Exception {
        RequestBodyFactory factory = new RequestBodyFactory(target(EndpointType.CHAT, true, Map.of()), 128);
        JsonNode body = new ObjectMapper().readTree(factory.bytes(text("Hi \"there\"", -1)));

        assertEquals("org/model-1", body.get("model").asText());
        assertEquals(1, body.get("messages").size());
        assertEquals("user", body.at("/messages/0/role").asText());
        assertEquals("Hi \"there\"", body.at("/messages/0/content").asText());
        assertTrue(body.get("stream").asBoolean());
        assertTrue(body.at("/stream_options/include_usage").asBoolean());
        assertEquals(128, body.get("max_completion_tokens").asInt(), "chat uses AIPerf's field");
        assertFalse(body.has("max_tokens"));
    }

    @Test
    void chatWithImagesIsATextPartFollowedByImageParts() {
        RequestBodyFactory factory = new RequestBodyFactory(target(EndpointType.CHAT, false, Map.of()), -1);
        JsonNode body = factory.tree(new DatasetEntry("c", "Describe",
                List.of(new ImageInput("data:image/png;base64,AAA"), new ImageInput("data:image/jpeg;base64,BBB")), -1));

        JsonNode content = body.at("/messages/0/content");
        assertEquals(3, content.size());
        assertEquals("text", content.get(0).get("type").asText());
        assertEquals("Describe", content.get(0).get("text").asText());
        assertEquals("image_url", content.get(1).get("type").asText());
        assertEquals("data:image/png;base64,AAA", content.at("/1/image_url/url").asText());
        assertEquals("data:image/jpeg;base64,BBB", content.at("/2/image_url/url").asText());
        assertFalse(body.get("stream").asBoolean());
        assertFalse(body.has("stream_options"), "usage option only when streaming");
        assertFalse(body.has("max_completion_tokens"), "-1 sends no limit");
    }

    @Test
    void chatWithVideosSendsVideoUrlPartsAfterTheImages() {
        RequestBodyFactory factory = new RequestBodyFactory(target(EndpointType.CHAT, false, Map.of()), -1);
        JsonNode content = factory.tree(new DatasetEntry("c", "What happens?",
                List.of(new ImageInput("data:image/jpeg;base64,AA==")), -1, List.of("https://example.org/v.mp4"),
                List.of(), "A", 0, -1, -1)).path("messages").path(0).path("content");
        assertEquals(3, content.size(), content.toString());
        assertEquals("text", content.path(0).path("type").asText());
        assertEquals("image_url", content.path(1).path("type").asText());
        assertEquals("video_url", content.path(2).path("type").asText());
        assertEquals("https://example.org/v.mp4", content.path(2).path("video_url").path("url").asText());
        assertFalse(content.toString().contains("\"A\""), "the expected answer is never sent");
    }

    @Test
    void completionsSendPromptAndMaxTokensAndTheEntryLimitWins() {
        RequestBodyFactory factory = new RequestBodyFactory(target(EndpointType.COMPLETIONS, true, Map.of()), 100);
        JsonNode body = factory.tree(text("Once", 7));

        assertEquals("Once", body.get("prompt").asText());
        assertFalse(body.has("messages"));
        assertEquals(7, body.get("max_tokens").asInt());
        assertFalse(body.has("max_completion_tokens"));
        assertEquals(0, factory.tree(text("Once", 0)).get("max_tokens").asInt(), "an entry's 0 is its own limit");
    }

    @Test
    void extraInputsAreParsedJsonAndOverrideEverything() {
        RequestBodyFactory factory = new RequestBodyFactory(target(EndpointType.CHAT, true, Map.of(
                "temperature", "0.7", "ignore_eos", "true", "stream", "false", "max_tokens", "9",
                "stop", "[\"\\n\"]", "top_k", "\"auto\"")), 50);
        JsonNode body = factory.tree(text("x", -1));

        assertEquals(0.7, body.get("temperature").asDouble());
        assertTrue(body.get("ignore_eos").asBoolean());
        assertFalse(body.get("stream").asBoolean(), "extra inputs win");
        assertEquals(9, body.get("max_tokens").asInt());
        assertEquals("\n", body.at("/stop/0").asText());
        assertEquals("auto", body.get("top_k").asText());
    }

    @Test
    void extraInputThatIsNotJsonIsAUserErrorSayingHowToQuote() {
        UserInputException error = assertThrows(UserInputException.class, () -> new RequestBodyFactory(
                target(EndpointType.CHAT, true, Map.of("mode", "fast")), -1));

        assertTrue(error.getMessage().contains("'mode'"), error.getMessage());
        assertTrue(error.getMessage().contains("quotes"), error.getMessage());
    }

    @Test
    void treesAreFreshCopiesSoCallersMayEditThem() {
        RequestBodyFactory factory = new RequestBodyFactory(target(EndpointType.CHAT, true,
                Map.of("stop", "[\"a\"]")), -1);
        ((com.fasterxml.jackson.databind.node.ArrayNode) factory.tree(text("x", -1)).get("stop")).add("b");

        assertEquals(1, factory.tree(text("x", -1)).get("stop").size());
    }
}
