package io.llmbench.runtime.dataset.trace;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The text of a recorded request body (its prompt, its embeddings inputs, or its messages' text parts), for
 * input-length counting; empty for a body of another shape, which is still sent.
 */
final class PromptText {

    private PromptText() {
    }

    static String of(JsonNode body) {
        if (body.path("prompt").isTextual()) {
            return body.get("prompt").asText();
        }
        JsonNode input = body.path("input");
        if (input.isTextual()) {
            return input.asText();
        }
        if (input.isArray()) {
            // An embeddings body: its inputs are the request's texts.
            StringBuilder text = new StringBuilder();
            for (JsonNode item : input) {
                if (item.isTextual()) {
                    append(text, item.asText());
                }
            }
            return text.toString();
        }
        StringBuilder text = new StringBuilder();
        for (JsonNode message : body.path("messages")) {
            JsonNode content = message.path("content");
            if (content.isTextual()) {
                append(text, content.asText());
            } else if (content.isArray()) {
                for (JsonNode part : content) {
                    if (part.path("text").isTextual()) {
                        append(text, part.get("text").asText());
                    }
                }
            }
        }
        return text.toString();
    }

    private static void append(StringBuilder text, String part) {
        if (text.length() > 0) {
            text.append('\n');
        }
        text.append(part);
    }
}
