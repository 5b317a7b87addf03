package io.llmbench.runtime.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.llmbench.runtime.record.ErrorType;
import io.llmbench.runtime.record.RequestError;
import io.llmbench.runtime.record.ResponseChunk;
import io.llmbench.runtime.record.Usage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns raw response bytes into {@link ResponseChunk}s, usage and any error the body itself
 * reports. Recognises the OpenAI shapes by their structure, so one decoder serves chat and
 * completions: {@code choices[0].delta} (chat stream), {@code choices[0].message} (chat body) and
 * {@code choices[0].text} (completions). Runs off the network threads.
 */
final class ResponseDecoder {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int EXCERPT = 120;

    /** What a body or stream said. {@code error} is {@code null} when it decoded cleanly. */
    record Decoded(List<ResponseChunk> chunks, Usage usage, RequestError error) {
    }

    private ResponseDecoder() {
    }

    /**
     * Decodes stream events in order; stops at the first malformed or error event, keeping the
     * chunks before it. {@code [DONE]} makes no chunk.
     */
    static Decoded decodeEvents(List<SseEvent> events) {
        Decoded plain = decodePlainStream(events);
        if (plain != null) {
            return plain;
        }
        StreamDecoding decoding = new StreamDecoding(events.size());
        int index = 0;
        for (SseEvent event : events) {
            if (!decoding.add(event, ++index)) {
                break;
            }
        }
        return decoding.result();
    }

    /**
     * Decodes a stream whose events were decoded as they arrived ({@code order}, in arrival order),
     * except those kept raw ({@link DecodedEvent#KEPT_RAW} in {@code order}, the events themselves in
     * {@code raw}, in the same order): exactly what {@link #decodeEvents} makes of the whole stream.
     */
    static Decoded decodeInArrivalOrder(List<DecodedEvent> order, List<SseEvent> raw) {
        StreamDecoding decoding = new StreamDecoding(order.size());
        int index = 0;
        int nextRaw = 0;
        for (DecodedEvent event : order) {
            index++;
            if (event != DecodedEvent.KEPT_RAW) {
                decoding.add(event);
            } else if (!decoding.add(raw.get(nextRaw++), index)) {
                break;
            }
        }
        return decoding.result();
    }

    /** The chunks, last usage and any error of a stream decoded one event at a time. */
    private static final class StreamDecoding {
        private final List<ResponseChunk> chunks;
        private Usage usage;
        private RequestError error;

        StreamDecoding(int events) {
            chunks = new ArrayList<>(events);
        }

        void add(DecodedEvent event) {
            if (event.usage() != null) {
                usage = event.usage();
            }
            chunks.add(event.chunk());
        }

        /** Decodes event number {@code index} (1-based); {@code false} once it ended the stream with an error. */
        boolean add(SseEvent event, int index) {
            if (event.isDone()) {
                return true;
            }
            if (!"error".equals(event.name())) {
                DecodedEvent fast = StreamEventDecoder.decode(event.data(), event.receivedNs());
                if (fast != null) {
                    add(fast);
                    return true;
                }
            }
            JsonNode node = parseObject(event.data());
            if (node == null) {
                error = new RequestError(ErrorType.RESPONSE, 0,
                        "malformed JSON in stream event " + index + ": " + excerpt(event.data()));
                return false;
            }
            if ("error".equals(event.name()) || node.has("error")) {
                error = new RequestError(ErrorType.RESPONSE, errorCode(node),
                        "error event in stream: " + errorMessage(node, event.data()));
                return false;
            }
            Usage eventUsage = usage(node);
            if (eventUsage != null) {
                usage = eventUsage;
            }
            chunks.add(chunk(node, event.receivedNs(), eventUsage != null));
            return true;
        }

        Decoded result() {
            return new Decoded(chunks, usage, error);
        }
    }

    /**
     * The common stream, read by one scanner: unnamed data events then {@code [DONE]}. Any
     * other shape, or any event the fast decoder gives up on, returns {@code null} and the
     * per-event path decides, so both always agree.
     */
    private static Decoded decodePlainStream(List<SseEvent> events) {
        int count = events.size();
        if (count > 0 && events.get(count - 1).isDone()) {
            count--;
        }
        List<SseEvent> data = events.subList(0, count);
        for (SseEvent event : data) {
            if (event.isDone() || event.name() != null) {
                return null;
            }
        }
        DecodedEvent[] decoded = StreamEventDecoder.decodeAll(data);
        if (decoded == null) {
            return null;
        }
        List<ResponseChunk> chunks = new ArrayList<>(decoded.length);
        Usage usage = null;
        for (DecodedEvent event : decoded) {
            if (event.usage() != null) {
                usage = event.usage();
            }
            chunks.add(event.chunk());
        }
        return new Decoded(chunks, usage, null);
    }

    /** Decodes a whole (non-streaming) JSON body into one chunk stamped {@code receivedNs}. */
    static Decoded decodeBody(byte[] body, long receivedNs) {
        JsonNode node = parseObject(body);
        if (node == null) {
            return new Decoded(List.of(), null, new RequestError(ErrorType.RESPONSE, 0,
                    "malformed JSON response body: " + excerpt(body)));
        }
        if (node.has("error")) {
            return new Decoded(List.of(), null, new RequestError(ErrorType.RESPONSE, errorCode(node),
                    "error in response body: " + errorMessage(node, body)));
        }
        Usage usage = usage(node);
        return new Decoded(List.of(chunk(node, receivedNs, false)), usage, null);
    }

