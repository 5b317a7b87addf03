package io.llmbench.runtime.cli;

import io.llmbench.runtime.UserInputException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;

/**
 * The list-valued settings {@code -p} overrides, named as their annotation attributes, as JMH's
 * {@code -p} overrides a {@code @Param}: the sweeps ({@code concurrency}, {@code streaming},
 * {@code outputTokens}, {@code inputTokensMean}, {@code requestRate}) and the lists one run takes in
 * turn or picks from ({@code urls}, {@code models}, {@code audioSampleRates}, {@code audioDepths}).
 * {@code extraInputs} and {@code headers} have none: their values may hold commas.
 */
enum SweepParameter {
    CONCURRENCY("concurrency", Kind.WHOLE),
    STREAMING("streaming", Kind.BOOLEAN),
    OUTPUT_TOKENS("outputTokens", Kind.WHOLE),
    INPUT_TOKENS_MEAN("inputTokensMean", Kind.WHOLE),
    REQUEST_RATE("requestRate", Kind.DECIMAL),
    URLS("urls", Kind.URL),
    MODELS("models", Kind.TEXT),
    AUDIO_SAMPLE_RATES("audioSampleRates", Kind.DECIMAL),
    AUDIO_DEPTHS("audioDepths", Kind.BIT_DEPTH);

    /** What one value is. */
    private enum Kind {
        /** A whole number ≥ 1. */
        WHOLE,
        /** {@code true} or {@code false}. */
        BOOLEAN,
        /** A finite number > 0. */
        DECIMAL,
        /** A server address, as {@code --url} takes it. */
        URL,
        /** Any text that is not blank. */
        TEXT,
        /** 8, 16, 24 or 32. */
        BIT_DEPTH
    }

    private final String attribute;
    private final Kind kind;

    SweepParameter(String attribute, Kind kind) {
        this.attribute = attribute;
        this.kind = kind;
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
            checked.add(switch (kind) {
                case WHOLE -> whole(value);
                case BOOLEAN -> bool(value);
                case DECIMAL -> decimal(value);
                case URL -> url(value);
                case TEXT -> text(value);
                case BIT_DEPTH -> depth(value);
            });
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

    private String whole(String value) {
        try {
            int number = Integer.parseInt(value);
            if (number >= 1) {
                return Integer.toString(number);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UserInputException("-p " + attribute + " value '" + value + "' must be a whole number ≥ 1");
    }

    private String decimal(String value) {
        try {
            double number = Double.parseDouble(value);
            if (number > 0 && Double.isFinite(number)) {
                return Double.toString(number);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UserInputException("-p " + attribute + " value '" + value + "' must be a number > 0, e.g. 2.5");
    }

    private String url(String value) {
        try {
            return CliParser.url(value);
        } catch (UserInputException e) {
            throw new UserInputException("-p " + attribute + " value '" + value + "' is not a server address: use "
                    + "host:port or http(s)://host:port, e.g. localhost:8000");
        }
    }

    private String depth(String value) {
        if (!List.of("8", "16", "24", "32").contains(value)) {
            throw new UserInputException("-p " + attribute + " value '" + value + "' must be 8, 16, 24 or 32");
        }
        return value;
    }

    private String text(String value) {
        if (value.isBlank()) {
            throw new UserInputException("-p " + attribute + " lists an empty value: give names such as a,b");
        }
        return value;
    }

    int[] ints(List<String> values) {
        return values.stream().mapToInt(Integer::parseInt).toArray();
    }

    double[] doubles(List<String> values) {
        return values.stream().mapToDouble(Double::parseDouble).toArray();
    }

    boolean[] booleans(List<String> values) {
        boolean[] result = new boolean[values.size()];
        for (int i = 0; i < result.length; i++) {
            result[i] = Boolean.parseBoolean(values.get(i));
        }
        return result;
    }
}
