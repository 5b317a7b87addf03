package io.llmbench.runtime.mock;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import java.io.IOException;

/**
 * What the mock needs from a completion request body, validated.
 *
 * @param chat whether it came to the chat endpoint
 * @param model the requested model, or {@code null}
 * @param stream whether a stream was requested
 * @param includeUsage whether {@code stream_options.include_usage} is true
 * @param maxTokens {@code max_completion_tokens}, else {@code max_tokens}, else -1
 * @param promptTokens the prompt's text counted with {@code cl100k_base} (images not counted)
 */
record CompletionRequest(boolean chat, String model, boolean stream, boolean includeUsage, int maxTokens,
        int promptTokens) {

    /** A request the mock refuses, with the reason sent back in the 400 body. */
    static final class Invalid extends Exception {
        private static final long serialVersionUID = 1L;

        Invalid(String message) {
            super(message, null, false, false);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Encoding CL100K = Encodings.newDefaultEncodingRegistry()
            .getEncoding(EncodingType.CL100K_BASE);

    /** Loads the tokenizer now, so that the first request's timing does not pay for it. */
    static void preload() {
        CL100K.countTokensOrdinary("warm up");
    }

    /** Parses and validates {@code body} sent to the chat ({@code chat}) or completions endpoint. */
    static CompletionRequest parse(byte[] body, boolean chat) throws Invalid {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new Invalid("request body is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new Invalid("request body could not be read: " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw new Invalid("request body must be a JSON object");
        }
        JsonNode model = root.get("model");
        if (model != null && !model.isNull() && !model.isTextual()) {
            throw new Invalid("'model' must be a string");
        }
        boolean stream = bool(root, "stream");
        JsonNode options = root.get("stream_options");
        if (options != null && !options.isNull() && !options.isObject()) {
            throw new Invalid("'stream_options' must be an object");
        }
        boolean includeUsage = options != null && options.isObject() && bool(options, "include_usage");
        int maxTokens = positiveInt(root, "max_completion_tokens");
        if (maxTokens < 0) {
            maxTokens = positiveInt(root, "max_tokens");
        }
        int promptTokens = chat ? messageTokens(root.get("messages")) : promptTokens(root.get("prompt"));
        return new CompletionRequest(chat, model == null || model.isNull() ? null : model.asText(), stream,
                includeUsage, maxTokens, promptTokens);
    }

    private static boolean bool(JsonNode object, String field) throws Invalid {
        JsonNode value = object.get(field);
        if (value == null || value.isNull()) {
            return false;
        }
        if (!value.isBoolean()) {
            throw new Invalid("'" + field + "' must be true or false");
        }
        return value.asBoolean();
    }

    private static int positiveInt(JsonNode object, String field) throws Invalid {
        JsonNode value = object.get(field);
        if (value == null || value.isNull()) {
            return -1;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt() || value.asInt() < 1) {
            throw new Invalid("'" + field + "' must be an integer of at least 1, was " + value);
        }
        return value.asInt();
    }

    private static int messageTokens(JsonNode messages) throws Invalid {
        if (messages == null || !messages.isArray() || messages.isEmpty()) {
            throw new Invalid("'messages' is required and must be a non-empty array");
        }
        int tokens = 0;
        for (JsonNode message : messages) {
            if (!message.isObject() || !message.path("role").isTextual()) {
                throw new Invalid("each message must be an object with a string 'role'");
            }
            JsonNode content = message.get("content");
            if (content == null || content.isNull()) {
                continue;
            }
            if (content.isTextual()) {
                tokens += CL100K.countTokensOrdinary(content.asText());
            } else if (content.isArray()) {
                for (JsonNode part : content) {
                    String type = part.path("type").asText("");
                    if (type.equals("text")) {
                        if (!part.path("text").isTextual()) {
                            throw new Invalid("a 'text' content part needs a string 'text'");
                        }
                        tokens += CL100K.countTokensOrdinary(part.get("text").asText());
                    } else if (type.equals("image_url")) {
                        if (!part.path("image_url").path("url").isTextual()) {
                            throw new Invalid("an 'image_url' content part needs 'image_url': {'url': ...}");
                        }
                    } else if (type.isEmpty()) {
                        throw new Invalid("each content part needs a 'type'");
                    }
                }
            } else {
                throw new Invalid("message 'content' must be a string or an array of parts");
            }
        }
        return tokens;
    }

    private static int promptTokens(JsonNode prompt) throws Invalid {
        if (prompt == null || prompt.isNull()) {
            throw new Invalid("'prompt' is required");
        }
        if (prompt.isTextual()) {
            return CL100K.countTokensOrdinary(prompt.asText());
        }
        if (prompt.isArray()) {
            int tokens = 0;
            for (JsonNode item : prompt) {
                if (item.isTextual()) {
                    tokens += CL100K.countTokensOrdinary(item.asText());
                } else if (item.isIntegralNumber()) {
                    tokens++; // a pre-tokenized prompt
                } else {
                    throw new Invalid("'prompt' must be a string, an array of strings, or token ids");
                }
            }
            return tokens;
        }
        throw new Invalid("'prompt' must be a string, an array of strings, or token ids");
    }
}
