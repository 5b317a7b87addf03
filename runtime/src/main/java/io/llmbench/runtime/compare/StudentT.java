package io.llmbench.runtime.compare;

/**
 * Student's t distribution's two-sided tail, {@code P(|T| >= t)} with {@code df} degrees of freedom
 * (not necessarily whole), through the regularized incomplete beta function:
 * {@code I_{df / (df + t^2)}(df / 2, 1 / 2)}.
 */
final class StudentT {

    private static final int MAX_ITERATIONS = 300;
    private static final double EPSILON = 1e-14;
    private static final double TINY = 1e-300;

    private StudentT() {
    }

    static double twoSidedP(double t, double df) {
        if (Double.isNaN(t) || !(df > 0)) {
            return Double.NaN;
        }
        if (Double.isInfinite(t)) {
            return 0.0;
        }
        return Math.min(1.0, regularizedBeta(df / (df + t * t), df / 2, 0.5));
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
