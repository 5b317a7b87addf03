package io.llmbench.runtime.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.llmbench.runtime.UserInputException;
import io.llmbench.runtime.dataset.DatasetEntry;
import io.llmbench.runtime.record.ResponseChunk;
import java.io.IOException;
import java.util.List;

/**
 * The {@code template} endpoint type: the user's JSON body template, whose placeholders
 * {@code {{text}}}, {@code {{model}}}, {@code {{max_tokens}}} and {@code {{stream}}} are replaced by
 * JSON values (the strings quoted, {@code max_tokens} {@code null} when unset), and a dotted path
 * ({@code choices.0.text}, {@code output}) to the text in each answer or stream event. Without a
 * path, answers decode as the OpenAI shapes do. A stream needs no end event: it ends when the
 * server closes it cleanly. Requests go to {@code --custom-endpoint} (else {@code /}).
 */
final class TemplateShape implements ApiShape {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String template;
    private final String[] responsePath;

    /** @throws UserInputException when the template does not render to a JSON object */
    TemplateShape(String template, String responseField) {
        if (template == null || template.isBlank()) {
            throw new UserInputException("--endpoint-type template needs --template-body FILE_OR_JSON: a JSON body "
                    + "with placeholders such as {\"prompt\": {{text}}, \"max_tokens\": {{max_tokens}}}");
        }
        this.template = template;
        this.responsePath = responseField == null || responseField.isBlank() ? null : responseField.strip().split("\\.");
        try {
            render("sample", "model", 1, false);
        } catch (IllegalArgumentException e) {
            throw new UserInputException("--template-body does not render to a JSON object: " + e.getMessage()
                    + " (placeholders are replaced by JSON values: write {{text}}, not \"{{text}}\")");
        }
    }

    private ObjectNode render(String text, String model, int maxTokens, boolean stream) {
        String rendered = template.replace("{{text}}", quote(text)).replace("{{model}}", quote(model))
                .replace("{{max_tokens}}", maxTokens >= 0 ? Integer.toString(maxTokens) : "null")
                .replace("{{stream}}", Boolean.toString(stream));
        JsonNode node;
        try {
            node = JSON.readTree(rendered);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(ResponseDecoder.oneLine(e.getOriginalMessage()));
        }
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("it is not an object");
        }
        return (ObjectNode) node;
    }

    private static String quote(String text) {
        try {
            return JSON.writeValueAsString(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String path(boolean streaming) {
        return "/";
    }

    @Override
    public void writeBody(ObjectNode body, DatasetEntry entry, String model, boolean streaming, int maxTokens) {
        body.setAll(render(entry.text(), model, maxTokens, streaming));
    }

    @Override
    public boolean complete(List<SseEvent> events) {
        return true;
    }

    /** The text at the response path, or {@code null} when the path leads nowhere. */
    private String extract(JsonNode node) {
        JsonNode at = node;
        for (String step : responsePath) {
            if (at == null) {
                return null;
            }
            at = at.isArray() && step.chars().allMatch(Character::isDigit) ? at.get(Integer.parseInt(step)) : at.get(step);
        }
        return at == null || at.isNull() ? null : at.isTextual() ? at.asText() : at.toString();
    }

    @Override
    public ResponseDecoder.Decoded decodeEvents(List<SseEvent> events) {
        if (responsePath == null) {
            return ResponseDecoder.decodeEvents(events);
        }
        return JsonEventStream.decode(events, (event, node, stream) -> {
            if (node.hasNonNull("error")) {
                return node;
            }
            stream.add(event, extract(node), "", false);
            return null;
        });
    }

    @Override
    public ResponseDecoder.Decoded decodeBody(byte[] body, long receivedNs) {
        if (responsePath == null) {
            return ResponseDecoder.decodeBody(body, receivedNs);
        }
        JsonNode node;
        try {
            node = JSON.readTree(body);
        } catch (IOException e) {
            node = null;
        }
        if (node == null || node.isMissingNode()) {
            return ResponseDecoder.malformedBody(body, null);
        }
        if (node.isObject() && node.hasNonNull("error")) {
            return ResponseDecoder.errorBody(node, body);
        }
        String text = extract(node);
        if (text == null) {
            return ResponseDecoder.malformedBody(body, "'" + String.join(".", responsePath) + "' (--response-field)");
        }
        return new ResponseDecoder.Decoded(List.of(new ResponseChunk(receivedNs, text, "", false)), null, null);
    }
}
