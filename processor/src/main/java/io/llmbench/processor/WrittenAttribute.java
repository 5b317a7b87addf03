package io.llmbench.processor;

import java.util.List;
import java.util.Objects;

/**
 * One attribute written in the source, with its value resolved to a plain Java value (see
 * {@link Attribute.Kind} for which type goes with which attribute).
 */
record WrittenAttribute(Attribute attribute, Object value) {

    WrittenAttribute {
        Objects.requireNonNull(attribute, "attribute");
        Objects.requireNonNull(value, "value");
        if (value instanceof List<?> list) {
            value = List.copyOf(list);
        }
    }

    @SuppressWarnings("unchecked")
    List<Integer> ints() {
        return (List<Integer>) value;
    }

    @SuppressWarnings("unchecked")
    List<String> strings() {
        return (List<String>) value;
    }

    @SuppressWarnings("unchecked")
    List<Double> doubles() {
        return (List<Double>) value;
    }

    @SuppressWarnings("unchecked")
    List<Boolean> booleans() {
        return (List<Boolean>) value;
    }
}
