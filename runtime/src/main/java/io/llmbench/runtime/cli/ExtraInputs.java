package io.llmbench.runtime.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import io.llmbench.runtime.UserInputException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Parses {@code --extra-inputs} values as AIPerf does: {@code key:value} (the value as JSON when it
 * parses, e.g. {@code ignore_eos:true} or {@code max_tokens:100}, else as a string) or a whole JSON
 * object. The result maps each top-level field to its JSON text.
 */
final class ExtraInputs {

    // Trailing tokens fail, so that "true false" stays a string rather than becoming true.
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private ExtraInputs() {
    }

    static Map<String, String> parse(String[] values) {
        Map<String, String> fields = new LinkedHashMap<>();
        if (values == null) {
            return fields;
        }
        for (String value : values) {
            String text = value.strip();
            if (text.startsWith("{")) {
                JsonNode object = json(text);
                if (object == null || !object.isObject()) {
                    throw new UserInputException("--extra-inputs '" + value + "' is not a valid JSON object: "
                            + "use {\"key\": value} or key:value");
                }
                for (Map.Entry<String, JsonNode> field : object.properties()) {
                    fields.put(field.getKey(), field.getValue().toString());
                }
                continue;
            }
            int colon = text.indexOf(':');
            if (colon <= 0) {
                throw new UserInputException("--extra-inputs '" + value + "' is not key:value or a JSON object, "
                        + "e.g. --extra-inputs ignore_eos:true");
            }
            String raw = text.substring(colon + 1).strip();
            JsonNode parsed = json(raw);
            fields.put(text.substring(0, colon).strip(), (parsed == null ? TextNode.valueOf(raw) : parsed).toString());
        }
        return fields;
    }

    private static JsonNode json(String text) {
        try {
            return text.isEmpty() ? null : JSON.readTree(text);
        } catch (JsonProcessingException e) {
            return null;
        }
    }
}
