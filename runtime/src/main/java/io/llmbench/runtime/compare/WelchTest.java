package io.llmbench.runtime.compare;

import io.llmbench.runtime.metrics.Statistics;
import io.llmbench.runtime.metrics.StudentT;

/**
 * Whether two small sets of runs differ in a run-level metric by more than their run-to-run spread:
 * the two-sided Welch's t-test on the runs' values (each run is one value, such as its request
 * throughput), with the Welch–Satterthwaite degrees of freedom.
 */
public final class WelchTest {

    private WelchTest() {
    }

    /**
     * The p-value of "both sets have the same mean", or {@code NaN} when either has fewer than two
     * runs (no spread to judge by).
     */
    public static double pValue(double[] a, double[] b) {
        if (a.length < 2 || b.length < 2) {
            return Double.NaN;
        }
        Statistics sa = Statistics.of(a);
        Statistics sb = Statistics.of(b);
        double va = sa.sampleVariance() / a.length;
        double vb = sb.sampleVariance() / b.length;
        double diff = Math.abs(sa.avg() - sb.avg());
        if (va + vb == 0) {
            return diff == 0 ? 1.0 : 0.0; // no spread at all: any difference is real
        }
        double t = diff / Math.sqrt(va + vb);
        double df = (va + vb) * (va + vb) / (va * va / (a.length - 1) + vb * vb / (b.length - 1));
        return StudentT.twoSidedP(t, df);
    }
}
