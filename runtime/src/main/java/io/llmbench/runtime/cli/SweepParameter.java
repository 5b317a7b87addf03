package io.llmbench.runtime.cli;

import io.llmbench.runtime.UserInputException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;

/**
 * The list-valued settings a sweep runs over, named as their annotation attributes; {@code -p}
 * overrides them by these names, as JMH's {@code -p} overrides a {@code @Param}.
 */
enum SweepParameter {
    CONCURRENCY("concurrency", 1),
    STREAMING("streaming", -1),
    OUTPUT_TOKENS("outputTokens", 1),
    INPUT_TOKENS_MEAN("inputTokensMean", 1);

    private final String attribute;
    /** The smallest allowed number, or {@code -1} for a boolean parameter. */
    private final int minimum;

    SweepParameter(String attribute, int minimum) {
        this.attribute = attribute;
        this.minimum = minimum;
    }

    /** The annotation attribute's name, also the key of a sweep point. */
    String attribute() {
        return attribute;
    }

    static SweepParameter named(String name) {
        for (SweepParameter parameter : values()) {
            if (parameter.attribute.equals(name)) {
                return parameter;
            }
        }
        return null;
    }

    static List<String> names() {
        List<String> names = new ArrayList<>();
        for (SweepParameter parameter : values()) {
            names.add(parameter.attribute);
        }
        return names;
    }

    /** {@code values} normalised, or a {@link UserInputException} saying what this parameter takes. */
    List<String> check(List<String> values) {
        List<String> checked = new ArrayList<>();
        for (String value : values) {
            checked.add(minimum < 0 ? bool(value) : number(value));
        }
        if (new HashSet<>(checked).size() != checked.size()) {
            throw new UserInputException("-p " + attribute + "=" + String.join(",", values)
                    + " lists a value twice: list each once");
        }
        return checked;
    }

    private String bool(String value) {
        String lower = value.toLowerCase(Locale.ROOT);
        if (!lower.equals("true") && !lower.equals("false")) {
            throw new UserInputException("-p " + attribute + " value '" + value + "' must be true or false");
        }
        return lower;
    }

    private String number(String value) {
        try {
            int number = Integer.parseInt(value);
            if (number >= minimum) {
                return Integer.toString(number);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UserInputException("-p " + attribute + " value '" + value + "' must be a whole number ≥ " + minimum);
    }

    int[] ints(List<String> values) {
        return values.stream().mapToInt(Integer::parseInt).toArray();
    }

    boolean[] booleans(List<String> values) {
        boolean[] result = new boolean[values.size()];
        for (int i = 0; i < result.length; i++) {
            result[i] = Boolean.parseBoolean(values.get(i));
        }
        return result;
    }
}
