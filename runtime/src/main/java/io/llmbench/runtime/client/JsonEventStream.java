package io.llmbench.runtime.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.llmbench.runtime.record.ResponseChunk;
import io.llmbench.runtime.record.Usage;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The decoding loop the streaming shapes other than OpenAI's chunks share (Responses, Messages,
 * TGI, and a template with a response path): events in order, {@code [DONE]} skipped, each parsed as one JSON object (one that is not
 * ends the stream with a response error, keeping the chunks before it), then handed to the shape's
 * {@link Step}, which adds the event's chunk and usage or says the event reports an error. The
 * shapes differ only in their step.
 */
final class JsonEventStream {

    /** What one shape makes of one parsed event. */
    @FunctionalInterface
    interface Step {
        /**
         * Adds the chunk (and any usage) {@code node} carries to {@code stream}.
         *
         * @return {@code null} to go on, or the JSON object describing the error this event reports,
         *     which ends the stream
         */
        JsonNode decode(SseEvent event, JsonNode node, JsonEventStream stream);
    }

    private final List<ResponseChunk> chunks;
    private Usage usage;

    private JsonEventStream(int events) {
        chunks = new ArrayList<>(events);
    }

    /** Decodes {@code events} with {@code step}. */
    static ResponseDecoder.Decoded decode(List<SseEvent> events, Step step) {
        JsonEventStream stream = new JsonEventStream(events.size());
        int index = 0;
        for (SseEvent event : events) {
            index++;
            if (event.isDone()) {
                continue;
            }
            JsonNode node = ResponseDecoder.parseObject(event.data());
            if (node == null) {
                return ResponseDecoder.malformedEvent(stream.chunks, stream.usage, index, event.data());
            }
            JsonNode error = step.decode(event, node, stream);
            if (error != null) {
                return ResponseDecoder.errorEvent(stream.chunks, stream.usage, error, event.data());
            }
        }
        return new ResponseDecoder.Decoded(stream.chunks, stream.usage, null);
    }

    /**
     * Whether {@code events} hold one of the {@code ends} of a typed stream, by SSE event name or by
     * JSON {@code type} field; searched from the last event, where an end belongs.
     */
    static boolean hasEnd(List<SseEvent> events, Set<String> ends) {
        for (int i = events.size() - 1; i >= 0; i--) {
            SseEvent event = events.get(i);
            if (event.name() != null && ends.contains(event.name())) {
                return true;
            }
            JsonNode node = ResponseDecoder.parseObject(event.data());
            if (node != null && ends.contains(type(event, node))) {
                return true;
            }
        }
        return false;
    }

    /** The event's {@code type} field, else its SSE event name, else empty. */
    static String type(SseEvent event, JsonNode node) {
        String type = ResponseDecoder.text(node.get("type"));
        return type != null ? type : event.name() == null ? "" : event.name();
    }

    /** Adds a chunk; {@code null} text counts as empty. */
    void add(SseEvent event, String content, String reasoning, boolean usageOnly) {
        chunks.add(new ResponseChunk(event.receivedNs(), content == null ? "" : content,
                reasoning == null ? "" : reasoning, usageOnly));
    }

    /** The usage reported so far, or {@code null}. */
    Usage usage() {
        return usage;
    }

    /** Replaces the usage reported so far ({@code null} for none). */
    void usage(Usage reported) {
        usage = reported;
    }
}
