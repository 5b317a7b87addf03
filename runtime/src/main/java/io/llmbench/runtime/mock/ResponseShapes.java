package io.llmbench.runtime.mock;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;

/**
 * The OpenAI-shaped bytes of one response: stream events ({@code chat.completion.chunk} or
 * {@code text_completion}) and whole bodies ({@code chat.completion} or {@code text_completion}).
 * Token events are cut from a prefix and suffix rendered once per response, since the tokens are
 * plain words that need no JSON escaping.
 */
final class ResponseShapes {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DONE_EVENT = "data: [DONE]\n\n";
    private static final byte[] DONE = DONE_EVENT.getBytes(StandardCharsets.US_ASCII);
    /** The end of every token event but the last. */
    private static final byte[] OPEN_TAIL = "\"logprobs\":null,\"finish_reason\":null}]}\n\n"
            .getBytes(StandardCharsets.US_ASCII);

    private final boolean chat;
    private final String id;
    private final long created;
    private final String model;
    private final byte[] tokenPrefix;
    private final byte[] reasoningPrefix;
    private final byte[] tokenSuffix;
    /** How many of the first tokens are reasoning ({@code reasoning_content}); chat only. */
    private final int reasoningTokens;
    /**
     * Every stream event's opening up to its choices array: the role and usage events are written
     * from it as text, in the very bytes Jackson writes for their trees (a tree per event was a
     * fifth of the mock's time in the client benchmark).
     */
    private final String eventHead;

    ResponseShapes(boolean chat, String id, long createdEpochSeconds, String model) {
        this(chat, id, createdEpochSeconds, model, 0);
    }

    /** As above, the first {@code reasoningTokens} tokens of a chat response being reasoning. */
    ResponseShapes(boolean chat, String id, long createdEpochSeconds, String model, int reasoningTokens) {
        this.chat = chat;
        this.reasoningTokens = chat ? reasoningTokens : 0;
        this.id = id;
        this.created = createdEpochSeconds;
        this.model = model;
        this.eventHead = "data: {\"id\":" + quote(id) + ",\"object\":"
                + (chat ? "\"chat.completion.chunk\"" : "\"text_completion\"")
                + ",\"created\":" + created + ",\"model\":" + quote(model) + ",\"choices\":[";
        String header = eventHead + "{\"index\":0,";
        this.tokenPrefix = (header + (chat ? "\"delta\":{\"content\":\"" : "\"text\":\""))
                .getBytes(StandardCharsets.UTF_8);
        this.reasoningPrefix = (header + "\"delta\":{\"reasoning_content\":\"").getBytes(StandardCharsets.UTF_8);
        this.tokenSuffix = (chat ? "\"}," : "\",").getBytes(StandardCharsets.UTF_8);
    }

    /** The first chat stream event: the assistant role and empty content, as vLLM sends it. */
    byte[] roleEvent() {
        return (eventHead + "{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"\"},\"logprobs\":null,"
                + "\"finish_reason\":null}]}\n\n").getBytes(StandardCharsets.UTF_8);
    }

    /** A stream event carrying {@code token}; {@code finishReason} is {@code null} except on the last. */
    byte[] tokenEvent(String token, String finishReason) {
        return tokenEvent(Integer.MAX_VALUE, token, finishReason);
    }

    /** The event of generated token {@code index} (reasoning while below the reasoning count). */
    byte[] tokenEvent(int index, String token, String finishReason) {
        byte[] tokenBytes = token.getBytes(StandardCharsets.UTF_8);
        byte[] tail = tail(finishReason);
        byte[] prefix = prefixOf(index);
        byte[] event = new byte[prefix.length + tokenBytes.length + tokenSuffix.length + tail.length];
        writeTokenEvent(event, 0, prefix, tokenBytes, tail);
        return event;
    }

    private byte[] prefixOf(int index) {
        return index < reasoningTokens ? reasoningPrefix : tokenPrefix;
    }

    /**
     * The events of {@code tokens} generated tokens (the mock's vocabulary in order), the last with
     * {@code finishReason}, laid end to end into {@code into} from {@code at}; returns where they end.
     * Size {@code into} with {@link #tokenEventsLength}.
     */
    int writeTokenEvents(byte[] into, int at, int tokens, String finishReason) {
        byte[] lastTail = tail(finishReason);
        for (int i = 0; i < tokens; i++) {
            at = writeTokenEvent(into, at, prefixOf(i), MockVocabulary.tokenBytes(i), i == tokens - 1 ? lastTail
                    : OPEN_TAIL);
        }
        return at;
    }

    /** The bytes {@link #writeTokenEvents} writes. */
    int tokenEventsLength(int tokens, String finishReason) {
        int length = 0;
        byte[] lastTail = tail(finishReason);
        for (int i = 0; i < tokens; i++) {
            length += prefixOf(i).length + MockVocabulary.tokenBytes(i).length + tokenSuffix.length
                    + (i == tokens - 1 ? lastTail : OPEN_TAIL).length;
        }
        return length;
    }

