package io.llmbench.runtime.mock;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The mock's answers in the API shapes beyond OpenAI chat and completions: embeddings, the three
 * rerankers, OpenAI Responses, Anthropic Messages and TGI. The generative ones stream through
 * {@link EventStream} with the mock's timing; the others answer whole after the time to first token.
 */
final class OtherShapes {

    /** The paths served here. */
    static final List<String> PATHS = List.of("/v1/embeddings", "/v1/ranking", "/rerank", "/v2/rerank",
            "/v1/responses", "/v1/messages", "/generate", "/generate_stream");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Encoding CL100K = Encodings.newDefaultEncodingRegistry()
            .getEncoding(EncodingType.CL100K_BASE);

    /** What a request to one of these paths asked for. */
    record Asked(String path, String model, boolean stream, int maxTokens, int promptTokens, int passages) {
    }

    private OtherShapes() {
    }

    /** Parses a request to {@code path}. */
    static Asked parse(String path, byte[] body) throws CompletionRequest.Invalid {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (IOException e) {
            throw new CompletionRequest.Invalid("request body is not valid JSON");
        }
        if (root == null || !root.isObject()) {
            throw new CompletionRequest.Invalid("request body must be a JSON object");
        }
        String model = root.path("model").isTextual() ? root.get("model").asText() : null;
        return switch (path) {
            case "/v1/embeddings" -> new Asked(path, model, false, 0, tokens(require(root, "input")), 0);
            case "/v1/ranking" -> new Asked(path, model, false, 0, tokens(require(root, "query")),
                    size(require(root, "passages")));
            case "/rerank" -> new Asked(path, model, false, 0, tokens(require(root, "query")),
                    size(require(root, "texts")));
            case "/v2/rerank" -> new Asked(path, model, false, 0, tokens(require(root, "query")),
                    size(require(root, "documents")));
            case "/v1/responses" -> new Asked(path, model, root.path("stream").asBoolean(false),
                    root.path("max_output_tokens").asInt(-1), tokens(require(root, "input")), 0);
            case "/v1/messages" -> {
                if (!root.path("max_tokens").canConvertToInt() || root.get("max_tokens").asInt() < 1) {
                    throw new CompletionRequest.Invalid("'max_tokens' is required and must be at least 1");
                }
                yield new Asked(path, model, root.path("stream").asBoolean(false), root.get("max_tokens").asInt(),
                        tokens(require(root, "messages")), 0);
            }
            default -> new Asked(path, model, path.equals("/generate_stream"),
                    root.path("parameters").path("max_new_tokens").asInt(-1), tokens(require(root, "inputs")), 0);
        };
    }

    private static JsonNode require(JsonNode root, String field) throws CompletionRequest.Invalid {
        JsonNode value = root.get(field);
        if (value == null || value.isNull()) {
            throw new CompletionRequest.Invalid("'" + field + "' is required");
        }
        return value;
    }

    private static int size(JsonNode array) throws CompletionRequest.Invalid {
        if (!array.isArray()) {
            throw new CompletionRequest.Invalid("the passages must be an array");
        }
        return array.size();
    }

    /**
     * The prompt text in {@code node}, counted with {@code cl100k_base}: a string, the strings of an
     * array, and the {@code content} and {@code text} of messages and parts. Roles, part types and
     * images are not prompt text (counting them made the Messages usage one token per message too
     * high, and a Responses image's base64 thousands of tokens).
     */
    private static int tokens(JsonNode node) {
        if (node.isTextual()) {
            return CL100K.countTokensOrdinary(node.asText());
        }
        int count = 0;
        if (node.isArray()) {
            for (JsonNode child : node) {
                count += tokens(child);
            }
        } else if (node.isObject()) {
            JsonNode content = node.get("content");
            if (content != null) {
                count += tokens(content);
            }
            JsonNode text = node.get("text");
            if (text != null && text.isTextual()) {
                count += tokens(text);
            }
        }
        return count;
    }

    /** Whether {@code asked} is answered by a token stream or a whole generated body. */
    static boolean generative(Asked asked) {
        return switch (asked.path()) {
            case "/v1/responses", "/v1/messages", "/generate", "/generate_stream" -> true;
            default -> false;
        };
    }

    /** The whole answer of a non-generative request. */
    static byte[] wholeAnswer(Asked asked, String model) {
        switch (asked.path()) {
            case "/v1/embeddings" -> {
                ObjectNode body = JSON.createObjectNode().put("object", "list");
                ObjectNode item = body.putArray("data").addObject().put("object", "embedding").put("index", 0);
                ArrayNode vector = item.putArray("embedding");
                for (int i = 0; i < 8; i++) {
                    vector.add(Math.sin(i + asked.promptTokens()));
                }
                body.put("model", model);
                body.putObject("usage").put("prompt_tokens", asked.promptTokens())
                        .put("total_tokens", asked.promptTokens());
                return ResponseShapes.bytes(body);
            }
            case "/v1/ranking" -> {
                ObjectNode body = JSON.createObjectNode();
                ArrayNode rankings = body.putArray("rankings");
                for (int i = 0; i < asked.passages(); i++) {
                    rankings.addObject().put("index", i).put("logit", 1.0 - i * 0.25);
                }
                return ResponseShapes.bytes(body);
            }
            case "/rerank" -> {
                ArrayNode body = JSON.createArrayNode();
                for (int i = 0; i < asked.passages(); i++) {
                    body.addObject().put("index", i).put("score", 1.0 / (i + 1));
                }
                return ResponseShapes.bytes(body);
            }
            default -> {
                ObjectNode body = JSON.createObjectNode().put("id", "rerank-mock");
                ArrayNode results = body.putArray("results");
                for (int i = 0; i < asked.passages(); i++) {
                    results.addObject().put("index", i).put("relevance_score", 1.0 / (i + 1));
                }
                body.putObject("meta");
                return ResponseShapes.bytes(body);
            }
        }
    }

