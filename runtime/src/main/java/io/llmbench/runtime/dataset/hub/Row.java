package io.llmbench.runtime.dataset.hub;

import java.util.List;
import java.util.Map;

/**
 * One row of a dataset file, whatever its format: column name to value, where a value is a
 * {@link String}, a {@link Number}, a {@link Boolean}, {@code byte[]}, a {@link List} or a
 * {@link Map} of these (nested columns, such as a Hugging Face image {@code {bytes, path}}), or
 * {@code null}.
 *
 * @param values the row's columns in file order
 */
public record Row(Map<String, Object> values) {

    /** The value of {@code column}, or {@code null}. */
    public Object get(String column) {
        return values.get(column);
    }

    /** The value of {@code column} as text, or {@code null} when absent or not a scalar. */
    public String text(String column) {
        Object value = values.get(column);
        return value instanceof String || value instanceof Number || value instanceof Boolean
                ? String.valueOf(value) : null;
    }
}
