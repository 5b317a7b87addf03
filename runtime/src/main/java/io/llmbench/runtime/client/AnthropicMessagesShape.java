package io.llmbench.runtime.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.llmbench.runtime.dataset.DatasetEntry;
import io.llmbench.runtime.dataset.ImageInput;
import io.llmbench.runtime.record.ResponseChunk;
import io.llmbench.runtime.record.Usage;
import java.util.List;
import java.util.Set;

/**
 * Anthropic Messages: {@code {"model", "max_tokens", "messages", "stream"}} ({@code max_tokens} is
 * required by the API: 1,024 when the run sets none). A stream is typed events:
 * {@code message_start} (usage: {@code input_tokens}), {@code content_block_delta} with a
 * {@code text_delta} (text) or a {@code thinking_delta} (reasoning), {@code message_delta} (usage:
 * {@code output_tokens}), and {@code message_stop}, its end (there is no {@code [DONE]});
 * {@code error} is a failure. A whole body has {@code content} blocks ({@code text},
 * {@code thinking}) and {@code usage}.
 */
final class AnthropicMessagesShape implements ApiShape {

    /** Sent when the run sets no output limit, since the API requires one. */
    static final int DEFAULT_MAX_TOKENS = 1024;

    @Override
    public String path(boolean streaming) {
        return "/v1/messages";
    }

    @Override
    public void writeBody(ObjectNode body, DatasetEntry entry, String model, boolean streaming, int maxTokens) {
        body.put("model", model);
        body.put("max_tokens", maxTokens >= 0 ? maxTokens : DEFAULT_MAX_TOKENS);
        ObjectNode message = body.putArray("messages").addObject().put("role", "user");
        if (entry.images().isEmpty()) {
            message.put("content", entry.text());
        } else {
            ArrayNode content = message.putArray("content");
            for (ImageInput image : entry.images()) {
                String url = image.dataUrl();
                int comma = url.indexOf(',');
                int semicolon = url.indexOf(';');
                ObjectNode source = content.addObject().put("type", "image").putObject("source");
                source.put("type", "base64");
                source.put("media_type", semicolon > 5 ? url.substring(5, semicolon) : "image/png");
                source.put("data", comma >= 0 ? url.substring(comma + 1) : url);
            }
            content.addObject().put("type", "text").put("text", entry.text());
        }
        body.put("stream", streaming);
    }

    @Override
    public String endEvent() {
        return "message_stop";
    }

    @Override
    public boolean complete(List<SseEvent> events) {
        return JsonEventStream.hasEnd(events, Set.of("message_stop"));
    }

    @Override
    public ResponseDecoder.Decoded decodeEvents(List<SseEvent> events) {
        return JsonEventStream.decode(events, (event, node, stream) -> {
            Usage sofar = stream.usage();
            int input = sofar == null ? -1 : sofar.promptTokens();
            int output = sofar == null ? -1 : sofar.completionTokens();
            switch (JsonEventStream.type(event, node)) {
                case "message_start" -> {
                    JsonNode usage = node.path("message").path("usage");
                    stream.usage(usage(ResponseDecoder.count(usage.get("input_tokens")),
                            Math.max(output, ResponseDecoder.count(usage.get("output_tokens")))));
                    stream.add(event, "", "", false);
                }
                case "content_block_delta" -> {
                    JsonNode delta = node.path("delta");
                    stream.add(event, ResponseDecoder.text(delta.get("text")), ResponseDecoder.text(delta.get("thinking")),
                            false);
                }
                case "message_delta" -> {
                    int count = ResponseDecoder.count(node.path("usage").get("output_tokens"));
                    stream.usage(usage(input, count >= 0 ? count : output));
                    stream.add(event, "", "", count >= 0);
                }
                case "error" -> {
                    return node;
                }
                default -> stream.add(event, "", "", false);
            }
            return null;
        });
    }

    @Override
    public ResponseDecoder.Decoded decodeBody(byte[] body, long receivedNs) {
        return ResponseDecoder.decodeArrayBody(body, "content", "'content' array", (node, content) -> {
            StringBuilder text = new StringBuilder();
            StringBuilder thinking = new StringBuilder();
            for (JsonNode block : content) {
                String type = block.path("type").asText("");
                if (type.equals("text")) {
                    text.append(block.path("text").asText(""));
                } else if (type.equals("thinking")) {
                    thinking.append(block.path("thinking").asText(""));
                }
            }
            JsonNode usage = node.path("usage");
            return new ResponseDecoder.Decoded(List.of(new ResponseChunk(receivedNs, text.toString(),
                    thinking.toString(), false)), usage(ResponseDecoder.count(usage.get("input_tokens")),
                    ResponseDecoder.count(usage.get("output_tokens"))), null);
        });
    }

    private static Usage usage(int input, int output) {
        return input < 0 && output < 0 ? null : new Usage(input, output, -1);
    }
}
