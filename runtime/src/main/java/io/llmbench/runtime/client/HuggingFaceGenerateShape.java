package io.llmbench.runtime.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.llmbench.runtime.dataset.DatasetEntry;
import io.llmbench.runtime.record.ResponseChunk;
import io.llmbench.runtime.record.Usage;
import java.io.IOException;
import java.util.List;

/**
 * Hugging Face TGI: {@code {"inputs", "parameters": {"max_new_tokens"}}} to {@code /generate} or, when
 * streaming, {@code /generate_stream}. Each stream event's {@code token.text} is one token (never
 * {@code generated_text}, which repeats the whole text on the last event); the last event carries a
 * non-null {@code generated_text} and ends the stream (there is no {@code [DONE]}). A whole body is
 * {@code {"generated_text"}} or a one-element array of it; {@code details.generated_tokens} is the usage.
 */
final class HuggingFaceGenerateShape implements ApiShape {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public String path(boolean streaming) {
        return streaming ? "/generate_stream" : "/generate";
    }

    @Override
    public void writeBody(ObjectNode body, DatasetEntry entry, String model, boolean streaming, int maxTokens) {
        body.put("inputs", entry.text());
        ObjectNode parameters = body.putObject("parameters");
        if (maxTokens >= 0) {
            parameters.put("max_new_tokens", maxTokens);
        }
    }

    @Override
    public String endEvent() {
        return "a final event with generated_text";
    }

    @Override
    public boolean complete(List<SseEvent> events) {
        for (int i = events.size() - 1; i >= 0; i--) {
            JsonNode node = ResponseDecoder.parseObject(events.get(i).data());
            if (node != null && node.hasNonNull("generated_text")) {
                return true;
            }
        }
        return false;
    }

    @Override
    public ResponseDecoder.Decoded decodeEvents(List<SseEvent> events) {
        return JsonEventStream.decode(events, (event, node, stream) -> {
            if (node.hasNonNull("error")) {
                return node;
            }
            JsonNode token = node.path("token");
            boolean special = token.path("special").asBoolean(false);
            Usage eventUsage = usage(node.get("details"));
            if (eventUsage != null) {
                stream.usage(eventUsage);
            }
            stream.add(event, special ? null : ResponseDecoder.text(token.get("text")), "", false);
            return null;
        });
    }

    @Override
    public ResponseDecoder.Decoded decodeBody(byte[] body, long receivedNs) {
        JsonNode node;
        try {
            node = JSON.readTree(body);
        } catch (IOException e) {
            node = null;
        }
        if (node != null && node.isArray() && !node.isEmpty()) {
            node = node.get(0);
        }
        if (node == null || !node.isObject()) {
            return ResponseDecoder.malformedBody(body, null);
        }
        if (node.hasNonNull("error")) {
            return ResponseDecoder.errorBody(node, body);
        }
        String text = ResponseDecoder.text(node.get("generated_text"));
        if (text == null) {
            return ResponseDecoder.malformedBody(body, "'generated_text'");
        }
        return new ResponseDecoder.Decoded(List.of(new ResponseChunk(receivedNs, text, "", false)),
                usage(node.get("details")), null);
    }

    private static Usage usage(JsonNode details) {
        if (details == null || !details.isObject() || !details.has("generated_tokens")) {
            return null;
        }
        return new Usage(-1, ResponseDecoder.count(details.get("generated_tokens")), -1);
    }
}
