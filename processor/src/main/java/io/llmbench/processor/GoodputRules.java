package io.llmbench.processor;

import io.llmbench.annotations.SloMetrics;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a {@code goodput} string: whitespace-separated {@code tag:value} pairs, each tag one of
 * {@link SloMetrics#TAGS} at most once, each value a positive finite number.
 */
final class GoodputRules {

    /**
     * A plain decimal number with an optional exponent. Stricter than {@link Double#parseDouble},
     * which would also take "NaN", "Infinity", hex floats and a trailing "d" or "f".
     */
    private static final Pattern DECIMAL = Pattern.compile("(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");

    private GoodputRules() {
    }

    /** Every problem with {@code goodput}, in the order its entries are written; empty when valid. */
    static List<AttributeProblem> check(String goodput) {
        List<AttributeProblem> problems = new ArrayList<>();
        if (goodput.isBlank()) {
            problems.add(AttributeProblem.whole(ErrorMessages.GOODPUT_BLANK));
            return problems;
        }
        Set<String> seen = new HashSet<>();
        for (String entry : goodput.strip().split("\\s+")) {
            int colon = entry.indexOf(':');
            if (colon <= 0 || colon != entry.lastIndexOf(':')) {
                problems.add(AttributeProblem.whole(ErrorMessages.GOODPUT_NOT_A_PAIR, entry));
                continue;
            }
            String tag = entry.substring(0, colon);
            String value = entry.substring(colon + 1);
            if (!SloMetrics.TAGS.contains(tag)) {
                problems.add(AttributeProblem.whole(ErrorMessages.GOODPUT_UNKNOWN_TAG, tag, SloMetrics.TAGS));
            } else if (!seen.add(tag)) {
                problems.add(AttributeProblem.whole(ErrorMessages.GOODPUT_DUPLICATE_TAG, tag));
            }
            if (!isPositiveFinite(value)) {
                problems.add(AttributeProblem.whole(ErrorMessages.GOODPUT_BAD_VALUE, value, tag, tag));
            }
        }
        return problems;
    }

    private static boolean isPositiveFinite(String value) {
        if (!DECIMAL.matcher(value).matches()) {
            return false;
        }
        double number = Double.parseDouble(value);
        return number > 0 && Double.isFinite(number);
    }
}
