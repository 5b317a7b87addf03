package io.llmbench.runtime.client;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.llmbench.runtime.dataset.DatasetEntry;
import io.llmbench.runtime.dataset.ImageInput;
import java.util.List;

/**
 * OpenAI Chat Completions: {@code messages} with one user message (text, or a text part and one
 * {@code image_url} part per image), {@code max_completion_tokens}, {@code stream_options.include_usage}
 * when streaming.
 */
final class OpenAiChatShape implements ApiShape {

    @Override
    public String path(boolean streaming) {
        return "/v1/chat/completions";
    }

    @Override
    public void writeBody(ObjectNode body, DatasetEntry entry, String model, boolean streaming, int maxTokens) {
        body.put("model", model);
        ArrayNode messages = body.putArray("messages");
        ObjectNode message = messages.addObject();
        message.put("role", "user");
        if (entry.images().isEmpty()) {
            message.put("content", entry.text());
        } else {
            ArrayNode parts = message.putArray("content");
            parts.addObject().put("type", "text").put("text", entry.text());
            for (ImageInput image : entry.images()) {
                ObjectNode part = parts.addObject().put("type", "image_url");
                part.putObject("image_url").put("url", image.dataUrl());
            }
        }
        OpenAiCompletionsShape.writeStreamAndLimit(body, streaming, maxTokens, "max_completion_tokens");
    }

    @Override
    public ResponseDecoder.Decoded decodeEvents(List<SseEvent> events) {
        return ResponseDecoder.decodeEvents(events);
    }

    @Override
    public ResponseDecoder.Decoded decodeBody(byte[] body, long receivedNs) {
        return ResponseDecoder.decodeBody(body, receivedNs);
    }
}
