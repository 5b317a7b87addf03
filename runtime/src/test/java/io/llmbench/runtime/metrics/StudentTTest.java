package io.llmbench.runtime.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class StudentTTest {

    @Test
    void tailMatchesTheTablesAtTheirCriticalValues() {
        // Two-sided critical values of Student's t (any statistics table).
        assertEquals(0.05, StudentT.twoSidedP(12.706, 1), 1e-4);
        assertEquals(0.05, StudentT.twoSidedP(2.776, 4), 1e-4);
        assertEquals(0.05, StudentT.twoSidedP(2.228, 10), 1e-4);
        assertEquals(0.01, StudentT.twoSidedP(2.845, 20), 1e-4);
        assertEquals(0.05, StudentT.twoSidedP(1.960, 1e7), 1e-4, "the normal limit");
        assertEquals(1.0, StudentT.twoSidedP(0, 3), 1e-12);
        assertEquals(Math.log(24), StudentT.logGamma(5), 1e-12);
        assertEquals(0.5 * Math.log(Math.PI), StudentT.logGamma(0.5), 1e-12);
    }

    @Test
    void criticalValueMatchesTheTablesAtAnyConfidenceLevel() {
        // t-table, two-sided: df = 4 at 90%, 95%, 99%.
        assertEquals(2.132, StudentT.critical(0.90, 4), 5e-4);
        assertEquals(2.776, StudentT.critical(0.95, 4), 5e-4);
        assertEquals(4.604, StudentT.critical(0.99, 4), 5e-4);
        // df = 1 and 2 (3 runs), 9 (10 runs), and levels the table rows do not list.
        assertEquals(12.706, StudentT.critical(0.95, 1), 5e-4);
        assertEquals(63.657, StudentT.critical(0.99, 1), 5e-3);
        assertEquals(2.920, StudentT.critical(0.90, 2), 5e-4);
        assertEquals(9.925, StudentT.critical(0.99, 2), 5e-4);
        assertEquals(2.262, StudentT.critical(0.95, 9), 5e-4);
        assertEquals(0.741, StudentT.critical(0.50, 4), 5e-4);
        assertEquals(8.610, StudentT.critical(0.999, 4), 5e-3);
        assertEquals(1.960, StudentT.critical(0.95, 1e7), 5e-4, "the normal limit");
        // SciPy: t.ppf(0.9875, 3) = 4.176535; to the digits it prints.
        assertEquals(4.176535, StudentT.critical(0.975, 3), 1e-6);
    }

    @Test
    void criticalValueGrowsWithTheLevelAndIsUndefinedOutsideZeroToOne() {
        double previous = 0;
        for (double level = 0.05; level < 1; level += 0.05) {
            double t = StudentT.critical(level, 3);
            assertTrue(t > previous, "level " + level + ": " + t + " after " + previous);
            assertEquals(1 - level, StudentT.twoSidedP(t, 3), 1e-12, "inverts the tail at " + level);
            previous = t;
        }
        assertTrue(Double.isNaN(StudentT.critical(0, 4)));
        assertTrue(Double.isNaN(StudentT.critical(1, 4)));
        assertTrue(Double.isNaN(StudentT.critical(-0.5, 4)));
        assertTrue(Double.isNaN(StudentT.critical(Double.NaN, 4)));
        assertTrue(Double.isNaN(StudentT.critical(0.95, 0)));
    }
}
