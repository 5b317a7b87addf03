package io.llmbench.runtime.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.llmbench.annotations.EndpointType;
import io.llmbench.runtime.UserInputException;
import io.llmbench.runtime.dataset.DatasetEntry;
import io.llmbench.runtime.spec.TargetSpec;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Builds the JSON body of each request in the shape of the target's endpoint type (see
 * {@link ApiShape} and its classes; the OpenAI shapes are described here).
 *
 * <p>Chat: {@code {"model", "messages": [{"role": "user", "content": ...}], "stream",
 * "stream_options": {"include_usage": true} (streaming only), "max_completion_tokens"}}, where
 * {@code content} is the prompt text, or, when the entry has images, an array of one text part
 * followed by one {@code image_url} part per image, then one {@code video_url} part per video URL
 * (as AIPerf sends MMVU's videos). Completions: {@code {"model", "prompt",
 * "stream", "stream_options", "max_tokens"}}. Like AIPerf, chat limits the output with
 * {@code max_completion_tokens} (OpenAI's current name) and completions with {@code max_tokens};
 * a server that wants the legacy chat field gets it through an extra input. Extra inputs are
 * merged last as top-level fields, so they override anything above. The message's role is the
 * entry's ({@code user} by default); audio clips follow the images as OpenAI {@code input_audio}
 * parts. An entry with a recorded body ({@link DatasetEntry#rawBody()}) is sent exactly as recorded; one
 * with a recorded chat ({@link DatasetEntry#recordedChat()}) gets a body built as above with the
 * recorded messages and tools in place of its own.
 *
 * <p>Thread-safe: the extra inputs are parsed once, up front.
 */
public final class RequestBodyFactory {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final TargetSpec target;
    private final int outputTokens;
    private final Map<String, JsonNode> extraInputs;
    private final ApiShape shape;

    /**
     * @param target where requests go (model, endpoint type, streaming, extra inputs)
     * @param outputTokens the run's output length; {@code -1} sends no limit. An entry's own
     *     {@code maxTokens} (when {@code >= 0}) takes precedence
     * @throws UserInputException when an extra input's value is not valid JSON
     */
    public RequestBodyFactory(TargetSpec target, int outputTokens) {
        this.target = target;
        this.outputTokens = outputTokens;
        this.extraInputs = parseExtraInputs(target.extraInputs());
        this.shape = ApiShape.of(target);
    }

    /** The body for {@code entry} as a JSON tree (a fresh tree each call; for {@code inputs.json}). */
    public ObjectNode tree(DatasetEntry entry) {
        return tree(entry, target.model());
    }

    /** The body for {@code entry} naming {@code model} (one of the target's models). */
    public ObjectNode tree(DatasetEntry entry, String model) {
        if (entry.rawBody() != null) {
            // A recorded payload (raw_payload / inputs_json replay) is sent verbatim.
            return rawTree(entry.rawBody());
        }
        ObjectNode body = JSON.createObjectNode();
        int maxTokens = entry.maxTokens() >= 0 ? entry.maxTokens() : outputTokens;
        shape.writeBody(body, entry, model, target.streaming(), maxTokens);
        if (entry.recordedChat() != null) {
            useRecordedChat(body, rawTree(entry.recordedChat()));
        }
        extraInputs.forEach((name, value) -> body.set(name, value.deepCopy()));
        return body;
    }

    /** Puts a trace's recorded messages (and tools) in place of the ones built from the entry's text. */
    private void useRecordedChat(ObjectNode body, ObjectNode recorded) {
        if (!body.has("messages")) {
            throw new UserInputException("the dataset replays recorded chat messages (a SageMaker capture), which"
                    + " only the chat endpoint sends: use --endpoint-type chat");
        }
        body.set("messages", recorded.get("messages"));
        if (recorded.hasNonNull("tools")) {
            body.set("tools", recorded.get("tools"));
        }
    }

    /** A recorded body (or chat) as the JSON object it must be. */
    private static ObjectNode rawTree(String rawBody) {
        try {
            JsonNode tree = JSON.readTree(rawBody);
            if (tree instanceof ObjectNode object) {
                return object;
            }
        } catch (JsonProcessingException e) {
            // reported below
        }
        throw new IllegalArgumentException("a recorded request body is not a JSON object");
    }

    /** The body for {@code entry} as UTF-8 JSON bytes, ready to send. */
    public byte[] bytes(DatasetEntry entry) {
        return toBytes(tree(entry));
    }

    /** Encodes a body tree as UTF-8 JSON bytes. */
    public static byte[] toBytes(JsonNode body) {
        try {
            return JSON.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree could not be written", e);
        }
    }

    /** The name of the output-length field for {@code type}, as AIPerf sends it. */
    public static String maxTokensField(EndpointType type) {
        return type == EndpointType.COMPLETIONS ? "max_tokens" : "max_completion_tokens";
    }

    private static Map<String, JsonNode> parseExtraInputs(Map<String, String> raw) {
        Map<String, JsonNode> parsed = new LinkedHashMap<>();
        raw.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(entry -> {
            JsonNode value = null;
            try {
                value = entry.getValue() == null ? null : JSON.readTree(entry.getValue());
            } catch (JsonProcessingException e) {
                // reported below, with how to fix it
            }
            if (value == null || value.isMissingNode()) {
                throw new UserInputException("extra input '" + entry.getKey() + "' has value '"
                        + entry.getValue() + "', which is not JSON; write strings in quotes"
                        + " (\"value\"), numbers and booleans bare (0.7, true)");
            }
            parsed.put(entry.getKey(), value);
        });
        return parsed;
    }
}
