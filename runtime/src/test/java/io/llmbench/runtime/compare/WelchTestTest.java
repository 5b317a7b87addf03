package io.llmbench.runtime.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class WelchTestTest {

    @Test
    void welchsTestMatchesAWorkedExampleAndNeedsTwoRunsASide() {
        // Means 10 and 12, variances 1.25 and 5, five runs each: t = 2 / sqrt(0.25 + 1) = 1.789 with
        // 5.882 degrees of freedom; SciPy's ttest_ind(equal_var=False) gives p = 0.12484.
        double p = WelchTest.pValue(new double[] {8.5, 9.5, 10, 10.5, 11.5}, new double[] {9, 11, 12, 13, 15});
        assertEquals(0.12484, p, 1e-4);
        // Far apart for their spread: t = 24.49 with 4 degrees of freedom, p = 1.648e-5.
        assertEquals(1.648e-5, WelchTest.pValue(new double[] {100, 101, 99}, new double[] {80, 81, 79}), 1e-7);
        assertTrue(Double.isNaN(WelchTest.pValue(new double[] {1}, new double[] {1, 2})),
                "one run has no spread to judge by");
        assertEquals(1.0, WelchTest.pValue(new double[] {3, 3}, new double[] {3, 3}));
        assertEquals(0.0, WelchTest.pValue(new double[] {3, 3}, new double[] {4, 4}));
    }
}
