package io.llmbench.runtime.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class StatisticsTest {

    @Test
    void singleValueIsEveryStatisticWithZeroStd() {
        Statistics s = Statistics.of(new double[] {42.5});
        assertEquals(1, s.count());
        for (double v : new double[] {s.avg(), s.min(), s.max(), s.p1(), s.p5(), s.p10(), s.p25(), s.p50(), s.p75(),
                s.p90(), s.p95(), s.p99()}) {
            assertEquals(42.5, v, "every statistic of one value is that value");
        }
        assertEquals(0.0, s.std());
    }

    @Test
    void oddCountPercentilesInterpolateBetweenClosestRanksLikeNumpy() {
        // n = 5, virtual index = 4 * p / 100.
        Statistics s = Statistics.of(new double[] {5, 3, 1, 4, 2});
        assertEquals(1.0, s.min());
        assertEquals(5.0, s.max());
        assertEquals(3.0, s.avg());
        assertEquals(1.04, s.p1(), "index 0.04: 1 + 0.04 * (2 - 1)");
        assertEquals(1.2, s.p5(), 1e-15);
        assertEquals(1.4, s.p10(), 1e-15);
        assertEquals(2.0, s.p25(), "index 1 is exactly the second value");
        assertEquals(3.0, s.p50());
        assertEquals(4.0, s.p75());
        // index 3.6: fraction >= 0.5, so numpy interpolates down from the upper neighbour: 5 - 1 * 0.4.
        assertEquals(5 - (1 - (4 * 0.9 - 3)), s.p90());
        assertEquals(5 - (1 - (4 * 0.99 - 3)), s.p99());
        assertEquals(Math.sqrt(2.0), s.std(), "population std of 1..5 is sqrt(10 / 5)");
    }

    @Test
    void evenCountMedianIsTheMeanOfTheMiddlePair() {
        // n = 4, virtual index = 3 * p / 100.
        Statistics s = Statistics.of(new double[] {40, 10, 30, 20});
        assertEquals(25.0, s.p50(), "index 1.5 between 20 and 30");
        assertEquals(17.5, s.p25(), "index 0.75: 20 - 10 * 0.25");
        assertEquals(32.5, s.p75(), "index 2.25: 30 + 10 * 0.25");
        assertEquals(37.0, s.p90(), 1e-12);
        assertEquals(40 - 10 * (1 - (3 * 0.99 - 2)), s.p99(), "same operations as numpy's _lerp, to the last bit");
        assertEquals(39.699999999999996, s.p99(), "numpy.percentile([10,20,30,40], 99)");
        assertEquals(10 + 10 * (3 * 0.01), s.p1());
        assertEquals(Math.sqrt(125.0), s.std(), "deviations 15, 5, 5, 15: squares sum to 500, / 4");
    }

    @Test
    void fractionsFromOneHalfUpInterpolateFromTheUpperNeighbourAsNumpyDoes() {
        // 0.7 - 0.1 = 0.6 (0.59999999999999998 in binary): from below, 0.1 + 0.6 * 0.5 rounds to 0.4,
        // but numpy computes 0.7 - 0.6 * 0.5 = 0.39999999999999997, and so must we.
        Statistics s = Statistics.of(new double[] {0.7, 0.1});
        assertEquals(0.39999999999999997, s.p50());
        assertEquals(0.1 + (0.7 - 0.1) * 0.5, 0.4, "the naive formula would give a different last digit");
        // Below one half numpy interpolates from the lower neighbour: 0.1 + 0.6 * 0.1 = 0.16.
        assertEquals(0.16, s.p10());
    }

    @Test
    void stdIsThePopulationStandardDeviation() {
        // The textbook case: mean 5, squared deviations sum to 32, 32 / 8 = 4 (the sample std would be 2.138...).
        Statistics s = Statistics.of(new double[] {2, 4, 4, 4, 5, 5, 7, 9});
        assertEquals(5.0, s.avg());
        assertEquals(2.0, s.std());
    }

    @Test
    void meanUsesNumpysPairwiseSummation() {
        // Nine times 0.1: a running sum gives 0.8999999999999999, numpy's eight accumulators
        // ((0.2 + 0.2) + (0.2 + 0.2)) + 0.1 give 0.9, and so a mean of exactly 0.1.
        double[] values = new double[9];
        java.util.Arrays.fill(values, 0.1);
        double running = 0;
        for (double v : values) {
            running += v;
        }
        assertEquals(0.8999999999999999, running);
        assertEquals(0.9, Statistics.pairwiseSum(values, 0, 9));
        assertEquals(0.1, Statistics.of(values).avg());
    }

    @Test
    void usesOnlyTheGivenLengthAndLeavesTheArrayAlone() {
        double[] values = {3, 1, 2, 1000, 1000};
        Statistics s = Statistics.of(values, 3);
        assertEquals(3, s.count());
        assertEquals(3.0, s.max());
        assertEquals(2.0, s.p50());
        assertArrayEquals(new double[] {3, 1, 2, 1000, 1000}, values);
    }

    @Test
    void noValuesIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> Statistics.of(new double[0]));
    }
}
