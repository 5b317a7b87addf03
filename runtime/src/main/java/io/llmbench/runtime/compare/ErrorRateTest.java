package io.llmbench.runtime.compare;

/**
 * Whether two runs' error rates differ by more than chance: the two-sided two-proportion z-test
 * with the pooled rate (errors of the sent requests in each run).
 */
public final class ErrorRateTest {

    private ErrorRateTest() {
    }

    /**
     * The p-value of "both runs fail at the same rate", or {@code NaN} when a run sent nothing.
     *
     * @param errorsA failed requests of the first run
     * @param sentA requests it sent that either succeeded or failed
     */
    public static double pValue(long errorsA, long sentA, long errorsB, long sentB) {
        if (sentA <= 0 || sentB <= 0) {
            return Double.NaN;
        }
        double pooled = (errorsA + errorsB) / (double) (sentA + sentB);
        double variance = pooled * (1 - pooled) * (1.0 / sentA + 1.0 / sentB);
        if (variance <= 0) {
            return 1.0; // both runs all failed or none failed: nothing differs
        }
        double z = Math.abs(errorsA / (double) sentA - errorsB / (double) sentB) / Math.sqrt(variance);
        return Math.min(1.0, 2 * MannWhitneyTest.upperTail(z));
    }
}
