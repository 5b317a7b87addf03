package io.llmbench.runtime.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.io.NumberOutput;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** {@link MicroDecimal} against the text Jackson's fast double writer gives for the same doubles. */
class MicroDecimalTest {

    private final MicroDecimal decimal = new MicroDecimal();

    /** What the export writes for {@code value}: the formatter's text, or Jackson's where it declines. */
    private String written(double value) {
        int length = decimal.format(value);
        return length < 0 ? NumberOutput.toString(value, true) : new String(decimal.chars(), 0, length);
    }

    private void assertSameAsJackson(double value) {
        assertEquals(NumberOutput.toString(value, true), written(value), "value " + value);
    }

    @Test
    void wholeNanosecondsInMillisecondsAreWrittenAsJacksonWritesThem() {
        long[] edges = {1_000, 1_001, 1_010, 1_100, 9_999, 10_000, 123_456, 999_999, 1_000_000, 1_000_001,
            1_500_000, 2_000_000, 10_000_123, 999_999_999, 1_000_000_000, 9_999_999_999_999L};
        for (long ns : edges) {
            assertSameAsJackson(ns / 1e6);
            assertEquals(true, decimal.format(ns / 1e6) > 0, "formatted itself: " + ns);
        }
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 200_000; i++) {
            // Every magnitude from 1 µs to 2.7 hours, and many short gaps as streams have.
            long ns = i % 2 == 0 ? random.nextLong(1_000, 100_000_000) : random.nextLong(1_000, 10_000_000_000_000L);
            double value = ns / 1e6;
            assertSameAsJackson(value);
            assertEquals(true, decimal.format(value) > 0, "formatted itself: " + ns);
        }
    }

    @Test
    void zeroIsWrittenAsJacksonWritesIt() {
        assertEquals("0.0", written(0.0));
        assertSameAsJackson(0.0);
        assertSameAsJackson(-0.0);
    }

    @Test
    void declinesWhatItCannotWriteExactlyAndJacksonWritesThose() {
        double[] others = {1.0 / 3, 0.1234567, 12.34567891, 5e-4, 1e-7, 999e-6, 1e7, 1.5e7, 123456789.0,
            -1.5, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.MIN_VALUE, Math.PI};
        for (double value : others) {
            assertEquals(-1, decimal.format(value), "value " + value);
            assertSameAsJackson(value);
        }
        SplittableRandom random = new SplittableRandom(11);
        for (int i = 0; i < 100_000; i++) {
            double value = random.nextDouble() * Math.pow(10, random.nextInt(-4, 8));
            assertSameAsJackson(value);
        }
    }
}
