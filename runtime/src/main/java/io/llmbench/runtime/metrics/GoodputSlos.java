package io.llmbench.runtime.metrics;

import io.llmbench.runtime.UserInputException;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The service level objectives that decide which requests count for goodput, parsed from
 * {@code "time_to_first_token:200 inter_token_latency:20"} (values in display units). A request is
 * good when it meets every SLO: at most the SLO for smaller-is-better metrics, at least the SLO for
 * larger-is-better ones ({@link MetricTag#isLargerBetter()}); a request without a value for a
 * metric that has an SLO is not good.
 */
public final class GoodputSlos {

    private static final GoodputSlos NONE = new GoodputSlos(new EnumMap<>(MetricTag.class));

    private final Map<MetricTag, Double> slos;

    private GoodputSlos(EnumMap<MetricTag, Double> slos) {
        this.slos = Collections.unmodifiableMap(slos);
    }

    /** No SLOs: goodput is not computed. */
    public static GoodputSlos none() {
        return NONE;
    }

    /**
     * Parses whitespace-separated {@code tag:value} pairs; a blank or {@code null} text means no SLOs.
     *
     * @throws UserInputException on an unknown tag, a value that is not a non-negative number, a
     *     pair without a colon, or a tag given twice
     */
    public static GoodputSlos parse(String text) {
        if (text == null || text.isBlank()) {
            return NONE;
        }
        EnumMap<MetricTag, Double> slos = new EnumMap<>(MetricTag.class);
        for (String pair : text.trim().split("\\s+")) {
            int colon = pair.indexOf(':');
            if (colon <= 0 || colon == pair.length() - 1) {
                throw new UserInputException("Goodput SLO '" + pair + "' is not of the form tag:value, e.g. "
                        + "'time_to_first_token:200 inter_token_latency:20'.");
            }
            String tagText = pair.substring(0, colon);
            String valueText = pair.substring(colon + 1);
            MetricTag tag = MetricTag.fromTag(tagText).filter(MetricTag::isSloAllowed).orElseThrow(
                    () -> new UserInputException("Goodput SLO names unknown metric '" + tagText
                            + "'; use one of: " + allowedTags() + "."));
            double value;
            try {
                value = Double.parseDouble(valueText);
            } catch (NumberFormatException e) {
                throw new UserInputException("Goodput SLO '" + pair + "' has a value that is not a number: '"
                        + valueText + "'; write e.g. " + tagText + ":200 (in " + tag.unit() + ").");
            }
            if (!Double.isFinite(value) || value < 0) {
                throw new UserInputException("Goodput SLO '" + pair + "' must be a non-negative finite number (in "
                        + tag.unit() + ").");
            }
            if (slos.put(tag, value) != null) {
                throw new UserInputException("Goodput SLO for '" + tagText + "' is given twice; keep one.");
            }
        }
        return new GoodputSlos(slos);
    }

    private static String allowedTags() {
        return MetricTag.sloAllowed().stream().map(MetricTag::tag).collect(Collectors.joining(", "));
    }

    /** Whether any SLO is set (and so goodput is computed). */
    public boolean isEmpty() {
        return slos.isEmpty();
    }

    /** The SLOs by metric, in metric order, in display units. */
    public Map<MetricTag, Double> asMap() {
        return slos;
    }

    /** Whether {@code values} meets every SLO. */
    public boolean isGood(RequestValues values) {
        return isGood(tag -> values.has(tag) ? values.get(tag) : Double.NaN);
    }

    /**
     * Whether a request whose value of each metric is {@code valueOf} ({@code NaN} when it has none)
     * meets every SLO; a request missing a metric that has an SLO does not.
     */
    public boolean isGood(java.util.function.ToDoubleFunction<MetricTag> valueOf) {
        for (Map.Entry<MetricTag, Double> slo : slos.entrySet()) {
            MetricTag tag = slo.getKey();
            double value = valueOf.applyAsDouble(tag);
            if (Double.isNaN(value)) {
                return false;
            }
            boolean met = tag.isLargerBetter() ? value >= slo.getValue() : value <= slo.getValue();
            if (!met) {
                return false;
            }
        }
        return true;
    }

    /** The SLOs as they are written: {@code tag:value tag:value}. */
    @Override
    public String toString() {
        return slos.entrySet().stream()
                .map(e -> e.getKey().tag() + ":" + stripZeros(e.getValue()))
                .collect(Collectors.joining(" "));
    }

    private static String stripZeros(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value) : Double.toString(value);
    }
}
