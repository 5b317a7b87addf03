package io.llmbench.runtime.report;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * Number formats of the reports, fixed to {@link Locale#ROOT} whatever the machine's locale.
 * {@link DecimalFormat} rounds half-even on the exact binary value, as Python's {@code format}
 * does, so two decimals print as AIPerf prints them.
 */
public final class DisplayNumbers {

    /** Printed where a statistic is missing. */
    static final String NOT_AVAILABLE = "N/A";

    private static final DecimalFormatSymbols ROOT = DecimalFormatSymbols.getInstance(Locale.ROOT);

    private DisplayNumbers() {
    }

    /** {@code 36,158.25}; {@code N/A} for {@code NaN}. */
    public static String grouped(double value) {
        if (Double.isNaN(value)) {
            return NOT_AVAILABLE;
        }
        return new DecimalFormat("#,##0.00", ROOT).format(value);
    }

    /** {@code 1,234}. */
    static String groupedInteger(long value) {
        return new DecimalFormat("#,##0", ROOT).format(value);
    }

    /** {@code 36158.25}: for CSV cells, where a thousands separator would split nothing but confuse readers. */
    static String plain(double value) {
        if (Double.isNaN(value)) {
            return "";
        }
        return new DecimalFormat("0.00", ROOT).format(value);
    }
}
