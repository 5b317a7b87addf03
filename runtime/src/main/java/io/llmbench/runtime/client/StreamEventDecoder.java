package io.llmbench.runtime.client;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.llmbench.runtime.record.ResponseChunk;
import io.llmbench.runtime.record.Usage;
import java.io.IOException;
import java.util.List;

/**
 * The fast paths of stream decoding for events kept raw: the {@link OpenAiChunkScanner} first, then
 * Jackson's streaming parser, taking only what a chunk needs ({@code choices[0]}'s delta, message or
 * text, and {@code usage}) and skipping the rest without building a tree (a tree per event was once
 * the largest cost of all, see docs/performance.md). Both give up ({@code null}) on anything that
 * needs the general path: an {@code error} field, a body that is not one JSON object, or a value they
 * do not expect; the general path then decides, so all paths always agree.
 */
final class StreamEventDecoder {

    private static final JsonFactory JSON = new JsonFactory();

    private StreamEventDecoder() {
    }

    /** The chunk and usage of one event, or {@code null} to leave it to the general decoder. */
    static DecodedEvent decode(byte[] data, long receivedNs) {
        DecodedEvent scanned = new OpenAiChunkScanner().scan(data, receivedNs);
        return scanned != null ? scanned : parse(data, receivedNs);
    }

    /** As {@link #decode}, with Jackson's streaming parser only. */
    static DecodedEvent parse(byte[] data, long receivedNs) {
        try (JsonParser parser = JSON.createParser(data)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            DecodedEvent decoded = object(parser, receivedNs);
            return decoded == null || parser.nextToken() != null ? null : decoded;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /**
     * Every data event of a stream (none of them {@code [DONE]} or named), read by one
     * {@link OpenAiChunkScanner} (which reads an event like the one before it from its template), or
     * {@code null} when it gives up on any of them: the per-event path (the scanner, then Jackson,
     * then the tree) decides then. Each event must hold exactly one object.
     */
    static DecodedEvent[] decodeAll(List<SseEvent> events) {
        OpenAiChunkScanner scanner = new OpenAiChunkScanner();
        DecodedEvent[] decoded = new DecodedEvent[events.size()];
        for (int i = 0; i < decoded.length; i++) {
            SseEvent event = events.get(i);
            decoded[i] = scanner.scan(event.data(), event.receivedNs());
            if (decoded[i] == null) {
                return null;
            }
        }
        return decoded;
    }

    /** Reads one object whose START_OBJECT was just read, up to its END_OBJECT; {@code null} for the general path. */
    private static DecodedEvent object(JsonParser parser, long receivedNs) throws IOException {
        Choice choice = null;
        boolean hasChoices = false;
        Usage usage = null;
        boolean hasUsageObject = false;
        JsonToken token;
        while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            switch (name) {
                case "error" -> {
                    return null;
                }
                case "choices" -> {
                    hasChoices = true;
                    choice = value == JsonToken.START_ARRAY ? firstChoice(parser) : null;
                    if (value != JsonToken.START_ARRAY) {
                        parser.skipChildren();
                    }
                }
                case "usage" -> {
                    if (value == JsonToken.START_OBJECT) {
                        usage = usage(parser);
                        hasUsageObject = true;
                    } else {
                        usage = null;
                        hasUsageObject = false;
                        parser.skipChildren();
                    }
                }
                default -> parser.skipChildren();
            }
        }
        if (token != JsonToken.END_OBJECT) {
            return null;
        }
        ResponseChunk chunk = !hasChoices || choice == null
                ? new ResponseChunk(receivedNs, "", "", hasUsageObject)
                : choice.chunk(receivedNs);
        return new DecodedEvent(chunk, usage);
    }

    /** Reads the choices array, keeping its first element if that is an object; {@code null} otherwise. */
    private static Choice firstChoice(JsonParser parser) throws IOException {
        Choice first = null;
        boolean isFirst = true;
        JsonToken token;
        while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
            if (isFirst && token == JsonToken.START_OBJECT) {
                first = choice(parser);
            } else {
                if (isFirst) {
                    first = Choice.NOT_AN_OBJECT;
                }
                parser.skipChildren();
            }
            isFirst = false;
        }
        return first;
    }

    private static Choice choice(JsonParser parser) throws IOException {
        Choice choice = new Choice();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            switch (name) {
                case "delta" -> choice.delta = value == JsonToken.START_OBJECT ? message(parser) : null;
                case "message" -> choice.message = value == JsonToken.START_OBJECT ? message(parser) : null;
                case "text" -> choice.text = value == JsonToken.VALUE_STRING ? parser.getText() : null;
                default -> { }
            }
            if (value == JsonToken.START_ARRAY || value == JsonToken.START_OBJECT && !name.equals("delta")
                    && !name.equals("message")) {
                parser.skipChildren();
            }
        }
        return choice;
    }

    private static Message message(JsonParser parser) throws IOException {
        Message message = new Message();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            String text = value == JsonToken.VALUE_STRING ? parser.getText() : null;
            switch (name) {
                case "content" -> message.content = text;
                case "reasoning_content" -> message.reasoningContent = text;
                case "reasoning" -> message.reasoning = text;
                default -> { }
            }
            parser.skipChildren();
        }
        return message;
    }

    private static Usage usage(JsonParser parser) throws IOException {
        int prompt = -1;
        int completion = -1;
        int reasoning = -1;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            switch (name) {
                case "prompt_tokens" -> prompt = count(parser, value);
                case "completion_tokens" -> completion = count(parser, value);
                case "completion_tokens_details" -> {
                    reasoning = -1;
                    if (value == JsonToken.START_OBJECT) {
                        while (parser.nextToken() == JsonToken.FIELD_NAME) {
                            String detail = parser.currentName();
                            JsonToken detailValue = parser.nextToken();
                            if (detail.equals("reasoning_tokens")) {
                                reasoning = count(parser, detailValue);
                            }
                            parser.skipChildren();
                        }
                    }
                }
                default -> { }
            }
            parser.skipChildren();
        }
        return new Usage(prompt, completion, reasoning);
    }

    private static int count(JsonParser parser, JsonToken value) throws IOException {
        if (value != JsonToken.VALUE_NUMBER_INT) {
            return -1;
        }
        // Out of int range: as the tree path does, keep the low bits (asInt of a long node).
        return (int) parser.getLongValue();
    }

    /** What {@code choices[0]} said, turned into a chunk by the rules both fast decoders share. */
    static final class Choice {
        static final Choice NOT_AN_OBJECT = new Choice();
        Message delta;
        Message message;
        String text;

        ResponseChunk chunk(long receivedNs) {
            if (this == NOT_AN_OBJECT) {
                return new ResponseChunk(receivedNs, "", "", false);
            }
            Message source = delta != null ? delta : message;
            if (source != null) {
                String reasoning = source.reasoningContent != null && !source.reasoningContent.isEmpty()
                        ? source.reasoningContent : source.reasoning == null ? "" : source.reasoning;
                return new ResponseChunk(receivedNs, source.content == null ? "" : source.content, reasoning, false);
            }
            return new ResponseChunk(receivedNs, text == null ? "" : text, "", false);
        }
    }

    static final class Message {
        String content;
        String reasoningContent;
        String reasoning;
        /**
         * Where {@code content}'s string was in the event (its opening quote, and just past its
         * closing one), or -1: set by {@link OpenAiChunkScanner} only, for its template.
         */
        int contentQuote = -1;
        int contentEnd = -1;
    }
}