    /**
     * The server's own explanation in an error body: {@code error.message}, a string
     * {@code error}, a top-level {@code message} or {@code detail}, else the body's start; one line.
     */
    static String errorMessage(byte[] body) {
        JsonNode node = parseObject(body);
        return node == null ? excerpt(body) : errorMessage(node, body);
    }

    static String errorMessage(JsonNode node, byte[] raw) {
        JsonNode error = node.get("error");
        String message = null;
        if (error != null && error.isObject()) {
            message = text(error.get("message"));
        } else if (error != null && error.isTextual()) {
            message = error.asText();
        }
        if (message == null || message.isEmpty()) {
            message = text(node.get("message"));
        }
        if (message == null || message.isEmpty()) {
            JsonNode detail = node.get("detail");
            message = detail == null ? null : detail.isTextual() ? detail.asText() : detail.toString();
        }
        return message == null || message.isEmpty() ? excerpt(raw) : oneLine(message);
    }

    static int errorCode(JsonNode node) {
        JsonNode error = node.get("error");
        JsonNode code = error != null && error.isObject() ? error.get("code") : node.get("code");
        return code != null && code.canConvertToInt() && code.isIntegralNumber() ? code.asInt() : 0;
    }

    private static ResponseChunk chunk(JsonNode node, long receivedNs, boolean hasUsage) {
        JsonNode choices = node.get("choices");
        JsonNode choice = choices != null && choices.isArray() && !choices.isEmpty() ? choices.get(0) : null;
        if (choice == null) {
            return new ResponseChunk(receivedNs, "", "", hasUsage);
        }
        JsonNode message = choice.get("delta");
        if (message == null || !message.isObject()) {
            message = choice.get("message");
        }
        if (message != null && message.isObject()) {
            String reasoning = nonEmpty(text(message.get("reasoning_content")), text(message.get("reasoning")));
            return new ResponseChunk(receivedNs, orEmpty(text(message.get("content"))), reasoning, false);
        }
        return new ResponseChunk(receivedNs, orEmpty(text(choice.get("text"))), "", false);
    }

    private static Usage usage(JsonNode node) {
        JsonNode usage = node.get("usage");
        if (usage == null || !usage.isObject()) {
            return null;
        }
        JsonNode details = usage.get("completion_tokens_details");
        return new Usage(
                count(usage.get("prompt_tokens")),
                count(usage.get("completion_tokens")),
                details != null && details.isObject() ? count(details.get("reasoning_tokens")) : -1);
    }

    static int count(JsonNode value) {
        return value != null && value.isIntegralNumber() ? value.asInt() : -1;
    }

    static JsonNode parseObject(byte[] bytes) {
        try {
            JsonNode node = JSON.readTree(bytes);
            return node != null && node.isObject() ? node : null;
        } catch (IOException e) {
            return null;
        }
    }

    static String text(JsonNode value) {
        return value != null && value.isTextual() ? value.asText() : null;
    }

    private static String nonEmpty(String first, String second) {
        if (first != null && !first.isEmpty()) {
            return first;
        }
        return second == null ? "" : second;
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    /** A stream event that is not a JSON object, at 1-based {@code index}, after {@code chunks}. */
    static Decoded malformedEvent(List<ResponseChunk> chunks, Usage usage, int index, byte[] data) {
        return new Decoded(chunks, usage, new RequestError(ErrorType.RESPONSE, 0,
                "malformed JSON in stream event " + index + ": " + excerpt(data)));
    }

    /** An error the server reported inside a stream, after {@code chunks}. */
    static Decoded errorEvent(List<ResponseChunk> chunks, Usage usage, JsonNode node, byte[] data) {
        return new Decoded(chunks, usage, new RequestError(ErrorType.RESPONSE, errorCode(node),
                "error event in stream: " + errorMessage(node, data)));
    }

    /** A body that is not JSON (or not the JSON the shape expects). */
    static Decoded malformedBody(byte[] body, String expected) {
        return new Decoded(List.of(), null, new RequestError(ErrorType.RESPONSE, 0,
                (expected == null ? "malformed JSON response body: " : "response body has no " + expected + ": ")
                        + excerpt(body)));
    }

    /**
     * Decodes a whole body that the shape expects as a JSON object holding an array under
     * {@code field}: a body that is not a JSON object is malformed, one with a non-null
     * {@code error} is the error it reports, one without the array lacks {@code expected}; only a
     * body that passes these checks goes to {@code read}, with its object and its array.
     */
    static Decoded decodeArrayBody(byte[] body, String field, String expected,
            java.util.function.BiFunction<JsonNode, JsonNode, Decoded> read) {
        JsonNode node = parseObject(body);
        if (node == null) {
            return malformedBody(body, null);
        }
        if (node.hasNonNull("error")) {
            return errorBody(node, body);
        }
        JsonNode array = node.get(field);
        if (array == null || !array.isArray()) {
            return malformedBody(body, expected);
        }
        return read.apply(node, array);
    }

    /** An error reported in a 2xx body. */
    static Decoded errorBody(JsonNode node, byte[] body) {
        return new Decoded(List.of(), null, new RequestError(ErrorType.RESPONSE, errorCode(node),
                "error in response body: " + errorMessage(node, body)));
    }

    /** The start of {@code bytes} as one line, for messages. */
    static String excerpt(byte[] bytes) {
        String text = new String(bytes, 0, Math.min(bytes.length, EXCERPT * 4), StandardCharsets.UTF_8);
        text = oneLine(text);
        if (text.isEmpty()) {
            return "(empty)";
        }
        return text.length() > EXCERPT ? text.substring(0, EXCERPT) + "..." : text;
    }

    static String oneLine(String text) {
        return text.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
    }
}
