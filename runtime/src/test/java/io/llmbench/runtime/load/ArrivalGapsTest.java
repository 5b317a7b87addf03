package io.llmbench.runtime.load;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.llmbench.runtime.spec.ArrivalPattern;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ArrivalGapsTest {

    private static double[] gaps(ArrivalPattern pattern, double smoothness, long seed, int n) {
        ArrivalGaps gaps = new ArrivalGaps(pattern, smoothness, seed);
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = gaps.nextSeconds(50);
        }
        return values;
    }

    private static double mean(double[] values) {
        return Arrays.stream(values).average().orElseThrow();
    }

    /** Coefficient of variation: 0 for constant, 1 for exponential, 1/sqrt(k) for gamma of shape k. */
    private static double cv(double[] values) {
        double mean = mean(values);
        double variance = Arrays.stream(values).map(v -> (v - mean) * (v - mean)).average().orElseThrow();
        return Math.sqrt(variance) / mean;
    }

    @Test
    void constantGapsAreExactlyOneOverTheRate() {
        double[] values = gaps(ArrivalPattern.CONSTANT, 1, 0, 100);
        for (double value : values) {
            assertEquals(0.02, value, 1e-15);
        }
    }

    @Test
    void poissonGapsAreExponentialWithTheRatesMean() {
        double[] values = gaps(ArrivalPattern.POISSON, 1, 7, 200_000);
        assertEquals(0.02, mean(values), 0.0005);
        assertEquals(1.0, cv(values), 0.02);
    }

    @Test
    void gammaSmoothnessSetsTheBurstinessAndKeepsTheMean() {
        for (double k : new double[] {0.25, 0.5, 1, 4}) {
            double[] values = gaps(ArrivalPattern.GAMMA, k, 11, 200_000);
            assertEquals(0.02, mean(values), 0.02 * 0.03, "mean at smoothness " + k);
            assertEquals(1 / Math.sqrt(k), cv(values), 0.05 / Math.sqrt(k), "variation at smoothness " + k);
        }
    }

    @Test
    void theSameSeedGivesTheSameScheduleAndAnotherSeedAnother() {
        assertArrayEquals(gaps(ArrivalPattern.GAMMA, 0.5, 42, 1000), gaps(ArrivalPattern.GAMMA, 0.5, 42, 1000));
        assertFalse(Arrays.equals(gaps(ArrivalPattern.POISSON, 1, 42, 1000), gaps(ArrivalPattern.POISSON, 1, 43, 1000)));
    }

    @Test
    void rateRampStartsLowAndReachesTheTargetAtItsEnd() {
        RateArrivals arrivals = new RateArrivals(100, ArrivalPattern.CONSTANT, 1, Duration.ofSeconds(10), 0);
        assertEquals(1.0, arrivals.rateAt(0), 1e-9, "starts at the share of one 100 ms step of the ramp");
        assertEquals(50, arrivals.rateAt(5), 1e-9);
        assertEquals(100, arrivals.rateAt(10), 1e-9);
        assertEquals(100, arrivals.rateAt(60), 1e-9);
        RateArrivals flat = new RateArrivals(100, ArrivalPattern.CONSTANT, 1, null, 0);
        assertEquals(0, flat.offsetNs(0));
        assertEquals(10_000_000, flat.offsetNs(1));
        assertEquals(20_000_000, flat.offsetNs(2));
    }
}
