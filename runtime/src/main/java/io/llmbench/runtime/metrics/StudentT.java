package io.llmbench.runtime.metrics;

/**
 * Student's t distribution with {@code df} degrees of freedom (not necessarily whole): its two-sided
 * tail {@code P(|T| >= t)}, through the regularized incomplete beta function
 * {@code I_{df / (df + t^2)}(df / 2, 1 / 2)}, and the critical value of a two-sided confidence
 * interval at any level, by inverting that tail.
 */
public final class StudentT {

    private static final int MAX_ITERATIONS = 300;
    private static final double EPSILON = 1e-14;
    private static final double TINY = 1e-300;

    private StudentT() {
    }

    /** {@code P(|T| >= t)}; {@code NaN} for a {@code NaN} t or {@code df <= 0}. */
    public static double twoSidedP(double t, double df) {
        if (Double.isNaN(t) || !(df > 0)) {
            return Double.NaN;
        }
        if (Double.isInfinite(t)) {
            return 0.0;
        }
        return Math.min(1.0, regularizedBeta(df / (df + t * t), df / 2, 0.5));
    }

    /**
     * The critical value {@code t} of a two-sided interval at {@code confidenceLevel}: the quantile
     * {@code 1 - (1 - level) / 2} of the distribution (SciPy's {@code t.ppf(1 - alpha / 2, df)}), so that
     * {@code mean ± t · se} covers the mean at that level. {@code NaN} for a level outside (0, 1) or
     * {@code df <= 0}.
     */
    public static double critical(double confidenceLevel, double df) {
        if (!(confidenceLevel > 0 && confidenceLevel < 1) || !(df > 0)) {
            return Double.NaN;
        }
        double tail = 1 - confidenceLevel;
        // The tail falls as t grows: widen the bracket until it holds the answer, then bisect to the
        // last bit (a hundred-odd halvings; this is computed once per metric, not per request).
        double low = 0;
        double high = 1;
        while (twoSidedP(high, df) > tail) {
            low = high;
            high *= 2;
            if (Double.isInfinite(high)) {
                return Double.POSITIVE_INFINITY;
            }
        }
        for (int i = 0; i < 200 && high - low > Math.ulp(high); i++) {
            double middle = (low + high) / 2;
            if (twoSidedP(middle, df) > tail) {
                low = middle;
            } else {
                high = middle;
            }
        }
        return (low + high) / 2;
    }

    /** {@code I_x(a, b)}, by its continued fraction (modified Lentz), on the side where it converges fast. */
    static double regularizedBeta(double x, double a, double b) {
        if (x <= 0) {
            return 0.0;
        }
        if (x >= 1) {
            return 1.0;
        }
        double front = Math.exp(logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log1p(-x));
        if (x < (a + 1) / (a + b + 2)) {
            return front * continuedFraction(x, a, b) / a;
        }
        return 1.0 - front * continuedFraction(1 - x, b, a) / b;
    }

    private static double continuedFraction(double x, double a, double b) {
        double c = 1.0;
        double d = 1.0 - (a + b) * x / (a + 1);
        d = 1.0 / (Math.abs(d) < TINY ? TINY : d);
        double h = d;
        for (int m = 1; m <= MAX_ITERATIONS; m++) {
            int m2 = 2 * m;
            double even = m * (b - m) * x / ((a + m2 - 1) * (a + m2));
            d = 1.0 + even * d;
            d = 1.0 / (Math.abs(d) < TINY ? TINY : d);
            c = 1.0 + even / c;
            c = Math.abs(c) < TINY ? TINY : c;
            h *= d * c;
            double odd = -(a + m) * (a + b + m) * x / ((a + m2) * (a + m2 + 1));
            d = 1.0 + odd * d;
            d = 1.0 / (Math.abs(d) < TINY ? TINY : d);
            c = 1.0 + odd / c;
            c = Math.abs(c) < TINY ? TINY : c;
            double step = d * c;
            h *= step;
            if (Math.abs(step - 1.0) < EPSILON) {
                break;
            }
        }
        return h;
    }

    /** {@code ln Γ(x)} for {@code x > 0} (Lanczos, g = 7, nine coefficients). */
    static double logGamma(double x) {
        if (x < 0.5) {
            // Reflection: Γ(x) Γ(1 - x) = π / sin(πx).
            return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
        }
        double[] g = {0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
            -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
            1.5056327351493116e-7};
        double z = x - 1;
        double sum = g[0];
        for (int i = 1; i < g.length; i++) {
            sum += g[i] / (z + i);
        }
        double t = z + 7.5;
        return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(sum);
    }
}
