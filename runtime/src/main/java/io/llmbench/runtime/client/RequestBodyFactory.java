package io.llmbench.runtime.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.llmbench.annotations.EndpointType;
import io.llmbench.runtime.UserInputException;
import io.llmbench.runtime.dataset.DatasetEntry;
import io.llmbench.runtime.dataset.ImageInput;
import io.llmbench.runtime.spec.TargetSpec;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Builds the JSON body of each request in the OpenAI shape of the target's endpoint type.
 *
 * <p>Chat: {@code {"model", "messages": [{"role": "user", "content": ...}], "stream",
 * "stream_options": {"include_usage": true} (streaming only), "max_completion_tokens"}}, where
 * {@code content} is the prompt text, or, when the entry has images, an array of one text part
 * followed by one {@code image_url} part per image. Completions: {@code {"model", "prompt",
 * "stream", "stream_options", "max_tokens"}}. Like AIPerf, chat limits the output with
 * {@code max_completion_tokens} (OpenAI's current name) and completions with {@code max_tokens};
 * a server that wants the legacy chat field gets it through an extra input. Extra inputs are
 * merged last as top-level fields, so they override anything above. The message's role is the
 * entry's ({@code user} by default); audio clips follow the images as OpenAI {@code input_audio}
 * parts. An entry with a recorded body ({@link DatasetEntry#rawBody()}) is sent exactly as recorded.
 *
 * <p>Thread-safe: the extra inputs are parsed once, up front.
 */
public final class RequestBodyFactory {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final TargetSpec target;
    private final int outputTokens;
    private final Map<String, JsonNode> extraInputs;

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
    }

    /** The body for {@code entry} as a JSON tree (a fresh tree each call; for {@code inputs.json}). */
    public ObjectNode tree(DatasetEntry entry) {
        if (entry.rawBody() != null) {
            return rawTree(entry.rawBody());
        }
        ObjectNode body = JSON.createObjectNode();
        body.put("model", target.model());
        if (target.endpointType() == EndpointType.COMPLETIONS) {
            body.put("prompt", entry.text());
        } else {
            ArrayNode messages = body.putArray("messages");
            ObjectNode message = messages.addObject();
            message.put("role", entry.role() == null ? "user" : entry.role());
            if (entry.images().isEmpty() && entry.audios().isEmpty()) {
                message.put("content", entry.text());
            } else {
                ArrayNode parts = message.putArray("content");
                parts.addObject().put("type", "text").put("text", entry.text());
                for (ImageInput image : entry.images()) {
                    ObjectNode part = parts.addObject().put("type", "image_url");
                    part.putObject("image_url").put("url", image.dataUrl());
                }
                for (String audio : entry.audios()) {
                    addAudioPart(parts, audio);
                }
            }
        }
        body.put("stream", target.streaming());
        if (target.streaming()) {
            body.putObject("stream_options").put("include_usage", true);
        }
        int maxTokens = entry.maxTokens() >= 0 ? entry.maxTokens() : outputTokens;
        if (maxTokens >= 0) {
            body.put(maxTokensField(target.endpointType()), maxTokens);
        }
        extraInputs.forEach((name, value) -> body.set(name, value.deepCopy()));
        return body;
    }

    /**
     * OpenAI's audio part, {@code {"type": "input_audio", "input_audio": {"data": <base64>, "format": "wav"}}},
     * from a {@code data:audio/<format>;base64,<data>} URL.
     */
    private static void addAudioPart(ArrayNode parts, String audio) {
        String format = "wav";
        String data = audio;
        if (audio.startsWith("data:audio/")) {
            int semicolon = audio.indexOf(';');
            int comma = audio.indexOf(',');
            if (semicolon > 0 && comma > semicolon) {
                format = audio.substring("data:audio/".length(), semicolon);
                data = audio.substring(comma + 1);
            }
        }
        ObjectNode part = parts.addObject().put("type", "input_audio");
        part.putObject("input_audio").put("data", data).put("format", format);
    }

    // A recorded body is replayed as it was recorded: no model, stream or extra input is changed.
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
