package io.llmbench.runtime.dataset.file;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** Typed access to the fields of one dataset line; a field of the wrong type is a user error naming it. */
public final class LineFields {

    private LineFields() {
    }

    /** A string field, or {@code null} when absent or null. */
    public static String string(JsonLines.Line line, String field) {
        JsonNode value = line.json().get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw line.error("'" + field + "' must be a string, found " + describe(value));
        }
        return value.asText();
    }

    /** A string field that must be present. */
    public static String requiredString(JsonLines.Line line, String field) {
        String value = string(line, field);
        if (value == null) {
            throw line.error("'" + field + "' is missing");
        }
        return value;
    }

    /** A number field (ms, seconds, ...), or {@code NaN} when absent or null. */
    public static double number(JsonLines.Line line, String field) {
        JsonNode value = line.json().get(field);
        if (value == null || value.isNull()) {
            return Double.NaN;
        }
        if (!value.isNumber()) {
            throw line.error("'" + field + "' must be a number, found " + describe(value));
        }
        double number = value.asDouble();
        if (number < 0) {
            throw line.error("'" + field + "' must not be negative, found " + value);
        }
        return number;
    }

    /** A whole-number field of at least {@code min}, or {@code -1} when absent or null. */
    public static int wholeNumber(JsonLines.Line line, String field, int min) {
        JsonNode value = line.json().get(field);
        if (value == null || value.isNull()) {
            return -1;
        }
        if (!value.canConvertToInt() || !(value.isIntegralNumber() || value.asDouble() == Math.rint(value.asDouble()))) {
            throw line.error("'" + field + "' must be a whole number, found " + describe(value));
        }
        int number = value.asInt();
        if (number < min) {
            throw line.error("'" + field + "' must be at least " + min + ", found " + number);
        }
        return number;
    }

    /** A list of whole numbers (e.g. {@code hash_ids}), or {@code null} when absent. */
    public static int[] wholeNumbers(JsonLines.Line line, String field) {
        JsonNode value = line.json().get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isArray()) {
            throw line.error("'" + field + "' must be a list of whole numbers, found " + describe(value));
        }
        int[] numbers = new int[value.size()];
        for (int i = 0; i < numbers.length; i++) {
            JsonNode item = value.get(i);
            if (!item.isIntegralNumber()) {
                throw line.error("'" + field + "'[" + i + "] must be a whole number, found " + describe(item));
            }
            numbers[i] = item.asInt();
        }
        return numbers;
    }

    /**
     * The strings of a singular field ({@code text}) or its plural ({@code texts}), which AIPerf lets
     * hold plain strings or objects {@code {"name": ..., "contents": [...]}}; giving both is an error.
     */
    public static List<String> strings(JsonLines.Line line, String singular, String plural) {
        String one = string(line, singular);
        JsonNode many = line.json().get(plural);
        boolean hasMany = many != null && !many.isNull();
        if (one != null && hasMany) {
            throw line.error("'" + singular + "' and '" + plural + "' cannot both be set: use one of them");
        }
        if (one != null) {
            return List.of(one);
        }
        if (!hasMany) {
            return List.of();
        }
        if (!many.isArray()) {
            throw line.error("'" + plural + "' must be a list, found " + describe(many));
        }
        List<String> values = new ArrayList<>();
        for (int i = 0; i < many.size(); i++) {
            JsonNode item = many.get(i);
            if (item.isTextual()) {
                values.add(item.asText());
            } else if (item.isObject() && item.path("contents").isArray()) {
                for (JsonNode content : item.get("contents")) {
                    if (!content.isTextual()) {
                        throw line.error("'" + plural + "'[" + i + "].contents must hold strings");
                    }
                    values.add(content.asText());
                }
            } else {
                throw line.error("'" + plural + "'[" + i + "] must be a string or {\"name\": ..., \"contents\": [...]}"
                        + ", found " + describe(item));
            }
        }
        return values;
    }

    /** A short description of a JSON value's type for messages. */
    static String describe(JsonNode value) {
        String text = value.toString();
        return value.getNodeType().toString().toLowerCase(java.util.Locale.ROOT) + " "
                + (text.length() > 40 ? text.substring(0, 40) + "…" : text);
    }
}
