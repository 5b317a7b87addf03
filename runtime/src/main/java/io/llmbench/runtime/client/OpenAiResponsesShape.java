package io.llmbench.runtime.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.llmbench.runtime.dataset.DatasetEntry;
import io.llmbench.runtime.dataset.ImageInput;
import io.llmbench.runtime.record.ResponseChunk;
import io.llmbench.runtime.record.Usage;
import java.util.List;
import java.util.Set;

/**
 * OpenAI Responses: {@code {"model", "input", "stream", "max_output_tokens"}}. A stream is typed
 * events: {@code response.output_text.delta} carries text, {@code response.reasoning_text.delta} and
 * {@code response.reasoning_summary_text.delta} reasoning, {@code response.completed} the usage
 * ({@code input_tokens}, {@code output_tokens}, {@code output_tokens_details.reasoning_tokens}) and the
 * end (there is no {@code [DONE]}); {@code error} and {@code response.failed} are failures. A whole
 * body lists {@code output} items: {@code message} items with {@code output_text} parts, and
 * {@code reasoning} items.
 */
final class OpenAiResponsesShape implements ApiShape {

    /** The events that end a stream (an incomplete response ends it too, at its output limit). */
    private static final Set<String> ENDS = Set.of("response.completed", "response.incomplete");

    @Override
    public String path(boolean streaming) {
        return "/v1/responses";
    }

    @Override
    public void writeBody(ObjectNode body, DatasetEntry entry, String model, boolean streaming, int maxTokens) {
        body.put("model", model);
        if (entry.images().isEmpty()) {
            body.put("input", entry.text());
        } else {
            ObjectNode message = body.putArray("input").addObject().put("role", "user");
            var content = message.putArray("content");
            content.addObject().put("type", "input_text").put("text", entry.text());
            for (ImageInput image : entry.images()) {
                content.addObject().put("type", "input_image").put("image_url", image.dataUrl());
            }
        }
        body.put("stream", streaming);
        if (maxTokens >= 0) {
            body.put("max_output_tokens", maxTokens);
        }
    }

    @Override
    public String endEvent() {
        return "response.completed";
    }

    @Override
    public boolean complete(List<SseEvent> events) {
        return JsonEventStream.hasEnd(events, ENDS);
    }

    @Override
    public ResponseDecoder.Decoded decodeEvents(List<SseEvent> events) {
        return JsonEventStream.decode(events, (event, node, stream) -> {
            switch (JsonEventStream.type(event, node)) {
                case "response.output_text.delta" -> stream.add(event, ResponseDecoder.text(node.get("delta")), "", false);
                case "response.reasoning_text.delta", "response.reasoning_summary_text.delta" ->
                        stream.add(event, "", ResponseDecoder.text(node.get("delta")), false);
                case "response.completed", "response.incomplete" -> {
                    stream.usage(usage(node.path("response").get("usage")));
                    stream.add(event, "", "", stream.usage() != null);
                }
                case "error", "response.failed" -> {
                    JsonNode error = node.path("response").has("error") ? node.get("response") : node;
                    return !error.has("error") && node.has("message") ? node : error;
                }
                default -> stream.add(event, "", "", false);
            }
            return null;
        });
    }

    @Override
    public ResponseDecoder.Decoded decodeBody(byte[] body, long receivedNs) {
        return ResponseDecoder.decodeArrayBody(body, "output", "'output' array", (node, output) -> {
            StringBuilder text = new StringBuilder();
            StringBuilder reasoning = new StringBuilder();
            for (JsonNode item : output) {
                String itemType = item.path("type").asText("");
                JsonNode parts = itemType.equals("reasoning") && item.has("summary") ? item.get("summary")
                        : item.get("content");
                if (parts == null || !parts.isArray()) {
                    continue;
                }
                for (JsonNode part : parts) {
                    String partText = orEmpty(ResponseDecoder.text(part.get("text")));
                    if (itemType.equals("reasoning")) {
                        reasoning.append(partText);
                    } else if (part.path("type").asText("").equals("output_text")) {
                        text.append(partText);
                    }
                }
            }
            return new ResponseDecoder.Decoded(List.of(new ResponseChunk(receivedNs, text.toString(),
                    reasoning.toString(), false)), usage(node.get("usage")), null);
        });
    }

    private static Usage usage(JsonNode usage) {
        if (usage == null || !usage.isObject()) {
            return null;
        }
        JsonNode details = usage.get("output_tokens_details");
        return new Usage(ResponseDecoder.count(usage.get("input_tokens")),
                ResponseDecoder.count(usage.get("output_tokens")),
                details != null && details.isObject() ? ResponseDecoder.count(details.get("reasoning_tokens")) : -1);
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
