package io.llmbench.runtime.compare;

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
        double va = variance(a) / a.length;
        double vb = variance(b) / b.length;
        double diff = Math.abs(mean(a) - mean(b));
        if (va + vb == 0) {
            return diff == 0 ? 1.0 : 0.0; // no spread at all: any difference is real
        }
        double t = diff / Math.sqrt(va + vb);
        double df = (va + vb) * (va + vb) / (va * va / (a.length - 1) + vb * vb / (b.length - 1));
        return StudentT.twoSidedP(t, df);
    }

    private static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }

    /** The unbiased sample variance. */
    private static double variance(double[] values) {
        double mean = mean(values);
        double sum = 0;
        for (double v : values) {
            sum += (v - mean) * (v - mean);
        }
        return sum / (values.length - 1);
    }
}
