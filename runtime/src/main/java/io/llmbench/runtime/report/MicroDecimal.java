package io.llmbench.runtime.report;

/**
 * Writes a double that is a whole number of millionths, such as a latency in ms measured in whole
 * nanoseconds, as its shortest decimal, without allocating. The export writes 128 inter-chunk
 * latencies per stream of 128 tokens, and Jackson's double writer made a decimal object, a byte
 * array and a {@code String} for each: a quarter of the client's allocation at concurrency 32.
 *
 * <p>The text is the one Jackson's writer (Schubfach, the format of {@code Double.toString}) gives:
 * when {@code value == n / 1e6} for a whole {@code n} below 10<sup>13</sup>, the double is the
 * closest one to the decimal {@code n}·10<sup>−6</sup>, which has at most 13 significant digits, and
 * no shorter decimal is that close to it (neighbouring doubles differ only in the 16th or 17th
 * significant digit), so that decimal is the shortest repr. Other values, and those Java writes in scientific notation (below 10<sup>−3</sup>
 * and from 10<sup>7</sup>), are left to Jackson. Not thread-safe: one per writer.
 */
final class MicroDecimal {

    private static final long MILLION = 1_000_000L;
    /** The plain notation's range in millionths: [10^-3, 10^7). */
    private static final long LOWEST = 1_000L;
    private static final long BEYOND = 10_000_000L * MILLION;

    private final char[] chars = new char[24];

    /** The last formatted value's text, in as many leading characters as {@link #format} returned. */
    char[] chars() {
        return chars;
    }

    /**
     * Formats {@code value} into {@link #chars()} and returns the text's length, or {@code -1} when
     * {@code value} is not a whole number of millionths in the plain notation's range (write it
     * with Jackson then).
     */
    int format(double value) {
        if (Double.doubleToRawLongBits(value) == 0L) {
            chars[0] = '0';
            chars[1] = '.';
            chars[2] = '0';
            return 3;
        }
        if (!(value >= 1e-3 && value < 1e7)) {
            return -1;
        }
        long millionths = Math.round(value * 1e6);
        if (millionths < LOWEST || millionths >= BEYOND || millionths / 1e6 != value) {
            return -1;
        }
        long whole = millionths / MILLION;
        int fraction = (int) (millionths % MILLION);
        int at = writeWhole(whole);
        chars[at++] = '.';
        if (fraction == 0) {
            chars[at++] = '0';
            return at;
        }
        int digits = 6;
        while (fraction % 10 == 0) {
            fraction /= 10;
            digits--;
        }
        for (int i = at + digits - 1; i >= at; i--) {
            chars[i] = (char) ('0' + fraction % 10);
            fraction /= 10;
        }
        return at + digits;
    }

    /** Writes {@code whole} (below 10^7) at the start and returns where it ends. */
    private int writeWhole(long whole) {
        int length = 1;
        for (long rest = whole / 10; rest > 0; rest /= 10) {
            length++;
        }
        long rest = whole;
        for (int i = length - 1; i >= 0; i--) {
            chars[i] = (char) ('0' + rest % 10);
            rest /= 10;
        }
        return length;
    }
}