    private int writeTokenEvent(byte[] into, int at, byte[] prefix, byte[] token, byte[] tail) {
        System.arraycopy(prefix, 0, into, at, prefix.length);
        at += prefix.length;
        System.arraycopy(token, 0, into, at, token.length);
        at += token.length;
        System.arraycopy(tokenSuffix, 0, into, at, tokenSuffix.length);
        at += tokenSuffix.length;
        System.arraycopy(tail, 0, into, at, tail.length);
        return at + tail.length;
    }

    private static byte[] tail(String finishReason) {
        return finishReason == null ? OPEN_TAIL : ("\"logprobs\":null,\"finish_reason\":\"" + finishReason + "\"}]}\n\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    /** The usage-only stream event ({@code choices: []}) followed by {@code data: [DONE]}. */
    byte[] usageEventAndDone(int promptTokens, int completionTokens) {
        StringBuilder event = new StringBuilder(eventHead.length() + 160).append(eventHead)
                .append("],\"usage\":{\"prompt_tokens\":").append(promptTokens)
                .append(",\"completion_tokens\":").append(completionTokens)
                .append(",\"total_tokens\":").append(promptTokens + completionTokens);
        if (reasoningTokens > 0) {
            event.append(",\"completion_tokens_details\":{\"reasoning_tokens\":")
                    .append(Math.min(reasoningTokens, completionTokens)).append('}');
        }
        return event.append("}}\n\n").append(DONE_EVENT).toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The closing {@code data: [DONE]}. */
    byte[] done() {
        return DONE.clone();
    }

    /** A whole non-streaming response body. */
    byte[] body(String text, String finishReason, int promptTokens, int completionTokens) {
        ObjectNode body = JSON.createObjectNode();
        body.put("id", id);
        body.put("object", chat ? "chat.completion" : "text_completion");
        body.put("created", created);
        body.put("model", model);
        ArrayNode choices = body.putArray("choices");
        ObjectNode choice = choices.addObject();
        choice.put("index", 0);
        if (chat && reasoningTokens > 0) {
            // The first tokens as reasoning, the rest as content, as a streamed response would split them.
            String reasoning = MockVocabulary.text(Math.min(reasoningTokens, completionTokens));
            choice.putObject("message").put("role", "assistant").put("reasoning_content", reasoning)
                    .put("content", text.substring(reasoning.length()));
        } else if (chat) {
            choice.putObject("message").put("role", "assistant").put("content", text);
        } else {
            choice.put("text", text);
        }
        choice.putNull("logprobs");
        choice.put("finish_reason", finishReason);
        usage(body, promptTokens, completionTokens);
        return bytes(body);
    }

    /** An OpenAI-style error body: {@code {"error": {"message", "type", "param", "code"}}}. */
    static byte[] error(String message, String type, int code) {
        ObjectNode body = JSON.createObjectNode();
        ObjectNode error = body.putObject("error");
        error.put("message", message);
        error.put("type", type);
        error.putNull("param");
        error.put("code", code);
        return bytes(body);
    }

    /** The {@code GET /v1/models} body listing {@code model}. */
    static byte[] models(String model, long createdEpochSeconds) {
        ObjectNode body = JSON.createObjectNode();
        body.put("object", "list");
        ObjectNode entry = body.putArray("data").addObject();
        entry.put("id", model);
        entry.put("object", "model");
        entry.put("created", createdEpochSeconds);
        entry.put("owned_by", "llmbench");
        return bytes(body);
    }

    private void usage(ObjectNode node, int promptTokens, int completionTokens) {
        ObjectNode usage = node.putObject("usage");
        usage.put("prompt_tokens", promptTokens);
        usage.put("completion_tokens", completionTokens);
        usage.put("total_tokens", promptTokens + completionTokens);
        if (reasoningTokens > 0) {
            usage.putObject("completion_tokens_details").put("reasoning_tokens",
                    Math.min(reasoningTokens, completionTokens));
        }
    }

    /** {@code node} as JSON bytes (shared with {@link OtherShapes}). */
    static byte[] bytes(JsonNode node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree could not be written", e);
        }
    }

    /** {@code text} as a JSON string; without Jackson when nothing in it needs escaping (ids, model names). */
    static String quote(String text) {
        if (isPlain(text)) {
            return '"' + text + '"';
        }
        try {
            return JSON.writeValueAsString(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a string could not be written as JSON", e);
        }
    }

    private static boolean isPlain(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c > 0x7e || c == '"' || c == '\\') {
                return false;
            }
        }
        return true;
    }

    /** {@code parts} end to end (shared with {@link OtherShapes}). */
    static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        byte[] all = new byte[length];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }
}