    /** The whole body of a non-streaming generative answer of {@code tokens} tokens. */
    static byte[] generatedBody(Asked asked, String id, String model, int tokens) {
        String text = MockVocabulary.text(tokens);
        switch (asked.path()) {
            case "/v1/responses" -> {
                ObjectNode body = JSON.createObjectNode().put("id", id).put("object", "response")
                        .put("status", "completed").put("model", model);
                ObjectNode message = body.putArray("output").addObject().put("type", "message").put("id", "msg-" + id)
                        .put("role", "assistant");
                message.putArray("content").addObject().put("type", "output_text").put("text", text);
                responsesUsage(body.putObject("usage"), asked.promptTokens(), tokens);
                return ResponseShapes.bytes(body);
            }
            case "/v1/messages" -> {
                ObjectNode body = JSON.createObjectNode().put("id", id).put("type", "message").put("role", "assistant")
                        .put("model", model);
                body.putArray("content").addObject().put("type", "text").put("text", text);
                body.put("stop_reason", "max_tokens");
                body.putObject("usage").put("input_tokens", asked.promptTokens()).put("output_tokens", tokens);
                return ResponseShapes.bytes(body);
            }
            default -> {
                ObjectNode body = JSON.createObjectNode().put("generated_text", text);
                body.putObject("details").put("finish_reason", "length").put("generated_tokens", tokens);
                return ResponseShapes.bytes(body);
            }
        }
    }

    /** The events of a streaming generative answer. */
    static EventStream.Events streamEvents(Asked asked, String id, String model, int tokens) {
        return switch (asked.path()) {
            case "/v1/responses" -> new EventStream.Events() {
                @Override
                public byte[] head() {
                    ObjectNode created = JSON.createObjectNode().put("type", "response.created");
                    created.putObject("response").put("id", id).put("status", "in_progress").put("model", model);
                    return event("response.created", created);
                }

                @Override
                public byte[] token(int index, String token) {
                    return ("event: response.output_text.delta\ndata: {\"type\":\"response.output_text.delta\","
                            + "\"item_id\":\"msg-" + id + "\",\"output_index\":0,\"content_index\":0,\"delta\":\""
                            + token + "\"}\n\n").getBytes(StandardCharsets.UTF_8);
                }

                @Override
                public byte[] tail() {
                    ObjectNode completed = JSON.createObjectNode().put("type", "response.completed");
                    ObjectNode response = completed.putObject("response").put("id", id).put("status", "completed")
                            .put("model", model);
                    responsesUsage(response.putObject("usage"), asked.promptTokens(), tokens);
                    return event("response.completed", completed);
                }
            };
            case "/v1/messages" -> new EventStream.Events() {
                @Override
                public byte[] head() {
                    ObjectNode start = JSON.createObjectNode().put("type", "message_start");
                    ObjectNode message = start.putObject("message").put("id", id).put("type", "message")
                            .put("role", "assistant").put("model", model);
                    message.putArray("content");
                    message.putObject("usage").put("input_tokens", asked.promptTokens()).put("output_tokens", 1);
                    ObjectNode block = JSON.createObjectNode().put("type", "content_block_start").put("index", 0);
                    block.putObject("content_block").put("type", "text").put("text", "");
                    return ResponseShapes.concat(event("message_start", start), event("content_block_start", block));
                }

                @Override
                public byte[] token(int index, String token) {
                    return ("event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":0,"
                            + "\"delta\":{\"type\":\"text_delta\",\"text\":\"" + token + "\"}}\n\n")
                            .getBytes(StandardCharsets.UTF_8);
                }

                @Override
                public byte[] tail() {
                    ObjectNode stop = JSON.createObjectNode().put("type", "content_block_stop").put("index", 0);
                    ObjectNode delta = JSON.createObjectNode().put("type", "message_delta");
                    delta.putObject("delta").put("stop_reason", "max_tokens");
                    delta.putObject("usage").put("output_tokens", tokens);
                    ObjectNode end = JSON.createObjectNode().put("type", "message_stop");
                    return ResponseShapes.concat(event("content_block_stop", stop), event("message_delta", delta),
                            event("message_stop", end));
                }
            };
            default -> new EventStream.Events() {
                @Override
                public byte[] head() {
                    return new byte[0];
                }

                @Override
                public byte[] token(int index, String token) {
                    boolean last = index == tokens - 1;
                    String tail = last ? ",\"generated_text\":\"" + MockVocabulary.text(tokens)
                            + "\",\"details\":{\"finish_reason\":\"length\",\"generated_tokens\":" + tokens + "}}"
                            : ",\"generated_text\":null,\"details\":null}";
                    return ("data: {\"index\":" + index + ",\"token\":{\"id\":" + index + ",\"text\":\"" + token
                            + "\",\"logprob\":0.0,\"special\":false}" + tail + "\n\n").getBytes(StandardCharsets.UTF_8);
                }

                @Override
                public byte[] tail() {
                    return new byte[0];
                }
            };
        };
    }

    private static void responsesUsage(ObjectNode usage, int input, int output) {
        usage.put("input_tokens", input);
        usage.put("output_tokens", output);
        usage.putObject("output_tokens_details").put("reasoning_tokens", 0);
        usage.put("total_tokens", input + output);
    }

    private static byte[] event(String name, ObjectNode data) {
        return ResponseShapes.concat(("event: " + name + "\ndata: ").getBytes(StandardCharsets.UTF_8),
                ResponseShapes.bytes(data), "\n\n".getBytes(StandardCharsets.UTF_8));
    }
}
